import { contentHashes } from "../../tools/site-footprint.ts";

/** Every file under `dir` with the SHA-256 of its bytes, keyed by relative path, in path order. */
export async function fileHashes(dir: string): Promise<Record<string, string>> {
  return Object.fromEntries([...contentHashes(dir)].sort(([a], [b]) => a.localeCompare(b)));
}

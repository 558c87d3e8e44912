import { readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";

/**
 * Deletes the entries (files or folders) of a cache folder whose names this build did not use,
 * so the cache does not grow with each build; a half-written entry left by a killed build is
 * one of them. One cache serves one build at a time (`npm start` keeps its own). Gives how many
 * were deleted.
 */
export async function pruneUnused(dir: string, used: ReadonlySet<string>): Promise<number> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => !used.has(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  // A few at a time: a template edit leaves every page of a large site unused at once.
  for (let start = 0; start < names.length; start += 32) {
    await Promise.all(names.slice(start, start + 32).map((name) => rm(path.join(dir, name), { recursive: true, force: true })));
  }
  return names.length;
}

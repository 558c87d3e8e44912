import { createHash } from "node:crypto";

/**
 * A page view's cache key: the hash of its JSON, whatever it holds, so no one lists what a page
 * shows. An edition, shared by every page and hashed once in the shared key, serializes as its
 * name (`config/editions.ts`). Functions are left out (JSON has none): a view's function reads
 * only what another of its fields names (an article's body, named by its file's hash).
 */
export function viewKey(view: unknown): string {
  return createHash("sha256").update(JSON.stringify(view) ?? "").digest("hex").slice(0, 32);
}

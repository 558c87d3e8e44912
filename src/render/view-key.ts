import { createHash } from "node:crypto";

/**
 * Hashes page views into cache keys. A view is hashed as JSON, whatever it holds, so no one lists
 * what a page shows. Objects every page shares (an edition, with its words and sections) are in
 * the shared key already and are hashed by name here: otherwise each page would hash them again.
 * Functions are left out (JSON has none): a view's function only reads what another field names.
 */
export function viewHasher(sharedObjects: ReadonlyMap<object, string>): (view: unknown) => string {
  const marked = new Map([...sharedObjects].map(([object, name]) => [object, `\u0000shared:${name}`]));
  const replacer = (_key: string, value: unknown) => (typeof value === "object" && value !== null ? (marked.get(value) ?? value) : value);
  return (view) => createHash("sha256").update(JSON.stringify(view, replacer) ?? "").digest("hex").slice(0, 32);
}

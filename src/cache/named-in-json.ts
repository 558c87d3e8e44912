import { createHash } from "node:crypto";

/**
 * Gives `value` a JSON of its own: the hash of its fields' JSON, taken once. Page views are hashed
 * as JSON for their cache keys (`render/view-key.ts`), and the same teaser or related link is in
 * many views (a story's section, tag and day lists; a dozen stories' Recommended Reading), so each
 * is serialized once, not in every view. The hash stands for every field, so the key still
 * changes whenever anything the value shows does. Freeze-free: the property is not enumerable,
 * so templates never see it.
 */
export function namedInJson<T extends object>(value: T, kind: string): T {
  const digest = createHash("sha256").update(JSON.stringify(value)).digest("base64");
  return Object.defineProperty(value, "toJSON", { value: () => ({ [kind]: digest }), enumerable: false });
}

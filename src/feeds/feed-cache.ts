import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { sha256, writeFileAtomically } from "../cache/integrity.ts";
import { pruneUnused } from "../cache/prune.ts";

/**
 * The feeds' files of the last builds, kept in `{cacheDir}/feeds/` under the hash of what they
 * were written from (the page cache's way), so a rebuild after one new story writes again only
 * the feeds that story is in and reads no other feed's bodies. Each entry's name carries the
 * hash of its bytes, checked before it is used: a damaged entry is written again.
 */
export interface FeedCache {
  /** The texts cached under `key` (32 hex digits), else those `make` gives (then cached). */
  files(key: string, make: () => string[]): string[];
  /** Deletes the entries this build did not use. */
  prune(): Promise<number>;
}

const ENTRY = /^([0-9a-f]{32})\.([0-9a-f]{32})\.json$/;

export function openFeedCache(cacheDir: string): FeedCache {
  const dir = path.join(cacheDir, "feeds");
  mkdirSync(dir, { recursive: true });
  const hashByKey = new Map<string, string>();
  const fileOf = (key: string, hash: string) => path.join(dir, `${key}.${hash}.json`);
  const used = new Set<string>();
  for (const name of readdirSync(dir)) {
    const match = ENTRY.exec(name);
    if (match) hashByKey.set(match[1]!, match[2]!);
  }
  return {
    files(key, make) {
      const hash = hashByKey.get(key);
      if (hash !== undefined) {
        try {
          const bytes = readFileSync(fileOf(key, hash));
          if (sha256(bytes).startsWith(hash)) {
            used.add(path.basename(fileOf(key, hash)));
            return JSON.parse(bytes.toString("utf8")) as string[];
          }
        } catch {
          // gone or unreadable: written again below
        }
      }
      const made = make();
      const bytes = Buffer.from(JSON.stringify(made));
      const written = sha256(bytes).slice(0, 32);
      writeFileAtomically(fileOf(key, written), bytes);
      hashByKey.set(key, written);
      used.add(path.basename(fileOf(key, written)));
      return made;
    },
    prune: () => pruneUnused(dir, used),
  };
}

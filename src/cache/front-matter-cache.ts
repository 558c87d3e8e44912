import { readFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { sha256, writeFileAtomically } from "./integrity.ts";

/**
 * What reading each article file gave the last build (its parsed, validated front matter), kept
 * in one file of the cache so a rebuild reads and hashes every article but parses and validates
 * only the ones that changed. The record knows nothing of articles: each entry is a file's path,
 * a key (the hash of its bytes and of everything else its reading depends on) and a JSON value.
 *
 * Like every cache entry it is verified, not trusted: each line carries the SHA-256 of the rest
 * of it, taken when it was written, and a line that does not match (cut short, edited, garbled)
 * is dropped and named, so that file is read again and the build says so.
 */

/** The record's file in the cache folder. */
export const FRONT_MATTER_CACHE_FILE = "front-matter.jsonl";

/** One line: the first 32 hex digits of the SHA-256 of the rest, a tab, the JSON of `[file, key, value]`. */
const lineOf = (rest: string) => `${sha256(rest).slice(0, 32)}\t${rest}`;

export interface FrontMatterCache {
  /** The value recorded for `file` under `key`, or undefined (none, another key, or damaged). */
  get(file: string, key: string): unknown;
  /** Records `value` for `file` under `key`; this build's record holds only files given here or got. */
  set(file: string, key: string, value: unknown): void;
  /** Files (as recorded, or "an entry" when even that is unreadable) whose lines were damaged. */
  readonly damaged: readonly string[];
  /** Writes the record when this build's entries differ from what it read (whole, or not at all). */
  save(): void;
}

/** Opens the record in `cacheDir`; a missing or unreadable one is empty (every file is read). */
export function openFrontMatterCache(cacheDir: string): FrontMatterCache {
  const file = path.join(cacheDir, FRONT_MATTER_CACHE_FILE);
  const recorded = new Map<string, { key: string; value: unknown; line: string }>();
  const damaged: string[] = [];
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    // no record yet
  }
  let lineCount = 0;
  for (const line of text.split("\n")) {
    if (line === "") continue;
    lineCount++;
    const tab = line.indexOf("\t");
    const rest = line.slice(tab + 1);
    let entry: unknown;
    if (tab === 32 && sha256(rest).startsWith(line.slice(0, 32))) {
      try {
        entry = JSON.parse(rest);
      } catch {
        // checked, yet not JSON: only a record written by other code
      }
    }
    if (Array.isArray(entry) && entry.length === 3 && typeof entry[0] === "string" && typeof entry[1] === "string") {
      recorded.set(entry[0], { key: entry[1], value: entry[2], line });
    } else {
      // Named by the file it was for, as far as that part of the line can still be read.
      const named = /^\["((?:[^"\\\n]|\\.){1,300})"/.exec(rest);
      let shown = "an entry";
      try {
        if (named) shown = JSON.parse(`"${named[1]}"`) as string;
      } catch {
        // the name itself is garbled: "an entry"
      }
      damaged.push(shown);
    }
  }
  const kept = new Map<string, string>();
  let changed = damaged.length > 0;
  return {
    get(name, key) {
      const entry = recorded.get(name);
      if (!entry || entry.key !== key) return undefined;
      kept.set(name, entry.line);
      return entry.value;
    },
    set(name, key, value) {
      kept.set(name, lineOf(JSON.stringify([name, key, value])));
      changed = true;
    },
    damaged,
    save() {
      if (!changed && kept.size === lineCount) return;
      mkdirSync(cacheDir, { recursive: true });
      writeFileAtomically(file, [...kept.values()].map((line) => `${line}\n`).join(""));
    },
  };
}

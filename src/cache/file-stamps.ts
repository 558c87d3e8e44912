import { mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { checkInBackground, sha256, writeFileAtomically } from "./integrity.ts";

/**
 * File stamps: the hash a build took of a file, under the state the file system reported for it
 * just before (size, modification time in nanoseconds, inode and device), so a later build that
 * finds the file in the same state knows its hash without reading it. This is how git's index
 * tells a changed file from an unchanged one: every write to a file's bytes moves its
 * modification time, and a file replaced by another (a rename, an editor's save) has another
 * inode. Only a tool that writes a file and then sets its time back to the old one, to the
 * nanosecond, at the same size, would get past it.
 *
 * A stamp is taken only of a file last written at least `SETTLED_MS` before it was looked at: a
 * second write within the same tick of a coarse clock (some file systems keep seconds) would
 * leave its state as it was. Such a file is hashed again by the next build, which stamps it then.
 *
 * The record is one file of the cache, verified like every entry (the SHA-256 of its body heads
 * it): a damaged record is ignored whole, and every file is hashed again.
 */
export interface FileStamps {
  /**
   * `file`'s state now (undefined when it cannot be looked at), and the hash stamped under that
   * state, if any. The state is what `record` takes once the file has been read and hashed.
   */
  check(file: string): { state?: FileState; hash?: string };
  /** Stamps `file` with `hash`, the hash of what was read after `state` was taken. */
  record(file: string, state: FileState, hash: string): void;
  /** Writes the stamps checked or recorded since the record was opened (whole, or not at all), when they differ from it. */
  save(): void;
}

/** A file's state as `check` took it. */
export interface FileState {
  stamp: string;
  /** Whether it was last written long enough before to be stamped. */
  settled: boolean;
}

/** How long after its last write a file's state tells later writes apart on every file system. */
export const SETTLED_MS = 3000;

/** The state of `file`, or undefined when it cannot be looked at. */
export function stateOf(file: string, now: number = Date.now()): FileState | undefined {
  try {
    const stats = statSync(file, { bigint: true });
    return {
      stamp: `${stats.size}:${stats.mtimeNs}:${stats.ino}:${stats.dev}`,
      settled: now - Number(stats.mtimeMs) >= SETTLED_MS,
    };
  } catch {
    return undefined;
  }
}

/** Opens the stamps kept in `recordFile`; a missing or damaged record holds none. */
export function openFileStamps(recordFile: string): FileStamps {
  const recorded = new Map<string, { stamp: string; hash: string }>();
  let text = "";
  try {
    text = readFileSync(recordFile, "utf8");
  } catch {
    // no record yet
  }
  const newline = text.indexOf("\n");
  const body = text.slice(newline + 1);
  if (newline === 64 && sha256(body) === text.slice(0, 64)) {
    for (const line of body.split("\n")) {
      const hashAt = line.lastIndexOf("\t");
      const stampAt = line.lastIndexOf("\t", hashAt - 1);
      if (stampAt <= 0) continue;
      try {
        recorded.set(JSON.parse(line.slice(0, stampAt)) as string, { stamp: line.slice(stampAt + 1, hashAt), hash: line.slice(hashAt + 1) });
      } catch {
        // cannot happen in a record whose hash holds; skipped all the same
      }
    }
  }
  const kept = new Map<string, { stamp: string; hash: string }>();
  let changed = false;
  return {
    check(file) {
      const state = stateOf(file);
      const entry = recorded.get(file);
      if (!state || !entry || entry.stamp !== state.stamp) return { state };
      kept.set(file, entry);
      return { state, hash: entry.hash };
    },
    record(file, state, hash) {
      if (!state.settled) return;
      const entry = recorded.get(file);
      if (entry?.stamp !== state.stamp || entry.hash !== hash) changed = true;
      kept.set(file, { stamp: state.stamp, hash });
    },
    save() {
      if (!changed && kept.size === recorded.size) return;
      const lines = [...kept].map(([file, { stamp, hash }]) => `${JSON.stringify(file)}\t${stamp}\t${hash}`).join("\n");
      mkdirSync(path.dirname(recordFile), { recursive: true });
      writeFileAtomically(recordFile, `${sha256(lines)}\n${lines}`);
    },
  };
}

/**
 * `checkInBackground` for files whose stamps `stamps` keeps: a file stamped with its expected
 * hash and unchanged since is intact without being read; the others are hashed in a background
 * thread, and those found intact are stamped. Gives the intact files; saves the stamps.
 */
export async function checkStamped(files: ReadonlyArray<readonly [file: string, expected: string]>, stamps: FileStamps): Promise<Set<string>> {
  const intact = new Set<string>();
  const toHash = new Map<string, { expected: string; state?: FileState }>();
  for (const [file, expected] of files) {
    const { state, hash } = stamps.check(file);
    if (hash === expected) intact.add(file);
    else toHash.set(file, { expected, state });
  }
  for (const file of await checkInBackground([...toHash].map(([file, { expected }]) => [file, expected] as const))) {
    intact.add(file);
    const { expected, state } = toHash.get(file)!;
    if (state) stamps.record(file, state, expected);
  }
  stamps.save();
  return intact;
}

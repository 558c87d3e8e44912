import { createHash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Worker, threadId } from "node:worker_threads";

/**
 * A cached file is verified before a build reuses it, never trusted: a write cut short (a killed
 * build, a full disk), a damaged disk, or a tool that edits the site in place (its files are
 * hard links into the cache) all leave bytes that differ from what was written. What was written
 * is recorded when it is written, as a SHA-256: in the file's name (pages) or in a record beside
 * the files (search shards, images), so there is no manifest for the whole cache to corrupt.
 */

/** The SHA-256 of `bytes`, in hex. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Writes a file whole or not at all: a temporary file renamed into place. */
export function writeFileAtomically(file: string, bytes: Uint8Array | string): void {
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}

/** What cached files held when they were written: each file's path, size and SHA-256. */
interface FileRecord {
  files: Array<{ path: string; size: number; sha256: string }>;
}

/** The record's name inside the folder it describes (it is never published). */
export const TREE_RECORD = "integrity.json";

/** Every file under `dir` as a path relative to it, with `/` between folders, in a fixed order. */
function filesOf(dir: string, prefix = ""): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...filesOf(dir, relative));
    else files.push(relative);
  }
  return files;
}

/** Records `files` (paths relative to `dir`) with their sizes and hashes in `recordFile`, once they are complete. */
export function recordFiles(dir: string, files: readonly string[], recordFile: string): void {
  const record: FileRecord = {
    files: files.map((file) => {
      const bytes = readFileSync(path.join(dir, file));
      return { path: file, size: bytes.length, sha256: sha256(bytes) };
    }),
  };
  writeFileAtomically(recordFile, `${JSON.stringify(record)}\n`);
}

/** A record's files by path, or why it cannot be used. */
function readRecord(recordFile: string): Map<string, FileRecord["files"][number]> | string {
  try {
    const record = JSON.parse(readFileSync(recordFile, "utf8")) as FileRecord;
    if (!Array.isArray(record.files)) throw new Error("no list of files");
    return new Map(record.files.map((file) => [file.path, file]));
  } catch (error) {
    return `its integrity record is missing or unreadable (${(error as Error).message})`;
  }
}

/**
 * Checks `files` (paths relative to `dir`) against `recordFile`: each recorded, present, of its
 * recorded size and hash, and none recorded left out. Gives what is wrong, or undefined.
 */
export function verifyFiles(dir: string, files: readonly string[], recordFile: string): string | undefined {
  const expected = readRecord(recordFile);
  if (typeof expected === "string") return expected;
  for (const file of files) {
    const recorded = expected.get(file);
    if (!recorded) return `${file} was not written with it`;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(dir, file));
    } catch (error) {
      return `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
    if (bytes.length !== recorded.size || sha256(bytes) !== recorded.sha256) return `${file} differs from what was written`;
  }
  if (files.length !== expected.size) return `${expected.size - files.length} of its files are missing`;
  return undefined;
}

/**
 * Records every file under `dir` in `dir/integrity.json`, once the folder is complete and before
 * it is renamed into the cache. Gives the files recorded (relative paths).
 */
export function recordTree(dir: string): string[] {
  const files = filesOf(dir).filter((file) => file !== TREE_RECORD);
  recordFiles(dir, files, path.join(dir, TREE_RECORD));
  return files;
}

export type TreeCheck = { files: string[]; damage?: undefined } | { damage: string };

/**
 * Checks folders against their records: every recorded file present with its SHA-256, and no
 * other file. Gives each folder's files (relative paths) when it holds, else what is wrong, in
 * the order given. The reading and hashing run in a background thread (`checkInBackground`), so
 * the calling thread goes on with other work meanwhile. What only needs the listings and records (a file added or
 * missing, an unreadable record) is found here; `check` checks the files' hashes (say,
 * `checkStamped` of `file-stamps.ts`, which reads only the files changed since their last check).
 */
export async function verifyTreesInBackground(dirs: readonly string[], check: typeof checkInBackground = checkInBackground): Promise<TreeCheck[]> {
  const listed = dirs.map((dir): { files: string[]; expected: Map<string, FileRecord["files"][number]> } | { damage: string } => {
    let files: string[];
    try {
      files = filesOf(dir).filter((file) => file !== TREE_RECORD);
    } catch (error) {
      return { damage: `it cannot be listed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
    const expected = readRecord(path.join(dir, TREE_RECORD));
    if (typeof expected === "string") return { damage: expected };
    const unrecorded = files.find((file) => !expected.has(file));
    if (unrecorded !== undefined) return { damage: `${unrecorded} was not written with it` };
    if (files.length !== expected.size) return { damage: `${expected.size - files.length} of its files are missing` };
    return { files, expected };
  });
  const toHash = listed.flatMap((tree, index) => ("damage" in tree ? [] : tree.files.map((file) => [path.join(dirs[index]!, file), tree.expected.get(file)!.sha256] as const)));
  const intact = await check(toHash);
  return listed.map((tree, index) => {
    if ("damage" in tree) return { damage: tree.damage };
    const damaged = tree.files.find((file) => !intact.has(path.join(dirs[index]!, file)));
    return damaged === undefined ? { files: tree.files } : { damage: `${damaged} differs from what was written or cannot be read` };
  });
}

/**
 * Checks files against the hashes they were written with (each file and the start of its
 * expected SHA-256, in hex) in a worker thread, while the caller goes on. Gives the files found
 * intact; a file left out is checked again where it is used. Never rejects: if the thread fails,
 * nothing is known intact.
 */
export function checkInBackground(files: ReadonlyArray<readonly [file: string, expected: string]>): Promise<Set<string>> {
  if (files.length === 0) return Promise.resolve(new Set());
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./hash-worker.mjs", import.meta.url), { workerData: { files } });
    worker.unref(); // never keeps a finished or failed build alive
    worker.once("message", (intact: string[]) => resolve(new Set(intact)));
    worker.once("error", () => resolve(new Set()));
    worker.once("exit", () => resolve(new Set()));
  });
}

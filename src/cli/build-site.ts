/**
 * The build itself, which `npm run build` (src/cli/build.mjs) runs with a heap limit: one build at a
 * time per output folder and cache (src/cli/build-lock.ts), into a staging folder that is swapped
 * in only when every step succeeded (src/cli/site-swap.ts), so a failed or killed build leaves the
 * previous `_site/` as it was.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { hostReport, measureSite } from "./site-size.ts";
import Eleventy from "@11ty/eleventy";
import { ArticleContractError } from "../content/problems.ts";
import { readBuildEnv } from "../config/build-env.ts";
import { givenHeapLimitMb } from "../config/heap-limit.mjs";
import { acquireLock, type HeldLock, type LockHolder } from "./build-lock.ts";
import { recoverSwap, siteFolders, swapIn } from "./site-swap.ts";
import { adoptSpareSite, dropSpareSite, finishSpareSite } from "../render/spare-site.ts";
import { exitAfterWriting, tolerateClosedOutput } from "./process-output.ts";

tolerateClosedOutput();

const root = process.cwd();
// `--output DIR` builds elsewhere (tests build into temporary folders); default `_site/`.
const outputFlag = process.argv.indexOf("--output");
const output = path.resolve(root, outputFlag > 0 ? (process.argv[outputFlag + 1] ?? "_site") : "_site");
/** Paths as the person who ran the build knows them: inside the project relative, else in full. */
const shown = (file: string) => {
  const relative = path.relative(root, file);
  return relative.startsWith("..") ? file : relative || ".";
};
const held: HeldLock[] = [];

/** A one-line reason for an error of the file system, without Node's stack. */
class BuildSettingError extends Error {}

function describeHolder(holder: LockHolder): string {
  const since = holder.since ? `, since ${holder.since.replace("T", " ").slice(0, 19)} UTC` : "";
  return `pid ${holder.pid}${holder.host ? ` on ${holder.host}` : ""}${since}: ${holder.command}`;
}

async function lock(file: string, what: string): Promise<void> {
  held.push(
    await acquireLock(file, {
      waiting: (holder) => console.log(`[broadsheet] waiting for the build that is using ${what} (${describeHolder(holder)}) to finish…`),
      recovered: (holder) => console.log(`[broadsheet] ${what} was locked by a build that is no longer running (${describeHolder(holder)}); lock removed.`),
    }),
  );
}

/** The output's parent must take a folder and a file: one clear line if not, before anything starts. */
function checkWritable(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
    const probe = path.join(folder, `.broadsheet-write-check-${process.pid}`);
    writeFileSync(probe, "");
    rmSync(probe);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    const why = { EACCES: "permission denied", EPERM: "permission denied", EROFS: "a read-only file system", ENOTDIR: "a file is in the way", EEXIST: "a file is in the way", ENOSPC: "the disk is full" }[code ?? ""] ?? code ?? (error as Error).message;
    throw new BuildSettingError(`cannot write to ${folder} (${why}); build into a folder you can write: npm run build -- --output DIR (or set BROADSHEET_CACHE for the cache)`);
  }
}

async function build(): Promise<void> {
  const started = performance.now();
  const { cacheDir } = readBuildEnv();
  if (!path.relative(output, cacheDir).startsWith("..")) throw new BuildSettingError(`the cache (${cacheDir}) must not be inside the output folder (${output})`);
  const folders = siteFolders(output, cacheDir);
  checkWritable(path.dirname(output));
  checkWritable(cacheDir);
  // Always the output's lock first, then the cache's, so two builds never hold one each.
  await lock(`${output}.lock`, `${shown(output)}/`);
  await lock(path.join(cacheDir, "build.lock"), `the cache ${shown(cacheDir)}/`);
  // A swap that a kill interrupted is finished before anything else.
  const recovered = recoverSwap(folders);
  if (recovered) console.log(`[broadsheet] the last build was stopped while replacing ${shown(output)}/: ${recovered}.`);
  // Builds before the spare site left the replaced one in the cache's trash: deleted while this
  // build renders (the page writer gives the event loop a turn every few hundred pages).
  const emptied = rm(folders.trash, { recursive: true, force: true }).catch(() => undefined);
  // The site the last build replaced becomes this build's staging folder, updated in place
  // (src/render/spare-site.ts); a staging folder a killed build left does as well, else a new one.
  if (existsSync(folders.aside)) {
    await rm(folders.staging, { recursive: true, force: true });
    renameSync(folders.aside, folders.staging);
  }
  mkdirSync(folders.staging, { recursive: true });
  const spare = adoptSpareSite(folders.staging);
  if (spare.pages > 0) console.log(`[broadsheet] updating the previous site in place (${spare.pages} pages found; ${spare.deleted} other files deleted, to be written again).`);
  const eleventy = new Eleventy(root, folders.staging, { configPath: path.join(root, "eleventy.config.ts"), quietMode: true });
  // Our own summary and error report replace Eleventy's per-file log and stack traces.
  eleventy.disableLogger();
  await eleventy.write();
  const finished = finishSpareSite(folders.staging);
  if (finished && spare.pages > 0) console.log(`[broadsheet] ${finished.kept} pages of the previous site kept as they were, ${finished.deleted} no longer in the site deleted.`);
  await emptied;
  swapIn(folders);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const heapLimit = givenHeapLimitMb();
  console.log(`[broadsheet] wrote ${shown(output)}/ in ${seconds} s (heap limit ${heapLimit ? `${heapLimit} MiB` : "Node's default"}).`);
  // What hosts will make of it: GitHub and GitLab Pages take 1 GB, Cloudflare Pages 20,000 files free.
  const { line, warnings } = hostReport(measureSite(output));
  console.log(`[broadsheet] ${line}.`);
  for (const warning of warnings) console.warn(`[broadsheet] warning: ${warning}.`);
}

let failing = false;
async function fail(error: unknown): Promise<never> {
  if (failing) return new Promise<never>(() => undefined); // the first failure's report is being written
  failing = true;
  // Search indexers may still be writing into the staging folder: retry, and leave what remains
  // to the next build (which empties it first); the exit below stops them.
  dropSpareSite();
  await rm(`${output}.building`, { recursive: true, force: true, maxRetries: 5 }).catch(() => undefined);
  for (const lockHeld of held) lockHeld.release();
  // Eleventy wraps errors thrown by plugins and templates: print each layer's message once.
  const messages: string[] = [];
  for (let cause: unknown = error; cause; cause = (cause as Error).cause ?? (cause as { originalError?: unknown }).originalError) {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a thrown non-Error is printed as JavaScript prints it
    const message = cause instanceof Error ? cause.message : String(cause);
    if (messages.at(-1) !== message) messages.push(message);
    if (cause instanceof ArticleContractError || cause instanceof BuildSettingError) messages.splice(0, messages.length - 1);
  }
  return exitAfterWriting(`\n[broadsheet] build failed; ${shown(output)}/ was left as it was.\n${messages.join("\n  caused by: ")}\n`, 1);
}

// Eleventy copies passthrough files in promises of its own: a failure there is this build's too.
process.on("unhandledRejection", (error) => void fail(error));
process.on("uncaughtException", (error) => void fail(error));

build().then(
  () => {
    for (const lockHeld of held) lockHeld.release();
  },
  (error: unknown) => fail(error),
);

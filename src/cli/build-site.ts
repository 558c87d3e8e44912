/**
 * The build itself, which `npm run build` (src/cli/build.ts) runs with a heap limit: builds the
 * site into a staging folder and swaps it in only when every step succeeded, so a failed build
 * leaves the previous `_site/` as it was.
 */
import { mkdir, rm, rename, stat } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { ArticleContractError } from "../content/problems.ts";
import { readBuildEnv } from "../config/build-env.ts";
import { givenHeapLimitMb } from "../config/heap-limit.ts";

const root = process.cwd();
// `--output DIR` builds elsewhere (tests build into temporary folders); default `_site/`.
const outputFlag = process.argv.indexOf("--output");
const output = path.resolve(root, outputFlag > 0 ? (process.argv[outputFlag + 1] ?? "_site") : "_site");
const staging = `${output}.building`;
const previous = `${output}.previous`;

const exists = async (file: string) => stat(file).then(() => true, () => false);

async function build(): Promise<void> {
  const started = performance.now();
  // The site the last build replaced waits in the cache's trash, and is deleted while this build
  // renders (the page writer gives the event loop a turn every few hundred pages): deleting
  // tens of thousands of files takes a second or more.
  const { cacheDir } = readBuildEnv();
  if (!path.relative(output, cacheDir).startsWith("..")) throw new Error(`the cache (${cacheDir}) must not be inside the output folder (${output})`);
  const trash = path.join(cacheDir, "trash");
  const emptied = rm(trash, { recursive: true, force: true }).catch(() => undefined);
  await rm(staging, { recursive: true, force: true });
  const eleventy = new Eleventy(root, staging, { configPath: path.join(root, "eleventy.config.ts"), quietMode: true });
  // Our own summary and error report replace Eleventy's per-file log and stack traces.
  eleventy.disableLogger();
  await eleventy.write();
  await emptied;
  // Swap: the old site is moved aside, not deleted, until the new one is in place.
  let aside: string | undefined;
  if (await exists(output)) {
    aside = path.join(trash, "site");
    await mkdir(trash, { recursive: true });
    await rename(output, aside).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== "EXDEV") throw error;
      // The cache is on another file system: move the old site beside it and delete it below.
      aside = previous;
      await rm(previous, { recursive: true, force: true });
      await rename(output, previous);
    });
  }
  try {
    await rename(staging, output);
  } catch (error) {
    if (aside) await rename(aside, output); // put the old site back
    throw error;
  }
  if (aside === previous) await rm(previous, { recursive: true, force: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const heapLimit = givenHeapLimitMb();
  console.log(`[broadsheet] wrote ${path.relative(root, output) || "."}/ in ${seconds} s (heap limit ${heapLimit ? `${heapLimit} MiB` : "Node's default"}).`);
}

build().catch(async (error: unknown) => {
  // Search indexers may still be writing into the staging folder: retry, and leave what remains
  // to the next build (which empties it first); the exit below stops them.
  await rm(staging, { recursive: true, force: true, maxRetries: 5 }).catch(() => undefined);
  // Eleventy wraps errors thrown by plugins and templates: print each layer's message once.
  const messages: string[] = [];
  for (let cause: unknown = error; cause; cause = (cause as Error).cause) {
    messages.push(cause instanceof Error ? cause.message : String(cause));
    if (cause instanceof ArticleContractError) messages.splice(0, messages.length - 1);
  }
  const message = messages.join("\n  caused by: ");
  console.error(`\n[broadsheet] build failed; ${path.relative(root, output)}/ was left as it was.\n${message}`);
  process.exit(1);
});

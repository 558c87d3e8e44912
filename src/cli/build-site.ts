/**
 * `npm run build`: builds the site into a staging folder and swaps it in only when every step
 * succeeded, so a failed build leaves the previous `_site/` exactly as it was.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { rm, rename, stat } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { ArticleContractError } from "../content/problems.ts";
import { listArticleFiles } from "../content/articles.ts";
import { readBuildEnv } from "../config/build-env.ts";
import { heapLimitMb } from "../config/heap-limit.ts";

const root = process.cwd();
// `--output DIR` builds elsewhere (tests build into temporary folders); default `_site/`.
const outputFlag = process.argv.indexOf("--output");
const output = path.resolve(root, outputFlag > 0 ? (process.argv[outputFlag + 1] ?? "_site") : "_site");
const staging = `${output}.building`;
const previous = `${output}.previous`;

const exists = async (file: string) => stat(file).then(() => true, () => false);

async function build(): Promise<void> {
  const started = performance.now();
  await rm(staging, { recursive: true, force: true });
  const eleventy = new Eleventy(root, staging, { configPath: path.join(root, "eleventy.config.ts"), quietMode: true });
  // Our own summary and error report replace Eleventy's per-file log and stack traces.
  eleventy.disableLogger();
  await eleventy.write();
  // Swap: the old site is moved aside, not deleted, until the new one is in place.
  await rm(previous, { recursive: true, force: true });
  if (await exists(output)) await rename(output, previous);
  await rename(staging, output);
  await rm(previous, { recursive: true, force: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const heapLimit = /--max-old-space-size=(\d+)/.exec([...process.execArgv, process.env.NODE_OPTIONS ?? ""].join(" "))?.[1];
  console.log(`[broadsheet] wrote ${path.relative(root, output) || "."}/ in ${seconds} s (heap limit ${heapLimit} MiB).`);
}

/**
 * Runs this build again in a Node process whose heap limit fits the newsroom (see
 * `heapLimitMb`), unless the limit was set by whoever started it.
 */
async function buildWithHeapLimit(): Promise<void> {
  const articles = await listArticleFiles(readBuildEnv().articlesDir).catch(() => []);
  const flag = `--max-old-space-size=${heapLimitMb(articles.length)}`;
  const child = spawn(process.execPath, [...process.execArgv, flag, ...process.argv.slice(1)], { stdio: "inherit" });
  const [code] = (await once(child, "exit")) as [number | null];
  process.exitCode = code ?? 1;
}

const heapLimitSet = /--max-old-space-size=\d+/.test([...process.execArgv, process.env.NODE_OPTIONS ?? ""].join(" "));
if (!heapLimitSet) await buildWithHeapLimit();
else build().catch(async (error: unknown) => {
  await rm(staging, { recursive: true, force: true });
  // Eleventy wraps errors thrown by plugins and templates: print each layer's message once.
  const messages: string[] = [];
  for (let cause: unknown = error; cause; cause = (cause as Error).cause) {
    messages.push(cause instanceof Error ? cause.message : String(cause));
    if (cause instanceof ArticleContractError) messages.splice(0, messages.length - 1);
  }
  const message = messages.join("\n  caused by: ");
  console.error(`\n[broadsheet] build failed; ${path.relative(root, output)}/ was left as it was.\n${message}`);
  process.exitCode = 1;
});

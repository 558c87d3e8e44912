/**
 * `npm run build [-- --output DIR] [-- --drafts]`: runs the build (src/cli/build-site.ts) in a
 * Node process whose heap limit fits the newsroom (see `heapLimitMb`), unless the command line
 * or NODE_OPTIONS sets one. This launcher stays small (no Eleventy), so it adds a fraction of a
 * second.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { constants } from "node:os";
import { fileURLToPath } from "node:url";
import { readBuildEnv } from "../config/build-env.ts";
import { givenHeapLimitMb, heapLimitMb } from "../config/heap-limit.ts";
import { listArticleFiles } from "../content/article-files.ts";

async function countArticles(): Promise<number> {
  try {
    return (await listArticleFiles(readBuildEnv().articlesDir)).length;
  } catch {
    return 0; // a bad setting or a missing folder: the build reports it
  }
}

const flags = givenHeapLimitMb() !== undefined ? [] : [`--max-old-space-size=${heapLimitMb(await countArticles())}`];
const build = fileURLToPath(new URL("./build-site.ts", import.meta.url));
const child = spawn(process.execPath, [...process.execArgv, ...flags, build, ...process.argv.slice(2)], { stdio: "inherit" });
// A cancelled build (Ctrl-C, a CI job stopped) stops the build itself too, before it can swap.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
process.exitCode = code ?? 128 + (signal ? constants.signals[signal] : 1);

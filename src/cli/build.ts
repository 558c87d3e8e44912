/**
 * `npm run build [-- --output DIR] [-- --drafts]`: runs the build (src/cli/build-site.ts) in a
 * Node process whose heap limit fits the newsroom (see `heapLimitMb`), unless NODE_OPTIONS sets
 * one. This launcher stays small (no Eleventy), so it adds a fraction of a second.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { readBuildEnv } from "../config/build-env.ts";
import { heapLimitMb } from "../config/heap-limit.ts";
import { listArticleFiles } from "../content/article-files.ts";

async function countArticles(): Promise<number> {
  try {
    return (await listArticleFiles(readBuildEnv().articlesDir)).length;
  } catch {
    return 0; // a bad setting or a missing folder: the build reports it
  }
}

const flags = /--max-old-space-size=\d+/.test(process.env.NODE_OPTIONS ?? "") ? [] : [`--max-old-space-size=${heapLimitMb(await countArticles())}`];
const build = fileURLToPath(new URL("./build-site.ts", import.meta.url));
const child = spawn(process.execPath, [...process.execArgv, ...flags, build, ...process.argv.slice(2)], { stdio: "inherit" });
const [code] = (await once(child, "exit")) as [number | null];
process.exitCode = code ?? 1;

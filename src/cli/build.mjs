/**
 * `npm run build [-- --output DIR] [-- --drafts]`: runs the build (src/cli/build-site.ts, under
 * the tsx loader) in a Node process whose heap limit fits the newsroom (see `heapLimitMb`),
 * unless the command line or NODE_OPTIONS sets one. Plain JavaScript that loads only the heap
 * limit and the article listing, so it starts in a tenth of a second where a TypeScript launcher
 * took four.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { constants } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { givenHeapLimitMb, heapLimitMb } from "../config/heap-limit.mjs";
import { findArticleFiles } from "../content/article-files.mjs";

/** The newsroom's size, as the build will list it; 0 for a missing or bad folder, which the build reports. */
function countArticles() {
  // The articles folder as the build resolves it (`readBuildEnv`).
  const articlesDir = path.resolve(process.env.BROADSHEET_ARTICLES?.trim() || "articles");
  try {
    return findArticleFiles(articlesDir).files.length;
  } catch {
    return 0;
  }
}

const flags = givenHeapLimitMb() !== undefined ? [] : [`--max-old-space-size=${heapLimitMb(countArticles())}`];
// The build is TypeScript: it runs under tsx unless this launcher was itself started with it.
const loader = process.execArgv.some((argument, index, all) => argument === "--import=tsx" || (argument === "--import" && all[index + 1] === "tsx")) ? [] : ["--import", "tsx"];
const build = fileURLToPath(new URL("./build-site.ts", import.meta.url));
const child = spawn(process.execPath, [...process.execArgv, ...loader, ...flags, build, ...process.argv.slice(2)], { stdio: "inherit" });
// A cancelled build (Ctrl-C, a CI job stopped) stops the build itself too, before it can swap.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
const [code, signal] = await once(child, "exit");
process.exitCode = code ?? 128 + (signal ? constants.signals[signal] : 1);

/**
 * A search indexer in a worker thread, with a Pagefind service of its own: it takes one shard
 * at a time from the build's thread, indexes it (reading the articles' bodies from their files)
 * or links its cached bundle into the site, and replies, so the build's thread can hand out the
 * next.
 */
import { parentPort, workerData } from "node:worker_threads";
import * as pagefind from "pagefind";
import { linkCachedShard, writeShard, type IndexerTask } from "./search-index.ts";
import { createMarkdown } from "../markdown/markdown.ts";

const { siteDir, cacheDir } = workerData as { siteDir: string; cacheDir: string };
// Only the words of the body are indexed, so the site's path prefix does not matter here.
const markdown = createMarkdown();

parentPort!.on("message", ({ shard, link, close }: IndexerTask) => {
  // Pagefind's service is a child process: stopped when the build's thread is done with this worker.
  const work = close ? pagefind.close() : link ? linkCachedShard(link.key, link.path, siteDir, cacheDir) : writeShard(shard!, siteDir, cacheDir, markdown);
  work.then(
    () => parentPort!.postMessage({ done: true }),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});

/**
 * A search indexer in a worker thread, with a Pagefind service of its own: it takes one shard
 * at a time from the build's thread, indexes it (reading the articles' bodies from their files)
 * or checks its cached bundle and links it into the site, and replies, so the build's thread can
 * hand out the next.
 */
import { parentPort, workerData } from "node:worker_threads";
import * as pagefind from "pagefind";
import { linkCachedShard, writeShard } from "./shard-store.ts";
import type { IndexerTask } from "./indexer-pool.ts";
import { createMarkdown } from "../markdown/markdown.ts";

const { siteDir, cacheDir } = workerData as { siteDir: string; cacheDir: string };
// Only the words of the body are indexed, so the site's path prefix does not matter here.
const markdown = createMarkdown();

parentPort!.on("message", ({ index, link, close }: IndexerTask) => {
  // Pagefind's service is a child process: stopped when the build's thread is done with this worker.
  // A cached shard found damaged is not linked; the reply says so, and the build sends it back to be indexed.
  const work: Promise<{ damage?: string }> = close
    ? pagefind.close().then(() => ({}))
    : link
      ? linkCachedShard(link.key, link.path, siteDir, cacheDir)
      : writeShard(index!.shard, index!.key, siteDir, cacheDir, markdown).then(() => ({}));
  work.then(
    ({ damage }) => parentPort!.postMessage({ done: true, damage }),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});

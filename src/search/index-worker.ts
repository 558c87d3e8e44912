/**
 * A search indexer in a worker thread, with a Pagefind service of its own: it takes one shard
 * at a time from the build's thread, indexes it (reading the articles' bodies from their files)
 * into the cache and links it into the site, and replies, so the build's thread can hand out the
 * next. Started before the articles are read (see `startIndexer`), so its modules load meanwhile.
 */
import { parentPort, workerData } from "node:worker_threads";
import * as pagefind from "pagefind";
import { writeShard } from "./shard-store.ts";
import type { IndexerTask } from "./indexer-pool.ts";
import { createMarkdown } from "../markdown/markdown.ts";

const { cacheDir } = workerData as { cacheDir: string };
// Only the words of the body are indexed, so the site's path prefix does not matter here.
const markdown = createMarkdown();

parentPort!.on("message", ({ index, close }: IndexerTask) => {
  // Pagefind's service is a child process: stopped when the build's thread is done with this worker.
  const work: Promise<unknown> = close ? pagefind.close() : writeShard(index!.shard, index!.key, index!.siteDir, cacheDir, markdown);
  work.then(
    () => parentPort!.postMessage({ done: true }),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});

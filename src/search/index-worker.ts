/**
 * Runs the search indexing in a worker thread: Pagefind's Node API is driven by messages, and
 * on the main thread Eleventy's rendering would keep them waiting. Here the indexer keeps
 * Pagefind busy on the other core while the pages render.
 */
import { parentPort, workerData } from "node:worker_threads";
import { writeShards, type SearchShard } from "./search-index.ts";

const { shards, siteDir, cacheDir } = workerData as { shards: SearchShard[]; siteDir: string; cacheDir: string };
writeShards(shards, siteDir, cacheDir).then(
  (result) => parentPort!.postMessage({ result }),
  (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);

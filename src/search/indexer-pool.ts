/**
 * The indexer pool: worker threads, each with its own Pagefind service, fed one shard at a
 * time while the pages render; cached shards checked in the background and linked; unused ones pruned.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { pruneUnused } from "../cache/prune.ts";
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import type { ArticleOnItsOwn } from "../collections/published-article.ts";
import { type SearchShard, type ShardManifest, PAGEFIND_VERSION, type ShardPlan, planShards, shardOf, shardKey } from "./shard-plan.ts";
import { cachedShardPath, linkCachedShards } from "./shard-store.ts";

export interface SearchIndexResult {
  articles: number;
  shards: number;
  reused: number;
  /** Cached shards whose files differed from what was written, with what was wrong: indexed again. */
  damaged: Array<{ path: string; damage: string }>;
  /** How many Pagefind processes indexed shards side by side. */
  indexers: number;
  seconds: number;
}

/**
 * How many shards to index at once. Pagefind's service uses about one core and ~1 GB for a shard
 * of 2,000, so on a machine of two or more cores two run side by side (1.5× the throughput
 * measured here); a newsroom over 50,000 articles indexes one at a time, because its build's
 * own heap (see `heapLimitMb`) and two Pagefind processes would not fit in 4 GiB together.
 */
export function indexerCount(articles: number, cores: number): number {
  return cores >= 2 && articles <= 50_000 ? 2 : 1;
}

/** Where the index's cache lies and how it is cut (see `planShards`). */
export interface SearchIndexOptions {
  cacheDir: string;
  /** `BROADSHEET_SEARCH_SHARD_SIZE`: the most articles a shard holds. */
  shardSize: number;
  /** The articles folder: an article's path in it names it to the shard plan. */
  articlesDir?: string;
  /** Pagefind processes side by side (default: `indexerCount`). */
  indexers?: number;
}

/** The site folder the search index is written to. */
export const SEARCH_FOLDER = "pagefind";

/**
 * Starts an indexer thread. A build starts one before it reads the articles, so the thread loads
 * its modules (a second, on the critical path of a rebuild that re-indexes a shard) meanwhile.
 * Unreferenced until it is given work: an unused one never keeps a process alive.
 */
export function startIndexer(cacheDir: string): Worker {
  const worker = new Worker(new URL("./index-worker.mjs", import.meta.url), { workerData: { cacheDir } });
  worker.unref();
  return worker;
}

/**
 * Writes the search index into `siteDir/pagefind/`: one Pagefind bundle per shard, each kept in
 * `cacheDir/search/` under its `shardKey`, so an unchanged shard is linked, not rebuilt (once
 * its files are checked against the record written with them; a damaged one is indexed again),
 * and `pagefind/shards.json`, which lists them for the search page. Shards are indexed in worker
 * threads (Eleventy's rendering on this thread cannot stall them), each sent one shard at a
 * time, so no worker holds more than one shard's entries and text. `started`: indexer threads
 * already started (`startIndexer`), used first and ended with the others.
 */
export async function buildSearchIndex(articles: readonly ArticleOnItsOwn[], siteDir: string, options: SearchIndexOptions & { started?: Worker[] }): Promise<SearchIndexResult> {
  const { cacheDir, shardSize, articlesDir, indexers = indexerCount(articles.length, availableParallelism()), started = [] } = options;
  const begun = performance.now();
  const plans = planShards(articles, shardSize, articlesDir);
  // Each shard's key is computed here only, so the workers cache under the keys kept from pruning.
  // Entries are made again when a shard is sent, so this thread never holds them all at once.
  const toIndex: ShardTask[] = [];
  const cached: ShardTask[] = [];
  const usedKeys = new Set<string>();
  for (const plan of plans) {
    const key = shardKey(shardOf(plan));
    usedKeys.add(key);
    (existsSync(cachedShardPath(cacheDir, key)) ? cached : toIndex).push({ plan, key });
  }
  // Largest first, so the last shard to finish is a small one and neither indexer idles long
  // at the end (shards differ in size: see `cutSizes`); the sort is stable, so ties keep the plan's order.
  toIndex.sort((a, b) => b.plan.articles.length - a.plan.articles.length);
  const spare = [...started];
  let indexersUsed = 0;
  const index = async (tasks: ShardTask[]) => {
    if (tasks.length === 0) return;
    const workers = Array.from({ length: Math.max(1, Math.min(indexers, tasks.length)) }, () => spare.shift() ?? startIndexer(cacheDir));
    indexersUsed = Math.max(indexersUsed, workers.length);
    for (const worker of workers) worker.ref();
    try {
      await runQueue(
        tasks,
        workers.length,
        async ({ plan, key }, runner) => {
          workers[runner]!.postMessage({ index: { key, shard: shardOf(plan), siteDir } } satisfies IndexerTask);
          const reply = await nextReply(workers[runner]!);
          if (reply.error) throw new Error(`search index, shard ${plan.path}: ${reply.error}`);
        },
        async (runner) => {
          // A worker with nothing left to take stops its Pagefind service, before it is ended.
          workers[runner]!.postMessage({ close: true } satisfies IndexerTask);
          await nextReply(workers[runner]!);
        },
      );
    } finally {
      await Promise.all(workers.map((worker) => worker.terminate()));
    }
  };
  let damaged: SearchIndexResult["damaged"] = [];
  try {
    // The shards to index go to the indexers at once. Meanwhile a background thread checks the
    // cached ones (tens of megabytes to hash) and this thread links those found intact; a
    // damaged one is deleted from the cache and indexed like a new one, once the rest are done.
    const [, again] = await Promise.all([index(toIndex), linkCachedShards(cached.map((task) => ({ ...task, path: task.plan.path })), siteDir, cacheDir)]);
    damaged = again.map(({ path: shardPath, damage }) => ({ path: shardPath, damage }));
    await index(again);
  } finally {
    await Promise.all(spare.map((worker) => worker.terminate()));
  }
  // Shards this build did not use are deleted, so the cache does not grow with each new story.
  await pruneUnused(path.join(cacheDir, "search"), usedKeys);
  const manifest: ShardManifest = { pagefind: PAGEFIND_VERSION, languages: {} };
  for (const plan of plans) {
    const oldest = plan.articles[0]!;
    (manifest.languages[plan.language] ??= []).unshift({ path: plan.path, oldest: plan.oldest, oldestDate: oldest.published.short, newest: plan.newest, articles: plan.articles.length });
  }
  const output = path.join(siteDir, SEARCH_FOLDER);
  await mkdir(output, { recursive: true });
  await writeFile(path.join(output, "shards.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { articles: articles.length, shards: plans.length, reused: cached.length - damaged.length, damaged, indexers: indexersUsed, seconds: (performance.now() - begun) / 1000 };
}

/** A shard to index or link, under its cache key. */
interface ShardTask {
  plan: ShardPlan;
  key: string;
}

/**
 * Runs `tasks` on `runners` runners side by side, each taking the next task when it has done its
 * last, until none are left; then `idle(runner)`.
 */
export async function runQueue<T>(tasks: readonly T[], runners: number, run: (task: T, runner: number) => Promise<void>, idle: (runner: number) => Promise<void> = async () => undefined): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: runners }, async (_, runner) => {
      while (next < tasks.length) await run(tasks[next++]!, runner);
      await idle(runner);
    }),
  );
}

/** What an indexer is asked to do: index a shard into the cache and link it into `siteDir`, or stop. */
export interface IndexerTask {
  index?: { key: string; shard: SearchShard; siteDir: string };
  close?: boolean;
}

interface IndexerReply {
  done?: boolean;
  error?: string;
}

/**
 * Longest a task may take. Pagefind's Node API never settles if its service dies (killed for
 * memory, say), so without a limit the build would wait for ever.
 */
const TASK_LIMIT_MS = 30 * 60 * 1000;

/** The worker's next reply; an error in it, its end, or no reply within the limit rejects. */
function nextReply(worker: Worker): Promise<IndexerReply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => settle(() => reject(new Error("the search indexer did not answer in 30 minutes; Pagefind may have run out of memory"))), TASK_LIMIT_MS);
    const settle = (done: () => void) => {
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      done();
    };
    const onMessage = (reply: IndexerReply) => settle(() => resolve(reply));
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) => settle(() => reject(new Error(`the search indexer stopped (exit code ${code})`)));
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
  });
}

import { createHash } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { codeHash } from "../cache/code-hash.ts";
import { recordTree, verifyTree } from "../cache/integrity.ts";
import { linkOrCopy } from "../cache/link-or-copy.ts";
import { pruneUnused } from "../cache/prune.ts";
import { Worker, threadId } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { decodeHTML } from "entities";
import * as pagefind from "pagefind";
import type { EleventyConfig } from "@11ty/eleventy";
import type MarkdownIt from "markdown-it";
import { readArticleBody, type Article } from "../content/articles.ts";
import type { NewsroomSource } from "../collections/newsroom-plugin.ts";

/** One article as Pagefind indexes it: its words, what a result shows, filters and sort. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** One shard: a run of consecutive articles of one language, oldest first. */
export interface SearchShard {
  language: string;
  /** Its folder under `/pagefind/`, e.g. `en/3/`. */
  path: string;
  /** Publication span, for the client to order shards newest first. */
  newest: string;
  entries: SearchEntry[];
}

/** The manifest the search page reads: each language's shards, newest first. */
export interface ShardManifest {
  pagefind: string;
  languages: Record<string, Array<{ path: string; newest: string; articles: number }>>;
}

const PAGEFIND_VERSION = (JSON.parse(readFileSync(path.resolve("node_modules/pagefind/package.json"), "utf8")) as { version: string }).version;

/** Plain text of rendered HTML: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  return decodeHTML(html.replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ").trim();
}

/**
 * An article as the indexer receives it: its record but for the body text, which the indexer
 * reads from the file itself, one shard at a time, so no build holds every body at once.
 */
export interface SearchEntry extends Omit<SearchRecord, "content"> {
  /** The words before the body: headline and standfirst. */
  lead: string;
  /** The words after it: the tags. */
  tail: string;
  body: Pick<Article, "filePath" | "sourcePath" | "sourceHash" | "credit">;
}

/** What Pagefind indexes of an article: its headline, standfirst, body and tags. */
export function searchEntry(article: Article): SearchEntry {
  const meta: Record<string, string> = { title: article.title, date: article.published.short, section: article.sectionLabel };
  if (article.image?.responsive) {
    meta.image = article.image.responsive.fallback.url;
    meta.image_alt = article.image.alt;
  }
  return {
    url: article.url,
    language: article.lang,
    meta,
    filters: { section: [article.sectionLabel], tag: article.tags.map((tag) => tag.label) },
    sort: { date: article.sortKey },
    lead: `${article.title}\n${article.summary}`,
    tail: article.tags.map((tag) => tag.label).join(" "),
    body: { filePath: article.filePath, sourcePath: article.sourcePath, sourceHash: article.sourceHash, credit: article.credit },
  };
}

/** The record Pagefind indexes, once the body has been read. */
export function searchRecordOf(entry: SearchEntry, bodyHtml: string): SearchRecord {
  const { lead, tail, body: _body, ...record } = entry;
  return { ...record, content: [lead, htmlToText(bodyHtml), tail].join("\n") };
}


/** A shard as planned: its articles, whose entries are made when it is sent to an indexer. */
export interface ShardPlan extends Omit<SearchShard, "entries"> {
  articles: Article[];
}

/**
 * Splits each language's articles into shards of `size`, counted from the oldest, so that a new
 * article only ever changes the newest shard. `articles` are newest first.
 */
export function planShards(articles: readonly Article[], size: number): ShardPlan[] {
  const byLanguage = new Map<string, Article[]>();
  for (let index = articles.length - 1; index >= 0; index--) {
    const article = articles[index]!;
    const language = article.lang;
    const list = byLanguage.get(language) ?? [];
    list.push(article);
    byLanguage.set(language, list);
  }
  const plans: ShardPlan[] = [];
  for (const [language, oldestFirst] of [...byLanguage].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (let start = 0, number = 0; start < oldestFirst.length; start += size, number++) {
      const chunk = oldestFirst.slice(start, start + size);
      plans.push({ language, path: `${language}/${number}/`, newest: chunk[chunk.length - 1]!.sortKey, articles: chunk });
    }
  }
  return plans;
}

/** The shard an indexer receives: the plan's articles as search entries. */
export function shardOf({ articles, ...plan }: ShardPlan): SearchShard {
  return { ...plan, entries: articles.map((article) => searchEntry(article)) };
}

/**
 * A shard's cache key: the code (`codeHash`: Pagefind's version is in the lock file), Pagefind's
 * version and its entries, each body named by its file's hash (where the file lies on disk
 * does not change the index).
 */
export function shardKey(shard: SearchShard): string {
  const entries = JSON.stringify(shard.entries, (key, value: unknown) => (key === "filePath" ? undefined : value));
  return createHash("sha256").update(codeHash()).update(PAGEFIND_VERSION).update(entries).digest("hex").slice(0, 24);
}

/** Pagefind's prebuilt UIs, which the search page does not use: left out of the cache and the site. */
const PREBUILT_UI = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/;

/**
 * Puts a cached shard's files (paths relative to `from`) into the site as hard links (thousands
 * of small files: linking costs nothing, copying costs seconds). Falls back to copying across
 * file systems.
 */
function linkFiles(from: string, to: string, files: readonly string[]): void {
  // Synchronous: this runs in an indexer thread, and thousands of links cost less without a
  // round trip through the thread pool each.
  const folders = new Set<string>();
  for (const file of files) {
    const target = path.join(to, file);
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    linkOrCopy(path.join(from, file), target);
  }
}

/** Indexes one shard with Pagefind's Node API into `outputDir`. */
async function indexShard(shard: SearchShard, outputDir: string, markdown: MarkdownIt): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ includeCharacters: "+#" });
  if (!index) throw new Error(`Pagefind: ${errors.join("; ")}`);
  try {
    for (const entry of shard.entries) {
      const record = searchRecordOf(entry, readArticleBody(markdown, entry.body));
      const added = await index.addCustomRecord(record);
      if (added.errors.length > 0) throw new Error(`Pagefind (${record.url}): ${added.errors.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath: outputDir });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
  } finally {
    await index.deleteIndex();
  }
}

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

/**
 * Writes the search index into `siteDir/pagefind/`: one Pagefind bundle per shard, each kept in
 * `cacheDir/search/` under its `shardKey`, so an unchanged shard is linked, not rebuilt (once
 * its files are checked against the record written with them; a damaged one is indexed again),
 * and `pagefind/shards.json`, which lists them for the search page. Shards are indexed in worker
 * threads (Eleventy's rendering on this thread cannot stall them), each sent one shard at a
 * time, so no worker holds more than one shard's entries and text.
 */
export async function buildSearchIndex(
  articles: readonly Article[],
  siteDir: string,
  cacheDir: string,
  shardSize: number,
  indexers = indexerCount(articles.length, availableParallelism()),
): Promise<SearchIndexResult> {
  const started = performance.now();
  const plans = planShards(articles, shardSize);
  // Cached shards are linked into the site first (quick, and done before this thread links
  // thousands of pages of its own), then the others are indexed; a rebuild after one new article
  // starts one worker, which links the old shards and indexes the newest.
  // Entries are made again when a shard is sent, so this thread never holds them all at once.
  // A cached shard is checked by the worker that links it; one found damaged is deleted and
  // comes back here to be indexed like a new one.
  // Each shard's key is computed here only, so the workers cache under the keys kept from pruning.
  const tasks: Array<{ plan: ShardPlan; key: string; cached: boolean }> = [];
  const cached: typeof tasks = [];
  const usedKeys = new Set<string>();
  for (const plan of plans) {
    const key = shardKey(shardOf(plan));
    usedKeys.add(key);
    if (existsSync(cachedShardPath(cacheDir, key))) cached.push({ plan, key, cached: true });
    else tasks.push({ plan, key, cached: false });
  }
  const indexing = tasks.length;
  tasks.unshift(...cached);
  const count = tasks.length === 0 ? 0 : Math.max(1, Math.min(indexers, indexing));
  const workers = Array.from({ length: count }, () => new Worker(new URL("./index-worker.mjs", import.meta.url), { workerData: { siteDir, cacheDir } }));
  const damaged: SearchIndexResult["damaged"] = [];
  try {
    await runQueue(
      tasks,
      workers.length,
      async ({ plan, key, cached: isCached }, runner) => {
        const worker = workers[runner]!;
        worker.postMessage((isCached ? { link: { key, path: plan.path } } : { index: { key, shard: shardOf(plan) } }) satisfies IndexerTask);
        const reply = await nextReply(worker);
        if (reply.error) throw new Error(`search index, shard ${plan.path}: ${reply.error}`);
        if (!reply.damage) return undefined;
        damaged.push({ path: plan.path, damage: reply.damage });
        return { plan, key, cached: false };
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
  // Shards this build did not use are deleted, so the cache does not grow with each new story.
  await pruneUnused(path.join(cacheDir, "search"), usedKeys);
  const manifest: ShardManifest = { pagefind: PAGEFIND_VERSION, languages: {} };
  for (const plan of plans) {
    (manifest.languages[plan.language] ??= []).unshift({ path: plan.path, newest: plan.newest, articles: plan.articles.length });
  }
  const output = path.join(siteDir, "pagefind");
  await mkdir(output, { recursive: true });
  await writeFile(path.join(output, "shards.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { articles: articles.length, shards: plans.length, reused: cached.length - damaged.length, damaged, indexers: count, seconds: (performance.now() - started) / 1000 };
}

/**
 * Runs `tasks` on `runners` runners side by side, each taking the next task when it has done its
 * last, until none are left; then `idle(runner)`. A run may give back a task to queue (a cached
 * shard found damaged, to be indexed): the runner that queued it is still taking tasks, so it is
 * never left behind, whichever runners have stopped.
 */
export async function runQueue<T>(tasks: T[], runners: number, run: (task: T, runner: number) => Promise<T | undefined>, idle: (runner: number) => Promise<void> = async () => undefined): Promise<void> {
  let next = 0;
  const take = () => (next < tasks.length ? tasks[next++] : undefined);
  await Promise.all(
    Array.from({ length: runners }, async (_, runner) => {
      for (let task = take(); task !== undefined; task = take()) {
        const again = await run(task, runner);
        if (again !== undefined) tasks.push(again);
      }
      await idle(runner);
    }),
  );
}

/** What an indexer is asked to do: index a shard, link a cached one into the site, or stop. */
export interface IndexerTask {
  index?: { key: string; shard: SearchShard };
  link?: { key: string; path: string };
  close?: boolean;
}

interface IndexerReply {
  done?: boolean;
  error?: string;
  /** A cached shard to link was damaged (what was wrong): deleted from the cache, not linked. */
  damage?: string;
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

const cachedShardPath = (cacheDir: string, key: string) => path.join(cacheDir, "search", key);

/**
 * Links a cached shard's bundle into the site once every file is checked against the record
 * written with it (no file changed, missing or added). A damaged one is deleted from the cache
 * and not linked: what was wrong is given back, and the shard is indexed again.
 */
export async function linkCachedShard(key: string, shardPath: string, siteDir: string, cacheDir: string): Promise<{ damage?: string }> {
  const cached = cachedShardPath(cacheDir, key);
  const check = verifyTree(cached);
  if (check.damage !== undefined) {
    rmSync(cached, { recursive: true, force: true });
    return { damage: check.damage };
  }
  linkFiles(cached, path.join(siteDir, "pagefind", shardPath), check.files);
  return {};
}

/**
 * Indexes one shard with Pagefind, caches its bundle under `key` (its `shardKey`) with a record
 * of its files' hashes (written before the rename that puts it in the cache, so no shard is
 * cached without one) and links it into the site.
 */
export async function writeShard(shard: SearchShard, key: string, siteDir: string, cacheDir: string, markdown: MarkdownIt): Promise<void> {
  const cached = cachedShardPath(cacheDir, key);
  const building = `${cached}.building-${process.pid}-${threadId}`;
  await rm(building, { recursive: true, force: true });
  await indexShard(shard, building, markdown);
  for (const name of readdirSync(building)) if (PREBUILT_UI.test(name)) rmSync(path.join(building, name));
  const files = recordTree(building);
  await mkdir(path.dirname(cached), { recursive: true });
  await rename(building, cached);
  linkFiles(cached, path.join(siteDir, "pagefind", shard.path), files);
}

/**
 * Builds the search index from the articles' data as soon as they are loaded, while Eleventy
 * renders the pages (Pagefind runs in processes of its own), and waits for it before the build
 * ends.
 */
export function searchPlugin(eleventyConfig: EleventyConfig, options: { source: NewsroomSource; cacheDir: string; shardSize: number; indexers?: number }): void {
  let pending: Promise<SearchIndexResult> | undefined;
  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { output: string } }) => {
    const { newsroom } = await options.source.load();
    pending = buildSearchIndex(newsroom.articles, directories.output, options.cacheDir, options.shardSize, options.indexers);
    pending.catch(() => undefined); // reported when awaited below
  });
  eleventyConfig.on("eleventy.after", async () => {
    if (!pending) return;
    const result = await pending;
    pending = undefined;
    const reused = result.reused > 0 ? `, ${result.reused} reused from the cache` : "";
    const indexed = result.shards - result.reused;
    const how = indexed > 0 ? `, ${indexed} indexed ${result.indexers} at a time` : "";
    console.log(`[broadsheet] search index: ${result.articles} articles in ${result.shards} shard${result.shards === 1 ? "" : "s"}${reused}${how}, ${result.seconds.toFixed(2)} s.`);
    const damaged = result.damaged.length;
    if (damaged > 0) {
      const shown = result.damaged.map((shard) => `${shard.path} (${shard.damage})`).join(", ");
      console.warn(`[broadsheet] warning: ${damaged} damaged cache entr${damaged === 1 ? "y" : "ies"} rebuilt: the cached search shard${damaged === 1 ? "" : "s"} ${shown} ${damaged === 1 ? "was" : "were"} indexed again.`);
    }
  });
}

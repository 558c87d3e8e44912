import { createHash } from "node:crypto";
import { copyFile, link, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { decodeHTML } from "entities";
import * as pagefind from "pagefind";
import type { EleventyConfig } from "@11ty/eleventy";
import type MarkdownIt from "markdown-it";
import { readArticleBody, type Article } from "../content/articles.ts";
import { createMarkdown } from "../markdown/markdown.ts";
import type { NewsroomSource } from "../content/newsroom-plugin.ts";

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

const PAGEFIND_VERSION: string = JSON.parse(readFileSync(path.resolve("node_modules/pagefind/package.json"), "utf8")).version;

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

export const searchRecord = (article: Article, bodyHtml: string): SearchRecord => searchRecordOf(searchEntry(article), bodyHtml);

/**
 * Splits each language's articles into shards of `size`, counted from the oldest, so that a new
 * article only ever changes the newest shard. `articles` are newest first.
 */
export function planShards(articles: readonly Article[], size: number): SearchShard[] {
  const byLanguage = new Map<string, Article[]>();
  for (let index = articles.length - 1; index >= 0; index--) {
    const article = articles[index]!;
    const language = article.lang;
    const list = byLanguage.get(language) ?? [];
    list.push(article);
    byLanguage.set(language, list);
  }
  const shards: SearchShard[] = [];
  for (const [language, oldestFirst] of [...byLanguage].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (let start = 0, number = 0; start < oldestFirst.length; start += size, number++) {
      const chunk = oldestFirst.slice(start, start + size);
      shards.push({
        language,
        path: `${language}/${number}/`,
        newest: chunk[chunk.length - 1]!.sortKey,
        entries: chunk.map((article) => searchEntry(article)),
      });
    }
  }
  return shards;
}

/**
 * A shard's cache key: Pagefind's version and its entries, each body named by its file's hash
 * (where the file lies on disk does not change the index).
 */
export function shardKey(shard: SearchShard): string {
  const entries = JSON.stringify(shard.entries, (key, value: unknown) => (key === "filePath" ? undefined : value));
  return createHash("sha256").update(PAGEFIND_VERSION).update(entries).digest("hex").slice(0, 24);
}

/**
 * Puts a cached shard into the site as hard links (thousands of small files: linking costs
 * nothing, copying costs seconds), leaving out Pagefind's prebuilt UIs, which the search page
 * does not use. Falls back to copying across file systems.
 */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else if (!/^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/.test(entry.name)) await link(source, target).catch(() => copyFile(source, target));
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
  seconds: number;
}

/**
 * Writes the search index into `siteDir/pagefind/`: one Pagefind bundle per shard, built one
 * after another (each Pagefind process already uses more than one core), each kept in
 * `cacheDir/search/` under its `shardKey`, so an unchanged shard is copied, not rebuilt. `pagefind/shards.json` lists them for the search page.
 */
export async function buildSearchIndex(articles: readonly Article[], siteDir: string, cacheDir: string, shardSize: number): Promise<SearchIndexResult> {
  const worker = startIndexer(planShards(articles, shardSize), siteDir, cacheDir);
  try {
    const message = (await once(worker, "message")) as [{ result?: Omit<SearchIndexResult, "articles">; error?: string }];
    if (message[0].error) throw new Error(message[0].error);
    return { articles: articles.length, ...message[0].result! };
  } finally {
    await worker.terminate();
  }
}

/**
 * Indexing runs in a worker thread so Eleventy's rendering on this thread cannot stall it. The
 * worker gets its own copy of the plan, so this thread keeps none (100 MB at 100,000 articles).
 */
function startIndexer(shards: SearchShard[], siteDir: string, cacheDir: string): Worker {
  return new Worker(new URL("./index-worker.mjs", import.meta.url), { workerData: { shards, siteDir, cacheDir } });
}

/** Writes the shards' bundles (from the cache where it can) and their manifest. */
export async function writeShards(shards: SearchShard[], siteDir: string, cacheDir: string): Promise<Omit<SearchIndexResult, "articles">> {
  const started = performance.now();
  // Only the words of the body are indexed, so the site's path prefix does not matter here.
  const markdown = createMarkdown();
  const output = path.join(siteDir, "pagefind");
  const manifest: ShardManifest = { pagefind: PAGEFIND_VERSION, languages: {} };
  let reused = 0;
  try {
    for (const shard of shards) {
      const cached = path.join(cacheDir, "search", shardKey(shard));
      if (existsSync(cached)) {
        reused++;
      } else {
        const building = `${cached}.building-${process.pid}`;
        await rm(building, { recursive: true, force: true });
        await indexShard(shard, building, markdown);
        await mkdir(path.dirname(cached), { recursive: true });
        await rename(building, cached);
      }
      await linkTree(cached, path.join(output, shard.path));
      (manifest.languages[shard.language] ??= []).unshift({ path: shard.path, newest: shard.newest, articles: shard.entries.length });
    }
  } finally {
    await pagefind.close();
  }
  await mkdir(output, { recursive: true });
  await writeFile(path.join(output, "shards.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { shards: shards.length, reused, seconds: (performance.now() - started) / 1000 };
}

/**
 * Builds the search index from the articles' data as soon as they are loaded, while Eleventy
 * renders the pages (Pagefind runs in its own process, on the other core), and waits for it
 * before the build ends.
 */
export function searchPlugin(eleventyConfig: EleventyConfig, options: { source: NewsroomSource; cacheDir: string; shardSize: number }): void {
  let pending: Promise<SearchIndexResult> | undefined;
  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { output: string } }) => {
    const { newsroom } = await options.source.load();
    pending = buildSearchIndex(newsroom.articles, directories.output, options.cacheDir, options.shardSize);
    pending.catch(() => undefined); // reported when awaited below
  });
  eleventyConfig.on("eleventy.after", async () => {
    if (!pending) return;
    const result = await pending;
    pending = undefined;
    const reused = result.reused > 0 ? `, ${result.reused} reused from the cache` : "";
    console.log(`[broadsheet] search index: ${result.articles} articles in ${result.shards} shard${result.shards === 1 ? "" : "s"}${reused}, ${result.seconds.toFixed(2)} s.`);
  });
}

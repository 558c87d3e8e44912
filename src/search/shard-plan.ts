/**
 * The shard plan: each language's articles cut into runs of consecutive articles counted from
 * the oldest, each shard's cache key, and the manifest the search page reads.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { codeHash } from "../cache/code-hash.ts";
import type { Article } from "../collections/published-article.ts";
import { type SearchEntry, searchEntry } from "./search-records.ts";

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
  /**
   * `oldest`: its oldest article's sort key; `oldestDate`: that article's date as pages show it,
   * for the search page to say how far back it has searched.
   */
  languages: Record<string, Array<{ path: string; newest: string; oldest: string; oldestDate: string; articles: number }>>;
}

export const PAGEFIND_VERSION = (JSON.parse(readFileSync(path.resolve("node_modules/pagefind/package.json"), "utf8")) as { version: string }).version;

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

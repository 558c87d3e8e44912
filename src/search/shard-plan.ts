/**
 * The shard plan: each language's articles cut into runs of consecutive articles where the
 * articles' own hashes say (content-defined, so one change moves only the cuts beside it), each
 * shard's cache key, and the manifest the search page reads.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { codeHash } from "../cache/code-hash.ts";
import type { ArticleOnItsOwn } from "../collections/published-article.ts";
import { type SearchEntry, searchEntry } from "./search-records.ts";

/** One shard: a run of consecutive articles of one language, oldest first. */
export interface SearchShard {
  language: string;
  /** Its folder under `/pagefind/`, e.g. `en/3/`. */
  path: string;
  /** Publication span (UTC instants, as `sortKey`), for the client to order shards newest first. */
  oldest: string;
  newest: string;
  entries: SearchEntry[];
}

/** The manifest the search page reads: each language's shards, newest first. */
export interface ShardManifest {
  pagefind: string;
  /**
   * `oldest`/`newest`: its oldest and newest articles' sort keys; `oldestDate`: the oldest one's
   * date as pages show it, for the search page to say how far back it has searched.
   */
  languages: Record<string, Array<{ path: string; oldest: string; oldestDate: string; newest: string; articles: number }>>;
}

export const PAGEFIND_VERSION = (JSON.parse(readFileSync(path.resolve("node_modules/pagefind/package.json"), "utf8")) as { version: string }).version;

/** A shard as planned: its articles, whose entries are made when it is sent to an indexer. */
export interface ShardPlan extends Omit<SearchShard, "entries"> {
  articles: ArticleOnItsOwn[];
}

export interface ShardLimits {
  max: number;
  min: number;
  spacing: number;
  minorSpacing: number;
}

/**
 * One article in this many is a minor cut: the tail then holds about that many, two or three of
 * Pagefind's index chunks (each about a dozen articles' words), and folds into the head that
 * often (re-indexing it). Between 20 and 30 a new story rewrites fewest search files on average
 * (README, "Search"); for small shard sizes a quarter of `spacing`, so a tail stays well inside
 * its stretch.
 */
const MINOR_SPACING = 25;

/**
 * How the shard plan cuts, from `BROADSHEET_SEARCH_SHARD_SIZE` (`size`): no shard holds more
 * than `size` articles (Pagefind's memory), none but the newest two fewer than `min`, a natural
 * cut comes after one article in `spacing` (so shards average about 0.3 of `size`: the cuts
 * fall at random, and a stretch longer than `size` is cut again), and the newest stretch is
 * split once more after its last "minor" cut, one article in `minorSpacing`, so a new story
 * re-indexes a small tail, not the whole newest shard.
 */
export function shardLimits(size: number): ShardLimits {
  const spacing = Math.max(1, size / 4);
  return { max: size, min: Math.max(1, Math.round(size / 10)), spacing, minorSpacing: Math.min(MINOR_SPACING, spacing / 4) };
}

/**
 * An article's place in the cutting: a number in [0, 1) from the hash of its file's path
 * relative to the articles folder. That path is what stays when a story is edited (its
 * headline, body, tags, even its slug) or re-dated in place (its URL changes with the date), it
 * is unique, and it does not depend on where the folder lies on disk (so two machines cut
 * alike). A story moved to another file is, to the plan, deleted and published again.
 */
export function cutHash(identity: string): number {
  return createHash("sha256").update(identity).digest().readUIntBE(0, 6) / 2 ** 48;
}

/**
 * Where one language's articles (oldest first, given by their `cutHash`) are cut, as the sizes
 * of the shards, oldest first. Content-defined, as content-defined chunking cuts files, so a
 * change moves only the cuts next to it:
 *
 * - a natural cut comes after an article whose hash is under 1 / `spacing` (a property of the
 *   article alone) unless another such article lies among the `min` - 1 before it, or fewer than
 *   `min` articles precede it: so a cut depends only on the article and the `min` - 1 before it;
 * - a stretch between natural cuts longer than `max` is cut every `max` articles from its
 *   older end; if that leaves its newest piece shorter than `min`, the last two pieces share
 *   their articles evenly (the stretch after the last natural cut, the newest, is left open: a
 *   new story changes only its newest piece);
 * - the open stretch's newest piece is cut once more, after its last minor cut (an article
 *   whose hash is under 1 / `minorSpacing`, a property of the article alone), into a head and
 *   a tail: a new story joins the tail, which holds about `minorSpacing` articles; one that is
 *   a minor cut folds the tail into the head; one that is a natural cut closes the stretch,
 *   head and tail one shard again (as does one that starts a new piece past `max`).
 *
 * So every shard holds at most `max`, every one but the newest two (the head and the tail, both
 * still growing) at least `min` (given `min` <= `max` / 2), and inserting or removing one
 * article changes the shard that holds it and at most the next newer one (the cut after the
 * article, or one of the `min` after it; in the open stretch, the head and the tail); more only
 * inside a stretch longer than `max`, where the pieces newer than it shift too.
 */
export function cutSizes(hashes: readonly number[], limits: ShardLimits): number[] {
  const { max, min } = limits;
  const sizes: number[] = [];
  let start = 0;
  for (const { length, closed } of naturalStretches(hashes, limits)) {
    const pieces = Array.from({ length: Math.floor(length / max) }, () => max);
    const rest = length % max;
    if (rest > 0) pieces.push(rest);
    if (closed && pieces.length > 1 && rest > 0 && rest < min) {
      const shared = max + rest;
      pieces.splice(-2, 2, Math.ceil(shared / 2), Math.floor(shared / 2));
    }
    if (!closed) {
      const newest = pieces.pop()!;
      const head = headLength(hashes.slice(start + length - newest, start + length), limits);
      pieces.push(...[head, newest - head].filter((piece) => piece > 0));
    }
    sizes.push(...pieces);
    start += length;
  }
  return sizes;
}

/** How many of `hashes` lie up to and including the last minor cut among them (0 if none). */
function headLength(hashes: readonly number[], { minorSpacing }: ShardLimits): number {
  const threshold = 1 / minorSpacing;
  for (let index = hashes.length - 1; index >= 0; index--) if (hashes[index]! < threshold) return index + 1;
  return 0;
}

/**
 * The stretches between natural cuts (see `cutSizes`), oldest first; the last is open (no cut
 * after it yet) unless a cut falls after the newest article.
 */
export function naturalStretches(hashes: readonly number[], { min, spacing }: ShardLimits): Array<{ length: number; closed: boolean }> {
  const threshold = 1 / spacing;
  const stretches: Array<{ length: number; closed: boolean }> = [];
  let lastCandidate = -Infinity;
  let start = 0;
  hashes.forEach((hash, index) => {
    if (hash >= threshold) return;
    if (index + 1 >= min && index - lastCandidate >= min) {
      stretches.push({ length: index + 1 - start, closed: true });
      start = index + 1;
    }
    lastCandidate = index;
  });
  if (start < hashes.length) stretches.push({ length: hashes.length - start, closed: false });
  return stretches;
}

/**
 * Splits each language's articles into shards of consecutive articles in date order, where the
 * articles themselves say where to cut (`cutSizes`), so a new, edited, deleted or re-dated
 * story changes only the shards at its old and new places, and the plan is the same whatever
 * the cache held. `articles` are newest first; `articlesDir` is the folder they are read from.
 */
export function planShards(articles: readonly ArticleOnItsOwn[], size: number, articlesDir?: string): ShardPlan[] {
  const byLanguage = new Map<string, ArticleOnItsOwn[]>();
  for (let index = articles.length - 1; index >= 0; index--) {
    const article = articles[index]!;
    const language = article.lang;
    const list = byLanguage.get(language) ?? [];
    list.push(article);
    byLanguage.set(language, list);
  }
  const identity = (article: ArticleOnItsOwn) => (articlesDir === undefined ? article.sourcePath : path.relative(articlesDir, article.filePath).split(path.sep).join("/"));
  const limits = shardLimits(size);
  const plans: ShardPlan[] = [];
  for (const [language, oldestFirst] of [...byLanguage].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const identities = oldestFirst.map(identity);
    let start = 0;
    for (const length of cutSizes(identities.map(cutHash), limits)) {
      const chunk = oldestFirst.slice(start, start + length);
      // Named by its oldest article, so a shard keeps its folder (and a host its files) while
      // the shards before it change.
      const name = createHash("sha256").update(identities[start]!).digest("hex").slice(0, 12);
      plans.push({ language, path: `${language}/${name}/`, oldest: chunk[0]!.sortKey, newest: chunk[chunk.length - 1]!.sortKey, articles: chunk });
      start += length;
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

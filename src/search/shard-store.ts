/**
 * A shard on disk: indexed with Pagefind into the cache (with its integrity record) in an
 * indexer thread, and linked into the site.
 */
import { mkdir, rename, rm } from "node:fs/promises";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { recordTree, verifyTreesInBackground } from "../cache/integrity.ts";
import { checkStamped, openFileStamps } from "../cache/file-stamps.ts";
import { linkOrCopy } from "../cache/link-or-copy.ts";
import { threadId } from "node:worker_threads";
import * as pagefind from "pagefind";
import type MarkdownIt from "markdown-it";
import { readArticleBody } from "../content/parse-article.ts";
import { searchRecordOf } from "./search-records.ts";
import type { SearchShard } from "./shard-plan.ts";

/** The stamps of the cached shards' files, in the cache folder (`cache/file-stamps.ts`). */
export const SEARCH_STAMPS_FILE = "search-stamps.txt";

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

/** Records sent to Pagefind before the oldest is answered: enough to keep both sides busy, few enough to hold little text. */
const RECORDS_IN_FLIGHT = 8;

/**
 * How many articles share one fragment file (what a result shows: its URL, title and the text
 * its excerpt is cut from). One file an article made the search index most of a site's files;
 * a result now fetches its group, so a group is kept small (see README "Search").
 */
export const ARTICLES_PER_FRAGMENT_FILE = 4;

/** Indexes one shard with Pagefind's Node API into `outputDir`. */
async function indexShard(shard: SearchShard, outputDir: string, markdown: MarkdownIt): Promise<void> {
  const maxFragments = Math.ceil(shard.entries.length / ARTICLES_PER_FRAGMENT_FILE);
  const { index, errors } = await pagefind.createIndex({ includeCharacters: "+#", maxFragments });
  if (!index) throw new Error(`Pagefind: ${errors.join("; ")}`);
  try {
    // Pagefind's service takes messages in the order sent, one at a time, so records are sent
    // ahead (a few in flight) while the next is made: this thread reads and renders a body while
    // the service indexes the last, and the index is the same as when each waited for the last.
    const inFlight: Array<Promise<void>> = [];
    for (const entry of shard.entries) {
      const record = searchRecordOf(entry, readArticleBody(markdown, entry.body));
      const added = index.addCustomRecord(record).then(({ errors }) => {
        if (errors.length > 0) throw new Error(`Pagefind (${record.url}): ${errors.join("; ")}`);
      });
      added.catch(() => undefined); // thrown where it is awaited, below; not an unhandled rejection meanwhile
      inFlight.push(added);
      if (inFlight.length >= RECORDS_IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
    const written = await index.writeFiles({ outputPath: outputDir });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
  } finally {
    await index.deleteIndex();
  }
}

export const cachedShardPath = (cacheDir: string, key: string) => path.join(cacheDir, "search", key);

/**
 * Links cached shards' bundles into the site once every file is checked against the record
 * written with it (no file changed, missing or added), in a background thread while this one
 * goes on; a file stamped when last checked and unchanged since is not read again. A damaged
 * shard is deleted from the cache and not linked: it is given back with what was wrong, to be
 * indexed again.
 */
export async function linkCachedShards<T extends { key: string; path: string }>(shards: readonly T[], siteDir: string, cacheDir: string): Promise<Array<T & { damage: string }>> {
  const stamps = openFileStamps(path.join(cacheDir, SEARCH_STAMPS_FILE));
  const checks = await verifyTreesInBackground(
    shards.map(({ key }) => cachedShardPath(cacheDir, key)),
    (files) => checkStamped(files, stamps),
  );
  return shards.flatMap((shard, position) => {
    const check = checks[position]!;
    const cached = cachedShardPath(cacheDir, shard.key);
    if (check.damage === undefined) {
      linkFiles(cached, path.join(siteDir, "pagefind", shard.path), check.files);
      return [];
    }
    rmSync(cached, { recursive: true, force: true });
    return [{ ...shard, damage: check.damage }];
  });
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

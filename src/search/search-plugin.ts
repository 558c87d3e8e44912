/**
 * The Eleventy plugin: starts the search index as soon as the articles are read (before the
 * newsroom's lists are made) and waits for it before the build ends.
 */
import type { EleventyConfig } from "@11ty/eleventy";
import type { NewsroomSource } from "../collections/newsroom-plugin.ts";
import type { Worker } from "node:worker_threads";
import { type SearchIndexOptions, type SearchIndexResult, buildSearchIndex, startIndexer } from "./indexer-pool.ts";

/**
 * Builds the search index from the articles' data as soon as they are read, while Eleventy
 * renders the pages (Pagefind runs in processes of its own), and waits for it before the build
 * ends.
 */
export function searchPlugin(eleventyConfig: EleventyConfig, options: SearchIndexOptions & { source: NewsroomSource }): void {
  let pending: Promise<SearchIndexResult> | undefined;
  // One indexer thread starts with the configuration, so it has loaded its modules by the time
  // the articles are read; later builds of the dev server start theirs when they need them.
  let started: Worker[] = [startIndexer(options.cacheDir)];
  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { output: string } }) => {
    // A watch rebuild after a failed one (whose `eleventy.after` never ran) waits for that
    // build's index to settle, so two never write the same `pagefind/` at once.
    if (pending) await pending.catch(() => undefined);
    pending = undefined;
    // The articles as their editions settle them are ready before the newsroom's lists, and are all an index reads.
    const articles = await options.source.articles();
    pending = buildSearchIndex(articles, directories.output, { ...options, started });
    started = [];
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

import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Environment } from "nunjucks";
import { linkOrCopy } from "../cache/link-or-copy.ts";

/**
 * Most of a news site's pages (articles, section and tag lists) are written here rather than by
 * Eleventy pagination templates: Eleventy keeps every page it renders in memory until the build
 * ends and re-renders every page on every build. These pages are rendered with Eleventy's own
 * Nunjucks environment (the same filters and templates), streamed to disk, and kept in
 * `{cacheDir}/pages/` under the hash of everything they show, so a rebuild links the pages
 * whose inputs did not change instead of rendering them again.
 */

/** The hash of a page's inputs, as a cache file name. */
export function pageKey(...inputs: string[]): string {
  const hash = createHash("sha256");
  for (const input of inputs) hash.update(input).update("\u0000");
  return hash.digest("hex").slice(0, 32);
}

/** A page's content template rendered inside the base layout, as Eleventy's `layout` would. */
export function renderInLayout(environment: Environment, template: string, context: Record<string, unknown>): string {
  const content = environment.render(template, context);
  return environment.render("layouts/base.njk", { ...context, content });
}

/** One page to write: its URL, the hash of what it shows, and how to render it when not cached. */
export interface CachedPage {
  url: string;
  key: string;
  render(): string;
}

export interface WrittenPages {
  written: number;
  reused: number;
}

/**
 * Writes each page into `outputDir` at its URL (adding its cache file's name to `used`): linked from the cache when a page with the same
 * key was rendered before, else rendered and cached first. Pages are taken one at a time, so
 * an iterable that renders lazily holds no more than one page in memory.
 */
export async function writeCachedPages(pages: Iterable<CachedPage>, outputDir: string, cacheDir: string, used: Set<string>): Promise<WrittenPages> {
  const cache = path.join(cacheDir, "pages");
  mkdirSync(cache, { recursive: true });
  // One listing of the cache instead of a file check a page.
  const cachedNames = new Set(readdirSync(cache));
  let written = 0;
  let reused = 0;
  const folders = new Set<string>();
  // Synchronous calls: tens of thousands of tiny file operations cost less without a round trip
  // each. Every few hundred pages the event loop gets a turn, so the search indexers get their
  // next shard and the previous site's deletion goes on.
  let sinceYield = 0;
  for (const page of pages) {
    if (++sinceYield === 200) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const target = path.join(outputDir, decodeURI(page.url), "index.html");
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    const name = `${page.key}.html`;
    used.add(name);
    const cached = path.join(cache, name);
    if (cachedNames.has(name)) {
      reused++;
    } else {
      const temporary = `${cached}.${process.pid}`;
      writeFileSync(temporary, page.render());
      renameSync(temporary, cached);
      cachedNames.add(name);
      written++;
    }
    linkOrCopy(cached, target);
  }
  return { written, reused };
}

/**
 * Deletes the cached pages this build did not use (a new story changes every page of its
 * section's list, so the cache would otherwise grow with each build). One cache serves one
 * build at a time: `npm start` keeps its own.
 */
export function prunePageCache(cacheDir: string, used: Set<string>): number {
  const cache = path.join(cacheDir, "pages");
  let pruned = 0;
  for (const name of readdirSync(cache)) {
    if (used.has(name)) continue;
    rmSync(path.join(cache, name), { force: true });
    pruned++;
  }
  return pruned;
}

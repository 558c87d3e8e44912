import { createHash } from "node:crypto";
import { copyFileSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Most of a news site's pages (articles, section and tag lists) are written here rather than by
 * Eleventy pagination templates: Eleventy keeps every page it renders in memory until the build
 * ends and re-renders every page on every build. These pages are rendered with Eleventy's own
 * Nunjucks environment (the same filters and templates), streamed to disk, and kept in
 * `{cacheDir}/pages/` under the hash of everything they show, so a rebuild links the pages
 * whose inputs did not change instead of rendering them again.
 */

/** Changes to the rendering logic in `src/render/` must change this, so cached pages are not reused. */
const RENDERER_VERSION = "2";

/** Hash of every template, partial and layout, so a template edit re-renders every page. */
export function templatesHash(includesDir: string): string {
  const hash = createHash("sha256").update(RENDERER_VERSION);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(entry.name).update(readFileSync(file));
    }
  };
  walk(includesDir);
  return hash.digest("hex");
}

/** The hash of a page's inputs, as a cache file name. */
export function pageKey(...inputs: string[]): string {
  const hash = createHash("sha256");
  for (const input of inputs) hash.update(input).update("\u0000");
  return hash.digest("hex").slice(0, 32);
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
 * Writes each page into `outputDir` at its URL: linked from the cache when a page with the same
 * key was rendered before, else rendered and cached first. Pages are taken one at a time, so
 * an iterable that renders lazily holds no more than one page in memory.
 */
export function writeCachedPages(pages: Iterable<CachedPage>, outputDir: string, cacheDir: string): WrittenPages {
  const cache = path.join(cacheDir, "pages");
  mkdirSync(cache, { recursive: true });
  // One listing of the cache instead of a file check a page.
  const cachedNames = new Set(readdirSync(cache));
  let written = 0;
  let reused = 0;
  const folders = new Set<string>();
  // Synchronous calls: tens of thousands of tiny file operations cost less without a round trip each.
  for (const page of pages) {
    const target = path.join(outputDir, decodeURI(page.url), "index.html");
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    const name = `${page.key}.html`;
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
    // A hard link costs no copy; across file systems, copy.
    try {
      linkSync(cached, target);
    } catch {
      copyFileSync(cached, target);
    }
  }
  return { written, reused };
}

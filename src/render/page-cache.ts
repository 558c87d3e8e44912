import { createHash } from "node:crypto";
import { copyFileSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Environment } from "nunjucks";

/**
 * Most of a news site's pages (articles, section and tag lists) are written here rather than by
 * Eleventy pagination templates: Eleventy keeps every page it renders in memory until the build
 * ends and re-renders every page on every build. These pages are rendered with Eleventy's own
 * Nunjucks environment (the same filters and templates), streamed to disk, and kept in
 * `{cacheDir}/pages/` under the hash of everything they show, so a rebuild links the pages
 * whose inputs did not change instead of rendering them again.
 */

/**
 * The hash of the code that turns articles into files: templates (`_includes/`), the TypeScript
 * of `src/` (filters, dates, Markdown, the search records) and the locked dependency versions.
 * It is part of every cached page's and search shard's key, so a cache restored after an upgrade
 * or a template edit is not reused. Computed once a process.
 */
export const codeHash = (() => {
  let hash: string | undefined;
  return (root: string = process.cwd()): string => {
    if (hash) return hash;
    const digest = createHash("sha256");
    const walk = (dir: string, keep: (name: string) => boolean) => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file, keep);
        else if (keep(entry.name)) digest.update(path.relative(root, file)).update(readFileSync(file));
      }
    };
    walk(path.join(root, "_includes"), () => true);
    walk(path.join(root, "src"), (name) => /\.(?:ts|mjs|njk)$/.test(name));
    digest.update(readFileSync(path.join(root, "package-lock.json")));
    return (hash = digest.digest("hex"));
  };
})();

/** The hash of a page's inputs, as a cache file name. */
export function pageKey(...inputs: string[]): string {
  const hash = createHash("sha256");
  for (const input of inputs) hash.update(input).update("\u0000");
  return hash.digest("hex").slice(0, 32);
}

/**
 * Puts `source` at `target` as a hard link (no copy), or a copy where links cannot be made (another
 * file system). A file already at `target` (the dev server's output persists between builds) is
 * replaced, never written through: it may be a link to another cached file.
 */
export function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      unlinkSync(target);
      linkOrCopy(source, target);
    } else if (code === "EXDEV" || code === "EPERM" || code === "EMLINK") {
      copyFileSync(source, target);
    } else {
      throw error;
    }
  }
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

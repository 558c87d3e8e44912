import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { sha256, writeFileAtomically } from "../cache/integrity.ts";
import { checkStamped, openFileStamps } from "../cache/file-stamps.ts";
import { linkOrCopy } from "../cache/link-or-copy.ts";
import { pruneUnused } from "../cache/prune.ts";
import { spareHasFolder, spareHolds } from "./spare-site.ts";

/**
 * The site's pages are written here rather than by Eleventy pagination templates: Eleventy keeps
 * every page it renders in memory until the build ends and re-renders every page on every
 * build. Each page is streamed to disk and kept in `{cacheDir}/pages/` under the hash of its
 * view (`view-key.ts`), so a rebuild links the pages whose inputs did not change instead of
 * rendering them again, once it has checked that each still holds what was written (the site's
 * files are links to these: an edit in place reaches the cache).
 */

/** The hash of a page's inputs, as a cache file name. */
export function pageKey(...inputs: string[]): string {
  const hash = createHash("sha256");
  for (const input of inputs) hash.update(input).update("\u0000");
  return hash.digest("hex").slice(0, 32);
}

/**
 * A cached page's file name, `{key}.{hash}.html`: its key and the hash of the bytes written (the
 * first 32 hex digits of their SHA-256), so the one listing of the cache a build makes says what
 * each page must hold, with no manifest to corrupt.
 */
export function cachedPageName(key: string, hash: string): string {
  return `${key}.${hash}.html`;
}

/** The hash a cached page's name carries. */
const contentHash = (bytes: Uint8Array) => sha256(bytes).slice(0, 32);

const CACHED_PAGE = /^([0-9a-f]{32})\.([0-9a-f]{32})\.html$/;

/** Each cached page's key and the hash its bytes had when written, from one listing of the cache. */
export function listCachedPages(cache: string): Map<string, string> {
  const hashByKey = new Map<string, string>();
  for (const name of readdirSync(cache)) {
    const match = CACHED_PAGE.exec(name);
    if (match) hashByKey.set(match[1]!, match[2]!);
  }
  return hashByKey;
}

/** The stamps of the cached pages, in the cache folder (`cache/file-stamps.ts`). */
export const PAGE_STAMPS_FILE = "page-stamps.txt";

/**
 * Starts checking every cached page against its name's hash in a worker thread, so the check
 * costs a rebuild little time: it runs while this thread reads the articles, before any page is
 * written. A page the last check stamped, unchanged since (`cache/file-stamps.ts`), is not read
 * again. Gives the files found intact, for `writeCachedPages`.
 */
export function checkCachedPages(cacheDir: string): Promise<Set<string>> {
  const cache = path.join(cacheDir, "pages");
  let listed: Map<string, string>;
  try {
    listed = listCachedPages(cache);
  } catch {
    return Promise.resolve(new Set()); // no cache yet
  }
  return checkStamped(
    [...listed].map(([key, hash]) => [path.join(cache, cachedPageName(key, hash)), hash] as const),
    openFileStamps(path.join(cacheDir, PAGE_STAMPS_FILE)),
  );
}

/** Whether a cached page still holds the bytes its name's hash was taken of. */
function isIntact(file: string, hash: string): boolean {
  try {
    return contentHash(readFileSync(file)) === hash;
  } catch {
    return false; // gone or unreadable: render it again
  }
}

/** One page to write: its URL, the hash of what it shows, and how to render it when not cached. */
export interface CachedPage {
  url: string;
  key: string;
  render(): string | Promise<string>;
}

/** Where a page's URL is written: `/china/` as `china/index.html`, `/404.html` as itself. */
export function outputFileOf(outputDir: string, url: string): string {
  const file = decodeURI(url);
  return path.join(outputDir, file.endsWith(".html") ? file : path.join(file, "index.html"));
}

export interface WrittenPages {
  written: number;
  reused: number;
  /** URLs of the pages whose cached file differed from what was written: rendered again (counted in `written`). */
  damaged: string[];
}

/**
 * Writes each page into `outputDir` at its URL (adding its cache file's name to `used`): linked
 * from the cache when a page with the same key was rendered before and its file still holds the
 * bytes its name's hash was taken of, else rendered and cached first (a damaged file is replaced).
 * A cached file in `intact` (`checkCachedPages` of this build) was checked already; any other is
 * read and checked here. Pages are taken one at a time, so an iterable that renders lazily holds
 * no more than one page in memory. `listing` is `listCachedPages` of the cache, shared by the
 * calls of one build (and kept up to date by them): a listing of 14,000 names a page type cost
 * a 10,000-article rebuild half a second.
 */
export async function writeCachedPages(
  pages: Iterable<CachedPage>,
  outputDir: string,
  cacheDir: string,
  used: Set<string>,
  intact: ReadonlySet<string> = new Set(),
  listing?: Map<string, string>,
): Promise<WrittenPages> {
  const cache = path.join(cacheDir, "pages");
  mkdirSync(cache, { recursive: true });
  // One listing of the cache instead of a file check a page. Anything else there (a killed
  // build's temporary file) is pruned.
  const hashByKey = listing ?? listCachedPages(cache);
  let written = 0;
  let reused = 0;
  const damaged: string[] = [];
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
    const target = outputFileOf(outputDir, page.url);
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      // A spare site being updated in place (`spare-site.ts`) has most folders already.
      if (!spareHasFolder(outputDir, folder)) mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    let hash = hashByKey.get(page.key);
    if (hash !== undefined) {
      const cached = path.join(cache, cachedPageName(page.key, hash));
      if (intact.has(cached) || isIntact(cached, hash)) {
        reused++;
      } else {
        rmSync(cached, { force: true });
        damaged.push(page.url);
        hash = undefined;
      }
    }
    if (hash === undefined) {
      const bytes = Buffer.from(await page.render());
      hash = contentHash(bytes);
      writeFileAtomically(path.join(cache, cachedPageName(page.key, hash)), bytes);
      hashByKey.set(page.key, hash);
      written++;
    }
    const name = cachedPageName(page.key, hash);
    used.add(name);
    const source = path.join(cache, name);
    // In a spare site, the page may be this very file already: nothing to write.
    if (spareHolds(outputDir, target, () => statSync(source)) !== true) linkOrCopy(source, target);
  }
  return { written, reused, damaged };
}

/**
 * Deletes the cached pages this build did not use (a new story changes every page of its
 * section's list, so the cache would otherwise grow with each build).
 */
export function prunePageCache(cacheDir: string, used: Set<string>): Promise<number> {
  return pruneUnused(path.join(cacheDir, "pages"), used);
}

import { readFileSync } from "node:fs";
import path from "node:path";
import { readEditions, type Edition } from "./editions.ts";
import type { SectionSetting, SiteSettings } from "./site-data.ts";
import { readAuthors, type AuthorSetting } from "./authors.ts";

export interface Settings {
  site: SiteSettings;
  sections: SectionSetting[];
  /** The language editions, the default first. */
  editions: Edition[];
  /** The reporters of `_data/authors.json`, checked (none without the file). */
  authors: AuthorSetting[];
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

/**
 * Each section's key is its URL (`/{key}/`), so it must be a slug of its own: not another
 * section's, not an edition's prefix, not one of `reserved`, the folders the site writes itself
 * (the page registry's URL segments, assets, images, the search index).
 */
export function checkSectionKeys(sections: SectionSetting[], editions: Edition[], file: string, reserved: readonly string[]): void {
  const editionFolders = new Set(editions.map((edition) => edition.prefix.split("/")[1]).filter(Boolean));
  const reservedPaths = new Set(reserved);
  const seen = new Set<string>();
  for (const { key } of sections) {
    const reason = !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key)
      ? "is not a lowercase slug (letters, digits and hyphens)"
      : seen.has(key)
        ? "is used by another section"
        : reservedPaths.has(key) || editionFolders.has(key)
          ? `is a folder the site writes itself (${[...reservedPaths, ...editionFolders].join(", ")})`
          : undefined;
    if (reason) throw new Error(`${file}: section key "${key}" ${reason}; choose another`);
    seen.add(key);
  }
}

/** `_data/site.json` as written, unchecked (the build's settings read its `url` alone). */
export function readSiteJson(dataDir: string = path.resolve("_data")): SiteSettings {
  return readJson<SiteSettings>(path.join(dataDir, "site.json"));
}

/** Google News lists articles of the last 48 hours only. */
export const NEWS_SITEMAP_HOURS = 48;

/** `rebuildWithinHours` when `site.json` does not give it: an hourly deploy, with an hour to spare. */
export const DEFAULT_REBUILD_WITHIN_HOURS = 2;

/** `rebuildWithinHours` is some hours, fewer than the news sitemap's 48. */
export function checkRebuildWithinHours(value: unknown, file: string): number {
  if (value === undefined) return DEFAULT_REBUILD_WITHIN_HOURS;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value >= NEWS_SITEMAP_HOURS) {
    throw new Error(
      `${file}: rebuildWithinHours: ${JSON.stringify(value)} is not a number of hours above 0 and below ${NEWS_SITEMAP_HOURS}; ` +
        'give the longest time a deployed site waits for the next build, e.g. "rebuildWithinHours": 2 for an hourly deploy',
    );
  }
  return value;
}

/**
 * Reads the settings a build needs from `_data/` (the only place a site owner edits). A build
 * gives the folders it writes, which no section key may take; a tool that only reads the
 * settings need not.
 */
export function readSettings(dataDir: string = path.resolve("_data"), reservedSegments: readonly string[] = []): Settings {
  const site = readSiteJson(dataDir);
  site.rebuildWithinHours = checkRebuildWithinHours(site.rebuildWithinHours, path.join(dataDir, "site.json"));
  const sections = readJson<SectionSetting[]>(path.join(dataDir, "sections.json"));
  const editions = readEditions(dataDir, site, sections);
  checkSectionKeys(sections, editions, path.join(dataDir, "sections.json"), reservedSegments);
  const authors = readAuthors(dataDir, editions.map((edition) => edition.lang));
  return { site, sections, editions, authors };
}

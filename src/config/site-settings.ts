import { readFileSync } from "node:fs";
import path from "node:path";
import { readEditions, type Edition } from "./editions.ts";

/** `_data/site.json`: the newsroom's identity and defaults. */
export interface SiteSettings {
  name: string;
  shortName: string;
  tagline: string;
  description: string;
  url: string;
  /** A custom domain for GitHub Pages (e.g. news.example.org); empty for <owner>.github.io/<repo>/. */
  customDomain: string;
  language: string;
  /** `<html lang>` of the default edition. */
  htmlLang: string;
  locale: string;
  /** luxon formats of the default edition's dates. */
  dateFormats: { dateline: string; short: string };
  timeZone: string;
  publisher: string;
  pageSize: number;
  homeLatestPerSection: number;
  /** Recommended Reading shows this many at a time; "Change it" shows the next set. */
  recommendedSetSize: number;
  /**
   * The deployed site is replaced by the next build within this many hours: the deploy
   * workflow's schedule (hourly) plus room for a run that starts late and for the build itself.
   * The Google News sitemap is a static file read until that next deploy, so it lists only
   * articles under `48 - rebuildWithinHours` hours old: none passes Google's 48 hours while it is
   * served. `tests/unit/deploy-workflow.test.ts` checks the schedule fits. Default 2 (a
   * `site.json` saved by a tool that drops fields it does not know still builds).
   */
  rebuildWithinHours: number;
  /** Brand images, kept in `_data/brand/` and published under `/assets/brand/`. */
  brand: {
    favicon: string;
    icon: string;
    logo: string;
    logoWidth: number;
    logoHeight: number;
    socialImage: string;
    socialImageAlt: string;
  };
}

/** One entry of `_data/sections.json`. */
export interface SectionSetting {
  key: string;
  label: string;
  description: string;
}

export interface Settings {
  site: SiteSettings;
  sections: SectionSetting[];
  /** The language editions, the default first. */
  editions: Edition[];
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

/** Top-level folders the site writes itself; a section there would overwrite them. */
const RESERVED_PATHS = new Set(["search", "tags", "assets", "img", "pagefind", "page"]);

/**
 * Each section's key is its URL (`/{key}/`), so it must be a slug of its own: not another
 * section's, not a folder the site writes itself, not an edition's prefix.
 */
export function checkSectionKeys(sections: SectionSetting[], editions: Edition[], file: string): void {
  const editionFolders = new Set(editions.map((edition) => edition.prefix.split("/")[1]).filter(Boolean));
  const seen = new Set<string>();
  for (const { key } of sections) {
    const reason = !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key)
      ? "is not a lowercase slug (letters, digits and hyphens)"
      : seen.has(key)
        ? "is used by another section"
        : RESERVED_PATHS.has(key) || editionFolders.has(key)
          ? `is a folder the site writes itself (${[...RESERVED_PATHS, ...editionFolders].join(", ")})`
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

/** Reads the settings a build needs from `_data/` (the only place a site owner edits). */
export function readSettings(dataDir: string = path.resolve("_data")): Settings {
  const site = readSiteJson(dataDir);
  site.rebuildWithinHours = checkRebuildWithinHours(site.rebuildWithinHours, path.join(dataDir, "site.json"));
  const sections = readJson<SectionSetting[]>(path.join(dataDir, "sections.json"));
  const editions = readEditions(dataDir, site, sections);
  checkSectionKeys(sections, editions, path.join(dataDir, "sections.json"));
  return { site, sections, editions };
}

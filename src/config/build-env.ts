import path from "node:path";
import { DateTime } from "luxon";

/** What a build reads from its environment (SPEC §3); never from edited code. */
export interface BuildEnv {
  /** Absolute site origin (and path) for canonical links, feeds and sitemaps, without a trailing slash. */
  siteUrl: string | undefined;
  /** Sub-path the site is served under, always with leading and trailing slash (`/`, `/newsroom/`). */
  pathPrefix: string;
  /** The build's "now": `SOURCE_DATE_EPOCH` when set, else the real clock. */
  now: DateTime;
  /** Preview drafts and embargoed articles (`BUILD_DRAFTS=1` or `--drafts`). */
  includeDrafts: boolean;
  /** Folder the articles are read from (`BROADSHEET_ARTICLES`, default `articles/`). */
  articlesDir: string;
  /** Folder kept between builds for work worth reusing, such as resized images
   * (`BROADSHEET_CACHE`, default `.cache/`); a CI run can restore it. */
  cacheDir: string;
  /**
   * Articles per search-index shard (`BROADSHEET_SEARCH_SHARD_SIZE`, default 2,000). Pagefind
   * holds a whole index in memory (about 0.45 MB an article here), so shards of 2,000 keep each
   * indexing process near 1 GB, and a shard whose articles did not change is reused from the
   * cache. Tests use a small size to exercise the merging of shards.
   */
  searchShardSize: number;
}

/**
 * Normalises a path prefix to `/x/y/` form.
 * @example normalizePathPrefix("newsroom") // "/newsroom/"
 */
export function normalizePathPrefix(raw: string | undefined): string {
  const trimmed = (raw ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  if (!/^[1-9]\d*$/.test(value.trim())) throw new Error(`${name}: must be a whole number above 0, got "${value}"`);
  return Number(value);
}

/** Reads the build settings from an environment (defaults to `process.env`). */
export function readBuildEnv(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv,
  cwd: string = process.cwd(),
): BuildEnv {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  let now: DateTime = DateTime.now();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) {
      throw new Error(`SOURCE_DATE_EPOCH: must be whole seconds since 1970, got "${epoch}"`);
    }
    now = DateTime.fromSeconds(Number(epoch), { zone: "utc" });
  }
  const siteUrl = env.SITE_URL?.trim().replace(/\/+$/, "") || undefined;
  if (siteUrl !== undefined && !/^https?:\/\/[^/]+/.test(siteUrl)) {
    throw new Error(`SITE_URL: must be an absolute http(s) URL, got "${siteUrl}"`);
  }
  return {
    siteUrl,
    pathPrefix: normalizePathPrefix(env.PATH_PREFIX),
    now,
    includeDrafts: env.BUILD_DRAFTS === "1" || env.BUILD_DRAFTS === "true" || argv.includes("--drafts"),
    articlesDir: path.resolve(cwd, env.BROADSHEET_ARTICLES?.trim() || "articles"),
    cacheDir: path.resolve(cwd, env.BROADSHEET_CACHE?.trim() || ".cache"),
    searchShardSize: positiveInteger(env.BROADSHEET_SEARCH_SHARD_SIZE, "BROADSHEET_SEARCH_SHARD_SIZE") ?? 2000,
  };
}

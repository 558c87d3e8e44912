import { statSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { readSiteJson } from "./site-settings.ts";

/** What a build reads from its environment (SPEC §3); never from edited code. */
export interface BuildEnv {
  /**
   * The site's origin (`https://user.github.io`) for canonical links, feeds and sitemaps: from
   * `SITE_URL`, else `_data/site.json`'s `url`. A path either gives must be `PATH_PREFIX`
   * (checked by {@link checkSiteUrl}); it is implied by the prefix, so only the origin is kept.
   */
  siteUrl: string;
  /** Sub-path the site is served under, always with leading and trailing slash (`/`, `/newsroom/`). */
  pathPrefix: string;
  /** The build's "now": `SOURCE_DATE_EPOCH` when set, else the real clock. */
  now: DateTime;
  /** Preview drafts and embargoed articles (`BUILD_DRAFTS=1` or `--drafts`). */
  includeDrafts: boolean;
  /** Folder the articles are read from (`BROADSHEET_ARTICLES`, default `articles/`); it exists. */
  articlesDir: string;
  /** Folder kept between builds for work worth reusing, such as resized images
   * (`BROADSHEET_CACHE`, default `.cache/`); a CI run can restore it. */
  cacheDir: string;
  /**
   * The most articles a search-index shard holds (`BROADSHEET_SEARCH_SHARD_SIZE`, default 2,000;
   * shards average about 0.3 of it, where the articles' hashes cut: see `shardLimits`). Pagefind
   * holds a whole index in memory (about 0.45 MB an article here), so shards of 2,000 keep each
   * indexing process near 1 GB, and a shard whose articles did not change is reused from the
   * cache. Tests use a small size to exercise the merging of shards.
   */
  searchShardSize: number;
  /**
   * What a production build does when an article URL the last builds published is gone with no
   * alias for it (`BROADSHEET_GONE_URLS`): `warn` (the default) names it in the build log;
   * `error` stops the build, so the live site keeps the URL; `forget` names it one last time and
   * stops tracking it (a story taken down on purpose).
   */
  goneUrls: GoneUrlsMode;
}

export type GoneUrlsMode = "warn" | "error" | "forget";
const GONE_URLS_MODES: readonly GoneUrlsMode[] = ["warn", "error", "forget"];

export interface ReadBuildEnvOptions {
  /**
   * The caller writes articles and makes their folders (`npm run new`): the default `articles/`
   * may be missing then. A `BROADSHEET_ARTICLES` that names no folder is refused all the same,
   * since writing into a mistyped path would hide the articles from the build.
   */
  createsArticles?: boolean;
}

/** What each segment of a path prefix may hold: RFC 3986's unreserved characters, ASCII letters, digits and `-._~`. */
const SEGMENT = /^[A-Za-z0-9\-._~]+$/;
const EXAMPLE_PREFIX = "/newsroom/";

function refusePathPrefix(raw: string, reason: string, suggestion: string = EXAMPLE_PREFIX): never {
  throw new Error(`PATH_PREFIX: "${raw}" is not a URL path: ${reason}; e.g. PATH_PREFIX=${suggestion}`);
}

/**
 * Checks a path prefix and normalises it to `/x/y/` form (the slashes around it are optional).
 * Each segment holds RFC 3986's unreserved characters only: ASCII letters, digits, `-`, `.`, `_`
 * and `~` (a GitHub repository's name always fits). Those mean the same in every place a prefix
 * is written (href, srcset, CSS, feeds, the search bundle's path) without any encoding. Refused,
 * with the fix: `.` and `..` segments, empty segments (`//`), backslashes, `?`, `#`,
 * percent-encoding and non-ASCII letters (the prefix would be written encoded in some places and
 * not in others), a whole URL, and any other character (spaces, quotes, `,` which would split a
 * `srcset`, `&`, `(`…).
 * @example normalizePathPrefix("newsroom") // "/newsroom/"
 */
export function normalizePathPrefix(raw: string | undefined): string {
  const given = (raw ?? "").trim();
  if (given === "" || given === "/") return "/";
  if (/^[a-z][a-z0-9+.-]*:/i.test(given) || given.startsWith("//")) {
    let pathOnly = EXAMPLE_PREFIX;
    try {
      pathOnly = normalizePathPrefix(new URL(given, "https://example.org").pathname);
    } catch {
      // keep the example
    }
    refusePathPrefix(given, "it is a URL; give its path alone and the origin as SITE_URL", pathOnly);
  }
  if (given.includes("\\")) refusePathPrefix(given, 'segments are separated by "/", not "\\"', suggest(given.replace(/\\+/g, "/")));
  if (/[?#]/.test(given)) refusePathPrefix(given, 'no "?" or "#": a prefix is a path only', suggest(given.replace(/[?#].*$/s, "")));
  const segments = given.replace(/^\//, "").replace(/\/$/, "").split("/");
  if (segments.some((segment) => segment === "")) refusePathPrefix(given, 'no empty segments ("//")', suggest(given.replace(/\/{2,}/g, "/")));
  if (segments.some((segment) => segment === "." || segment === "..")) refusePathPrefix(given, 'no "." or ".." segments');
  if (given.includes("%")) {
    let decoded: string | undefined;
    try {
      decoded = decodeURIComponent(given);
    } catch {
      // not valid percent-encoding: the generic advice below
    }
    refusePathPrefix(given, 'no percent-encoding: only ASCII letters, digits, "-", ".", "_" and "~"', decoded ? suggest(decoded) : EXAMPLE_PREFIX);
  }
  const bad = [...new Set(segments.flatMap((segment) => (SEGMENT.test(segment) ? [] : [...segment].filter((char) => !SEGMENT.test(char)))))];
  if (bad.length > 0) {
    refusePathPrefix(
      given,
      `only ASCII letters, digits, "-", ".", "_" and "~" in a segment, not ${bad.map((char) => JSON.stringify(char)).join(", ")}`,
      // Spaces and punctuation become hyphens; a name in another script has no ASCII spelling to offer.
      bad.some((char) => char > "\x7f") ? EXAMPLE_PREFIX : suggest(given.replace(/[^A-Za-z0-9\-._~/]+/g, "-")),
    );
  }
  return `/${segments.join("/")}/`;
}

/** A corrected prefix to show in a message, when it is itself a valid prefix. */
function suggest(candidate: string): string {
  try {
    return normalizePathPrefix(candidate);
  } catch {
    return EXAMPLE_PREFIX;
  }
}

/**
 * Checks an absolute base URL against the path prefix and returns its origin. It must be
 * http(s) with a host, without user info, query or fragment; its path must be empty or the
 * prefix itself (`https://user.github.io/newsroom` with `PATH_PREFIX=/newsroom/`), since every
 * URL is made of the origin, the prefix and a page's path. `siteJson` names the file when the URL
 * is `_data/site.json`'s `url` (the default of `SITE_URL`), for the message.
 * @example checkSiteUrl("https://user.github.io/newsroom/", "/newsroom/") // "https://user.github.io"
 */
export function checkSiteUrl(raw: string, pathPrefix: string, siteJson?: string): string {
  const given = raw.trim();
  // Never echo user info: it may be a password.
  const shown = given.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, "$1…@");
  const name = siteJson === undefined ? "SITE_URL" : `${siteJson}: url`;
  const setTo = (value: string) => (siteJson === undefined ? `SITE_URL=${value}` : `"url": "${value}" (or set SITE_URL)`);
  const refuse = (reason: string, example: string): never => {
    throw new Error(`${name}: ${reason}; e.g. ${setTo(example)}`);
  };
  // WHATWG URL parsing forgives "https:host", "\\" for "/", tabs and newlines; a base URL must not need that.
  let url: URL | undefined;
  try {
    url = /^https?:\/\/[^/?#\\\s]/i.test(given) ? new URL(given) : undefined;
  } catch {
    // refused below
  }
  if (!url) return refuse(`"${shown}" is not an absolute http(s) URL`, "https://news.example.org");
  const origin = url.origin;
  if (url.username !== "" || url.password !== "" || /^https?:\/\/[^/?#]*@/i.test(given)) refuse("must not carry a user name or password", origin);
  if (/[\s\\]/.test(given)) refuse(`"${shown}" has spaces or backslashes`, origin);
  if (given.includes("?")) refuse(`"${shown}" has a query; give the origin (or the origin and PATH_PREFIX) alone`, origin);
  if (given.includes("#")) refuse(`"${shown}" has a fragment; give the origin (or the origin and PATH_PREFIX) alone`, origin);
  const basePath = `${url.pathname.replace(/\/+$/, "")}/`;
  let decoded = basePath;
  try {
    decoded = decodeURI(basePath);
  } catch {
    // malformed percent-encoding: compared as written, so it does not match
  }
  if (basePath !== "/" && decoded !== pathPrefix) {
    const setPrefix = suggest(decoded) === decoded ? `set PATH_PREFIX=${decoded} or ` : "";
    throw new Error(`${name}'s path ${decoded} does not match PATH_PREFIX ${pathPrefix}; ${setPrefix}give the origin alone, ${setTo(origin)}`);
  }
  return origin;
}

/**
 * The articles folder must exist and be a folder; a missing one would otherwise be a bare ENOENT
 * deep in the build, naming neither the setting nor the fix.
 */
function checkArticlesDir(dir: string, setting: string | undefined, options: ReadBuildEnvOptions): void {
  let kind: "folder" | "file" | "missing";
  try {
    kind = statSync(dir).isDirectory() ? "folder" : "file";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
    kind = "missing";
  }
  if (kind === "folder" || (kind === "missing" && setting === undefined && options.createsArticles)) return;
  const found = kind === "missing" ? `no folder at ${dir}` : `${dir} is a file, not a folder`;
  throw new Error(
    setting === undefined
      ? `BROADSHEET_ARTICLES: not set, and articles/ is missing (${found}); create articles/, or set BROADSHEET_ARTICLES to the folder that holds the articles`
      : `BROADSHEET_ARTICLES: ${found}; set it to the folder that holds the articles (or unset it to use articles/)`,
  );
}

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  if (!/^[1-9]\d*$/.test(value.trim())) throw new Error(`${name}: must be a whole number above 0, got "${value}"`);
  return Number(value);
}

function goneUrlsMode(raw: string | undefined): GoneUrlsMode {
  const given = raw?.trim() || "warn";
  if ((GONE_URLS_MODES as readonly string[]).includes(given)) return given as GoneUrlsMode;
  throw new Error(`BROADSHEET_GONE_URLS: must be one of ${GONE_URLS_MODES.join(", ")}, got "${given}"; e.g. BROADSHEET_GONE_URLS=error`);
}

/**
 * Reads the build settings from an environment (defaults to `process.env`) and checks them, so a
 * bad one is refused, with its fix, before anything is built. `cwd` is the project: `_data/`
 * (for the default `SITE_URL`), `articles/` and `.cache/` are resolved against it.
 */
export function readBuildEnv(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv,
  cwd: string = process.cwd(),
  options: ReadBuildEnvOptions = {},
): BuildEnv {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  let now: DateTime = DateTime.now();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) {
      throw new Error(`SOURCE_DATE_EPOCH: must be whole seconds since 1970, got "${epoch}"`);
    }
    now = DateTime.fromSeconds(Number(epoch), { zone: "utc" });
  }
  const pathPrefix = normalizePathPrefix(env.PATH_PREFIX);
  const givenSiteUrl = env.SITE_URL?.trim() || undefined;
  const dataDir = path.resolve(cwd, "_data");
  const siteJson = path.join(dataDir, "site.json");
  const siteUrl =
    givenSiteUrl !== undefined
      ? checkSiteUrl(givenSiteUrl, pathPrefix)
      : checkSiteUrl(String(readSiteJson(dataDir).url ?? ""), pathPrefix, path.relative(cwd, siteJson) || siteJson);
  const articlesSetting = env.BROADSHEET_ARTICLES?.trim() || undefined;
  const articlesDir = path.resolve(cwd, articlesSetting ?? "articles");
  checkArticlesDir(articlesDir, articlesSetting, options);
  return {
    siteUrl,
    pathPrefix,
    now,
    includeDrafts: env.BUILD_DRAFTS === "1" || env.BUILD_DRAFTS === "true" || argv.includes("--drafts"),
    articlesDir,
    cacheDir: path.resolve(cwd, env.BROADSHEET_CACHE?.trim() || ".cache"),
    searchShardSize: positiveInteger(env.BROADSHEET_SEARCH_SHARD_SIZE, "BROADSHEET_SEARCH_SHARD_SIZE") ?? 2000,
    goneUrls: goneUrlsMode(env.BROADSHEET_GONE_URLS),
  };
}

import type { BuildEnv } from "../config/build-env.ts";

/**
 * A site-relative path (`/china/`) under the build's `PATH_PREFIX`, percent-encoded for `href`.
 * @example withPathPrefix("/tags/c-plus-plus/", "/newsroom/") // "/newsroom/tags/c-plus-plus/"
 */
export function withPathPrefix(path: string, pathPrefix: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith("//")) return path;
  return encodeURI(pathPrefix + path.replace(/^\//, ""));
}

/**
 * The absolute URL of a site path, for canonical links, Open Graph, feeds and sitemaps.
 * `siteUrl` may be the origin alone or already end with the path prefix.
 * @example absoluteUrl("/china/", "https://example.org", "/newsroom/") // "https://example.org/newsroom/china/"
 */
export function absoluteUrl(path: string, siteUrl: string, pathPrefix: string): string {
  const base = siteUrl.replace(/\/+$/, "");
  const basePath = new URL(`${base}/`).pathname;
  const prefixed = withPathPrefix(path, basePath === pathPrefix ? "/" : pathPrefix);
  return /^[a-z][a-z0-9+.-]*:/i.test(prefixed) ? prefixed : base + prefixed;
}

/** Longest `<title>` search engines show in full; html-validate's `long-title` rule agrees. */
export const MAX_TITLE_LENGTH = 70;

/**
 * The `<title>` of a page: "Headline | Site" when that fits in 70 characters, else the headline,
 * cut at a word with an ellipsis when even that is too long. The home page (no title) gets the site's.
 * @example documentTitle("Night ferry opens", "Broadsheet Daily") // "Night ferry opens | Broadsheet Daily"
 */
export function documentTitle(title: string, siteName: string, fallback = siteName): string {
  if (!title) return fallback.length <= MAX_TITLE_LENGTH ? fallback : siteName;
  const full = `${title} | ${siteName}`;
  if (full.length <= MAX_TITLE_LENGTH) return full;
  if (title.length <= MAX_TITLE_LENGTH) return title;
  const cut = title.slice(0, MAX_TITLE_LENGTH - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > MAX_TITLE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** Filters the templates use; each is a pure function above with a unit test. */
export function filtersPlugin(eleventyConfig: any, options: { env: BuildEnv; siteUrl: string }): void {
  const { env, siteUrl } = options;
  eleventyConfig.addFilter("href", (path: string) => withPathPrefix(path, env.pathPrefix));
  eleventyConfig.addFilter("documentTitle", documentTitle);
  eleventyConfig.addFilter("absoluteUrl", (path: string) => absoluteUrl(path, siteUrl, env.pathPrefix));
}

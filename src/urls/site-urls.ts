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

/** Absolute URLs for one build: `SITE_URL` (or `_data/site.json`'s url) and `PATH_PREFIX` bound once. */
export function createUrlMaker(siteUrl: string, pathPrefix: string): (path: string) => string {
  return (path) => absoluteUrl(path, siteUrl, pathPrefix);
}

/**
 * Every URL of a `srcset` under the path prefix.
 * @example srcsetWithPathPrefix("/img/a-480.webp 480w, /img/a-960.webp 960w", "/news/") // "/news/img/a-480.webp 480w, /news/img/a-960.webp 960w"
 */
export function srcsetWithPathPrefix(srcset: string, pathPrefix: string): string {
  return srcset
    .split(",")
    .map((candidate) => {
      const [url, descriptor] = candidate.trim().split(/\s+/, 2);
      return descriptor ? `${withPathPrefix(url!, pathPrefix)} ${descriptor}` : withPathPrefix(url!, pathPrefix);
    })
    .join(", ");
}

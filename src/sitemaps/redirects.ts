import type { Article } from "../collections/published-article.ts";
import { aliasesOf } from "../pages/redirect.ts";
import { withPathPrefix } from "../urls/site-urls.ts";

/**
 * `_redirects` at the site's root, for hosts that read one (Netlify, Cloudflare Pages): each old
 * URL of a story (`aliases:`) and its new one, under `PATH_PREFIX` and percent-encoded as links
 * are, with a permanent redirect (301). GitHub Pages ignores it; the redirect pages serve there.
 * None when no story has an alias.
 * @example buildRedirects(articles, "/") // "# …\n/china/2025/02/old/ /china/2025/03/new/ 301"
 */
export function buildRedirects(articles: readonly Article[], pathPrefix: string): string | undefined {
  const lines = [...aliasesOf(articles)].map(({ from, to }) => `${withPathPrefix(from, pathPrefix)} ${withPathPrefix(to.url, pathPrefix)} 301`);
  if (lines.length === 0) return undefined;
  return ["# Old URLs of stories (aliases: in their front matter) and where each story is now.", ...lines.sort()].join("\n");
}

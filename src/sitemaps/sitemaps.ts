import { create } from "xmlbuilder2";
import { xmlText } from "../xml/xml-text.ts";
import type { DateTime } from "luxon";
import type { Newsroom } from "../collections/newsroom.ts";
import { NEWS_SITEMAP_HOURS } from "../config/site-settings.ts";

/** One page in the sitemap, with the same page in the site's other languages. */
export interface SitemapEntry {
  path: string;
  lastmod?: string;
  alternates?: Array<{ hreflang: string; path: string }>;
}

/** sitemaps.org: at most 50,000 URLs in one sitemap file. */
export const SITEMAP_URL_LIMIT = 50_000;

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
const XHTML_NS = "http://www.w3.org/1999/xhtml";

/** Text escaped as xmlbuilder2 writes text it is given through `xmlText` (`&`, `<`, `>`). */
const textOf = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** An attribute value, the same way (`"` too). */
const attributeOf = (value: string) => textOf(value).replace(/"/g, "&quot;");

/**
 * A sitemap's `urlset`, written as xmlbuilder2 pretty-prints it (the unit test holds the two
 * byte-identical), by hand: it is one fixed shape, and building a tree of 14,000 URLs for the
 * builder cost a 10,000-article rebuild most of a second each build.
 */
function urlset(entries: SitemapEntry[], url: (path: string) => string): string {
  const head = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}"`;
  if (entries.length === 0) return `${head}/>`;
  const lines = [`${head}>`];
  for (const entry of entries) {
    lines.push("  <url>", `    <loc>${textOf(url(entry.path))}</loc>`);
    if (entry.lastmod) lines.push(`    <lastmod>${textOf(entry.lastmod)}</lastmod>`);
    for (const alternate of entry.alternates ?? []) {
      lines.push(`    <xhtml:link rel="alternate" hreflang="${attributeOf(alternate.hreflang)}" href="${attributeOf(url(alternate.path))}" />`);
    }
    lines.push("  </url>");
  }
  lines.push("</urlset>");
  return lines.join("\n");
}

/**
 * `/sitemap.xml`, or, past `limit` URLs, `/sitemap.xml` as a sitemap index of
 * `/sitemaps/sitemap-N.xml` files of at most `limit` URLs each.
 */
export function buildSitemapFiles(
  entries: SitemapEntry[],
  url: (path: string) => string,
  limit = SITEMAP_URL_LIMIT,
): Array<{ path: string; body: string }> {
  if (entries.length <= limit) return [{ path: "/sitemap.xml", body: urlset(entries, url) }];
  const parts: Array<{ path: string; body: string }> = [];
  for (let start = 0; start < entries.length; start += limit) {
    parts.push({ path: `/sitemaps/sitemap-${parts.length + 1}.xml`, body: urlset(entries.slice(start, start + limit), url) });
  }
  const index = create({ version: "1.0", encoding: "UTF-8" }).ele("sitemapindex", { xmlns: SITEMAP_NS });
  for (const part of parts) index.ele("sitemap").ele("loc").txt(xmlText(url(part.path)));
  return [{ path: "/sitemap.xml", body: index.end({ prettyPrint: true }) }, ...parts];
}

/** Google News wants ISO 639 codes, with zh-cn / zh-tw for Chinese scripts. */
export function newsLanguage(lang: string): string {
  const lower = lang.toLowerCase();
  if (lower === "zh" || lower === "zh-hans" || lower === "zh-cn") return "zh-cn";
  if (lower === "zh-hant" || lower === "zh-tw") return "zh-tw";
  return lower.split("-")[0]!;
}

/** Google News: at most 1,000 URLs in one news sitemap. */
export const NEWS_SITEMAP_URL_LIMIT = 1000;

/**
 * The articles the Google News sitemap may list at `now`: Google takes articles of the last 48
 * hours, and the file built now is served until the next build replaces it, within
 * `rebuildWithinHours`. So an article is listed only while it is under `48 - rebuildWithinHours`
 * hours old, and is still under 48 hours old when the file is replaced. Newest first, at most
 * 1,000.
 */
export function newsSitemapArticles(newsroom: Newsroom, now: DateTime, rebuildWithinHours: number): Newsroom["articles"] {
  const since = now.minus({ hours: NEWS_SITEMAP_HOURS - rebuildWithinHours });
  return newsroom.articles.filter((article) => article.publishedAt > since && article.publishedAt <= now).slice(0, NEWS_SITEMAP_URL_LIMIT);
}

/**
 * The Google News sitemap of {@link newsSitemapArticles}, or `undefined` when no article
 * qualifies: a `urlset` needs at least one `url` (sitemaps.org schema), so then no file is
 * written at all and robots.txt does not name one.
 */
export function buildNewsSitemap(newsroom: Newsroom, now: DateTime, url: (path: string) => string, rebuildWithinHours: number): string | undefined {
  const recent = newsSitemapArticles(newsroom, now, rebuildWithinHours);
  if (recent.length === 0) return undefined;
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("urlset", { xmlns: SITEMAP_NS, "xmlns:news": NEWS_NS });
  for (const article of recent) {
    const item = root.ele("url");
    item.ele("loc").txt(xmlText(url(article.url)));
    const news = item.ele("news:news");
    const publication = news.ele("news:publication");
    publication.ele("news:name").txt(xmlText(article.edition.name));
    publication.ele("news:language").txt(xmlText(newsLanguage(article.lang)));
    news.ele("news:publication_date").txt(xmlText(article.published.iso));
    news.ele("news:title").txt(xmlText(article.title));
  }
  return root.end({ prettyPrint: true });
}

/** robots.txt: everything may be crawled; here are the sitemaps the build wrote (site paths). */
export function buildRobotsTxt(url: (path: string) => string, sitemaps: readonly string[]): string {
  return ["User-agent: *", "Allow: /", "", ...sitemaps.map((sitemap) => `Sitemap: ${url(sitemap)}`), ""].join("\n");
}

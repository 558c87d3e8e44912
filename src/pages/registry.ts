import type { AnyPageType, Alternate, Page, SiteModel } from "./page-type.ts";
import { homePages } from "./home.ts";
import { tagIndexPages } from "./tag-index.ts";
import { sectionPages } from "./section.ts";
import { tagPages } from "./tag.ts";
import { articlePages } from "./article.ts";
import { searchPages } from "./search.ts";
import { notFoundPages } from "./not-found.ts";
import { authorPages } from "./author.ts";
import { authorIndexPages } from "./author-index.ts";
import { redirectPages } from "./redirect.ts";
import { archiveIndexPages } from "./archive-index.ts";
import { archiveMonthPages } from "./archive-month.ts";
import { archiveDayPages } from "./archive-day.ts";

/**
 * Every kind of HTML page the site has. The page writer renders and caches each of their pages,
 * the sitemap lists those of the types in it, and section keys keep clear of their URL segments:
 * a new page type is one module here and its template.
 */
export const PAGE_TYPES: readonly AnyPageType[] = [
  homePages,
  tagIndexPages,
  sectionPages,
  tagPages,
  articlePages,
  searchPages,
  notFoundPages,
  authorIndexPages,
  authorPages,
  archiveIndexPages,
  archiveMonthPages,
  archiveDayPages,
  redirectPages,
];

/** The first URL segments the registry's pages take (`tags`, `search`, …), which no section key may be. */
export function pageSegments(types: readonly AnyPageType[] = PAGE_TYPES): string[] {
  return [...new Set(types.flatMap((type) => type.segments))];
}

/** A page as the sitemap lists it. */
export interface SitemapPage {
  path: string;
  lastmod?: string;
  /** The page in every language, itself included, when it has translations. */
  alternates?: Alternate[];
}

/**
 * The sitemap's pages: those of the types in it, one edition after another (each edition's in
 * registry order). `x-default` is no sitemap alternate: it names no language.
 */
export function sitemapPages(model: SiteModel, types: readonly AnyPageType[] = PAGE_TYPES): SitemapPage[] {
  const byEdition = new Map(model.settings.editions.map((edition) => [edition.lang, [] as SitemapPage[]]));
  for (const type of types) {
    if (!type.inSitemap) continue;
    for (const page of type.pages(model) as Iterable<Page>) {
      const alternates = page.view.head.alternates?.filter((alternate) => alternate.hreflang !== "x-default");
      byEdition.get(page.view.edition.lang)!.push({ path: page.url, lastmod: page.lastmod, alternates });
    }
  }
  return [...byEdition.values()].flat();
}

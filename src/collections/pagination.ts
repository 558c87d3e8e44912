import type { Article } from "./published-article.ts";
import type { PageMeta } from "../content/page-meta.ts";
import { fillText, type Edition } from "../config/editions.ts";

/** A link to one page of a paginated list. */
export interface PageLink {
  number: number;
  url: string;
  current: boolean;
  /** True when numbers were skipped before this one. */
  afterGap: boolean;
}

/** One page of a section, tag or archive day listing, chunked once per build. */
export interface ListPage {
  edition: Edition;
  kind: "section" | "tag" | "author" | "day";
  key: string;
  heading: string;
  description: string;
  url: string;
  pageNumber: number;
  pageCount: number;
  total: number;
  items: Article[];
  previousUrl?: string;
  nextUrl?: string;
  /** A window of page numbers around the current one (first and last always), so lists of
   * thousands of pages stay small; a gap between numbers is drawn as an ellipsis. */
  pageLinks: PageLink[];
  meta: PageMeta;
}

/**
 * Splits a list into pages of `pageSize`: page 1 at `baseUrl`, then `baseUrl/page/N/`.
 * An empty list still gets one (empty) page so its URL never 404s.
 */
export function paginate(
  items: Article[],
  pageSize: number,
  base: { kind: ListPage["kind"]; key: string; heading: string; description: string; url: string; edition: Edition },
): ListPage[] {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const urlOf = (number: number) => (number === 1 ? base.url : `${base.url}page/${number}/`);
  const pages: ListPage[] = [];
  for (let number = 1; number <= pageCount; number++) {
    const url = urlOf(number);
    const suffix = number > 1 ? fillText(base.edition.ui.pageTitleSuffix, { page: number, pages: pageCount }) : "";
    pages.push({
      edition: base.edition,
      kind: base.kind,
      key: base.key,
      heading: base.heading,
      description: base.description,
      url,
      pageNumber: number,
      pageCount,
      total: items.length,
      items: items.slice((number - 1) * pageSize, number * pageSize),
      previousUrl: number > 1 ? urlOf(number - 1) : undefined,
      nextUrl: number < pageCount ? urlOf(number + 1) : undefined,
      pageLinks: pageWindow(number, pageCount).map((shown, index, all) => ({
        number: shown,
        url: urlOf(shown),
        current: shown === number,
        afterGap: index > 0 && shown - all[index - 1]! > 1,
      })),
      meta: { title: `${base.heading}${suffix}`, description: base.description, path: url, type: "website" },
    });
  }
  return pages;
}

/**
 * Page numbers to link from page `current`: the first, the last and two either side.
 * @example pageWindow(6, 20) // [1, 4, 5, 6, 7, 8, 20]
 */
export function pageWindow(current: number, pageCount: number): number[] {
  const shown = new Set([1, pageCount]);
  for (let n = Math.max(1, current - 2); n <= Math.min(pageCount, current + 2); n++) shown.add(n);
  return [...shown].sort((a, b) => a - b);
}

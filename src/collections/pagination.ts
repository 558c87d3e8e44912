import type { Article } from "./published-article.ts";
import type { PageMeta } from "../content/page-meta.ts";
import { fillText, type Edition } from "../config/editions.ts";

/** A link to one page of a paginated list: an archive page by its number, or the list's first page. */
export interface PageLink {
  /** The archive page's number; undefined for the list's first page (its newest stories). */
  number?: number;
  url: string;
  current: boolean;
  /** True when numbers were skipped before this one. */
  afterGap: boolean;
}

/**
 * One page of a section, tag, reporter or archive day listing, chunked once per build.
 *
 * Pages are stable: the first page (at the list's own URL) holds its newest stories, and every
 * later page a fixed run of `pageSize` counted from the oldest story, numbered from the oldest
 * (`/china/page/1/` holds the section's first twenty stories, for good). A new story changes the
 * first page only, and once in `pageSize` stories the newest few numbered pages, so a
 * host uploads a few list pages a story, not every page of every list it is in. So nothing a
 * later page prints may depend on the list's length: the total and the page count are on the
 * first page only, and the page links name the first page, the neighbours and page 1.
 */
export interface ListPage {
  edition: Edition;
  kind: "section" | "tag" | "author" | "day";
  key: string;
  heading: string;
  description: string;
  url: string;
  /** A numbered page's number, counted from the oldest; undefined on the first page. */
  pageNumber?: number;
  /** The first page's: how many stories the list holds. */
  total?: number;
  /** A numbered page's: the days its stories span, as the page says them ("2 Mar 2023 to 18 Apr 2023"). */
  span?: string;
  items: Article[];
  /** The newer page (rel="prev") and the older (rel="next"). */
  previousUrl?: string;
  nextUrl?: string;
  /** Newest first: the first page, a window of numbers around the current page, and page 1;
   * empty when the list has one page. A gap between numbers is drawn as an ellipsis. */
  pageLinks: PageLink[];
  meta: PageMeta;
}

/**
 * How many numbered pages a list of `length` stories has: its first page keeps between half a
 * page and one and a half (`pageSize` on average), the rest is cut into full pages from the oldest.
 * @example numberedPageCount(29, 20) // 0: one page of 29
 * @example numberedPageCount(30, 20) // 1: the newest 10, then page 1 of 20
 */
export function numberedPageCount(length: number, pageSize: number): number {
  if (length <= pageSize) return 0;
  return Math.max(0, Math.floor((length - Math.ceil(pageSize / 2)) / pageSize));
}

/**
 * Splits a list (newest first) into its first page at `baseUrl` and numbered pages
 * `baseUrl/page/N/` counted from the oldest (see `ListPage`); returned newest first. An empty
 * list still gets its (empty) first page so its URL never 404s.
 */
export function paginate(
  items: Article[],
  pageSize: number,
  base: { kind: ListPage["kind"]; key: string; heading: string; description: string; url: string; edition: Edition },
): ListPage[] {
  const numbered = numberedPageCount(items.length, pageSize);
  const firstLength = items.length - numbered * pageSize;
  const urlOf = (number: number | undefined) => (number === undefined ? base.url : `${base.url}page/${number}/`);
  const page = (number: number | undefined, stories: Article[]): ListPage => {
    const url = urlOf(number);
    const newer = number === undefined ? undefined : number === numbered ? base.url : urlOf(number + 1);
    const older = number === undefined ? (numbered > 0 ? urlOf(numbered) : undefined) : number > 1 ? urlOf(number - 1) : undefined;
    const suffix = number === undefined ? "" : fillText(base.edition.ui.pageTitleSuffix, { page: number });
    return {
      edition: base.edition,
      kind: base.kind,
      key: base.key,
      heading: base.heading,
      description: base.description,
      url,
      pageNumber: number,
      total: number === undefined ? items.length : undefined,
      span: number === undefined ? undefined : spanOf(stories, base.edition),
      items: stories,
      previousUrl: newer,
      nextUrl: older,
      pageLinks: numbered === 0 ? [] : pageWindow(number ?? numbered + 1, numbered).map(({ number: shown, afterGap }) => ({ number: shown, url: urlOf(shown), current: shown === number, afterGap })),
      meta: { title: `${base.heading}${suffix}`, description: base.description, path: url, type: "website" },
    };
  };
  const pages = [page(undefined, items.slice(0, firstLength))];
  for (let number = numbered; number >= 1; number--) {
    const end = items.length - (number - 1) * pageSize;
    pages.push(page(number, items.slice(end - pageSize, end)));
  }
  return pages;
}

/** The days a page's stories (newest first) span, in the edition's words. */
function spanOf(stories: readonly Article[], edition: Edition): string {
  const newest = stories[0]!.published.short;
  const oldest = stories[stories.length - 1]!.published.short;
  return newest === oldest ? newest : fillText(edition.ui.dateSpan, { from: oldest, to: newest });
}

/**
 * The page links of page `current` (`numbered` + 1 for the first page) of a list with
 * `numbered` numbered pages, newest first: the first page (`number` undefined), up to two
 * numbers either side of the current one, and page 1. What a numbered page links depends on
 * the list's length only when it is one of the newest four, so the others stay
 * byte for byte as they were while the list grows.
 * @example pageWindow(6, 20).map((link) => link.number) // [undefined, 8, 7, 6, 5, 4, 1]
 */
export function pageWindow(current: number, numbered: number): Array<{ number?: number; afterGap: boolean }> {
  const shown: Array<number | undefined> = [undefined];
  for (let n = Math.min(numbered, current + 2); n >= Math.max(1, current - 2); n--) shown.push(n);
  if (shown[shown.length - 1] !== 1) shown.push(1);
  return shown.map((number, index) => {
    const before = index === 0 ? undefined : (shown[index - 1] ?? numbered + 1);
    return { number, afterGap: before !== undefined && number !== undefined && before - number > 1 };
  });
}

import type { Edition } from "../config/editions.ts";
import type { Settings } from "../config/site-settings.ts";
import type { PageMeta } from "../content/page-meta.ts";
import type { Newsroom } from "../collections/newsroom.ts";
import type { Article } from "../collections/published-article.ts";

/** What a build knows when it lists its pages: the newsroom, the settings, and how to read a body. */
export interface SiteModel {
  newsroom: Newsroom;
  settings: Settings;
  /** An article's body as HTML, read from its file only when its page is rendered. */
  bodyHtml: (article: Article) => string;
}

/** A feed `<head>` advertises with `rel=alternate`. */
export interface FeedLink {
  type: "application/atom+xml" | "application/feed+json";
  title: string;
  /** Site path of the feed. */
  path: string;
}

/** The same page in another language, for `hreflang` links and the sitemap. */
export interface Alternate {
  hreflang: string;
  path: string;
}

/**
 * What a page adds to the shared `<head>` and masthead (`layouts/base.njk`): the layout prints
 * these and never asks which kind of page it is on.
 */
export interface PageHead {
  /** Which Content-Security-Policy the page carries (`csp.page` unless said). */
  policy?: "page" | "search";
  /** Origins the page may frame (its embeds' players), added to its policy as `frame-src`: no other page may frame any. */
  frameSources?: string[];
  noindex?: boolean;
  /** Send the reader on to this site path at once (`<meta http-equiv="refresh">`): an old URL's page. */
  redirectTo?: string;
  /** `hreflang` links: the page in each language, `x-default` included. */
  alternates?: Alternate[];
  previousUrl?: string;
  nextUrl?: string;
  /** Feeds besides the edition's own. */
  feeds?: FeedLink[];
  /** Site paths of the ES modules the page needs. */
  scripts?: string[];
  /** Site paths of stylesheets the page needs besides the site's own (the search page's). */
  styles?: string[];
  /** The `og:image` when not the site's share image. */
  shareImage?: { url: string; alt: string };
  /** The section the navigation marks as current. */
  section?: string;
  /** The masthead's edition links go to these pages when they exist (an article's translations). */
  translations?: ReadonlyArray<{ lang: string; url: string }>;
  /** The search page has a form of its own, so the masthead shows none. */
  hideSearchForm?: boolean;
}

/**
 * The data a page's template reads, and all of it: a page is cached under the hash of its view
 * (plus what every page shares), so whatever a template can print is in its key. Plain data:
 * functions are left out of the hash, so one may only stand for what another field names (an
 * article's body, named by the hash of its file).
 */
export interface PageView {
  edition: Edition;
  meta: PageMeta;
  head: PageHead;
}

/** One page: its URL and its view. */
export interface Page<View extends PageView = PageView> {
  url: string;
  view: View;
  /** When the page last changed, for the sitemap. */
  lastmod?: string;
}

/**
 * A kind of page: its template and its pages. Every HTML page of the site comes from one of
 * these (`registry.ts`), so the writer caches it, the sitemap lists it and no section key can
 * take its URL without anyone listing it elsewhere.
 */
export interface PageType<View extends PageView = PageView> {
  /** What the build log calls these pages ("article" pages), and `pageKind` in templates. */
  kind: string;
  /** Its content template under `_includes/`, rendered inside `layouts/base.njk`. */
  template: string;
  /** A template of its own for the end of `<head>` (an article's `article:*` properties and JSON-LD). */
  headTemplate?: string;
  /** The first URL segments (after an edition's prefix) its pages take, kept from section keys. */
  segments: readonly string[];
  /** Whether its pages are listed in the sitemap (not search or 404). */
  inSitemap: boolean;
  /** Its pages, made lazily: a type may yield tens of thousands. */
  pages(model: SiteModel): Iterable<Page<View>>;
}

/** A page type, with its view type forgotten, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPageType = PageType<any>;

/** The newest change among some articles (the first: lists are newest first). */
export function newestChange(articles: ReadonlyArray<{ updated?: { iso: string }; published: { iso: string } }>): string | undefined {
  const first = articles[0];
  return first ? (first.updated ?? first.published).iso : undefined;
}

import type { Article } from "../collections/published-article.ts";
import type { EditionNewsroom } from "../collections/newsroom.ts";
import type { ListPage } from "../collections/pagination.ts";
import type { SiteSettings } from "../config/site-data.ts";

/** One feed entry, every URL absolute. */
export interface FeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  published: string;
  updated: string;
  /** The reporters, each with their page; without a byline, the credit or the newsroom. */
  authors: Array<{ name: string; url?: string }>;
  section: { key: string; label: string; url: string };
  tags: string[];
  image?: string;
  language: string;
}

/** A feed, format-neutral: Atom and JSON Feed are both written from this. */
export interface FeedData {
  title: string;
  description: string;
  language: string;
  homeUrl: string;
  atomUrl: string;
  jsonUrl: string;
  iconUrl: string;
  publisher: string;
  rights: string;
  /** The newest `updated` of its items (the build's own time would make builds differ). */
  updated: string;
  items: FeedItem[];
}

/**
 * Each list's newest `count` stories, by its key, from its pages (each list's newest first), in
 * one pass: a list's first page holds between half a page and one and a half
 * (src/collections/pagination.ts), so a feed may need the numbered pages after it.
 */
function newestByList(pages: readonly ListPage[], count: number): Map<string, Article[]> {
  const newest = new Map<string, Article[]>();
  for (const page of pages) {
    const stories = newest.get(page.key) ?? [];
    if (stories.length < count) stories.push(...page.items.slice(0, count - stories.length));
    newest.set(page.key, stories);
  }
  return newest;
}

/** How many articles each feed carries: readers poll often, so the newest are enough. */
export const SITE_FEED_SIZE = 50;
export const SECTION_FEED_SIZE = 20;

/**
 * Makes root-relative links in rendered HTML absolute, so feed readers can follow them.
 * @example absolutizeHtml('<a href="/china/">', "https://example.org") // '<a href="https://example.org/china/">'
 */
export function absolutizeHtml(html: string, origin: string): string {
  return html.replace(/(\s(?:href|src))="\/(?!\/)/g, `$1="${origin}/`);
}

function feedItem(article: Article, bodyHtml: string, url: (path: string) => string, origin: string): FeedItem {
  return {
    id: url(article.url),
    url: url(article.url),
    title: article.title,
    summary: article.summary,
    contentHtml: absolutizeHtml(bodyHtml, origin),
    published: article.published.iso,
    updated: (article.updated ?? article.published).iso,
    // The byline's reporters; without one, the credit names who wrote or supplied the story,
    // and without that, the newsroom itself.
    authors:
      article.authors.length > 0
        ? article.authors.map((author) => ({ name: author.name, url: url(author.url) }))
        : [{ name: article.credit ?? article.edition.publisher }],
    section: { key: article.sectionKey, label: article.sectionLabel, url: url(article.sectionUrl) },
    tags: article.tags.map((tag) => tag.label),
    image: article.image?.responsive ? url(article.image.responsive.fallback.url) : undefined,
    language: article.lang,
  };
}

/** A feed before its entries are written: what it is, and its stories, newest first. */
export interface FeedPlan {
  path: string;
  feed: Omit<FeedData, "items">;
  articles: Article[];
}

/** An edition's feeds, one per section and one per reporter, planned once per build from the sorted newsroom. */
export function planFeeds(newsroom: EditionNewsroom, site: SiteSettings, url: (path: string) => string): FeedPlan[] {
  const { edition } = newsroom;
  const make = (path: string, title: string, description: string, articles: Article[]): FeedPlan => {
    const updated = articles.map((article) => (article.updated ?? article.published).iso).sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? "1970-01-01T00:00:00Z";
    const feed = {
      title,
      description,
      language: edition.lang,
      homeUrl: url(path),
      atomUrl: url(`${path}feed.xml`),
      jsonUrl: url(`${path}feed.json`),
      iconUrl: url(site.brand.icon),
      publisher: edition.publisher,
      rights: edition.footer.copyright,
      updated,
    };
    return { path, feed, articles };
  };
  const editionFeed = make(edition.prefix, edition.name, edition.description, newsroom.articles.slice(0, SITE_FEED_SIZE));
  const newestInSection = newestByList(newsroom.sectionPages, SECTION_FEED_SIZE);
  const newestByAuthor = newestByList(newsroom.authorPages, SECTION_FEED_SIZE);
  const sectionFeeds = newsroom.sections.map((section) =>
    make(
      section.url,
      `${section.label} | ${edition.name}`,
      section.description,
      newestInSection.get(section.key)!,
    ),
  );
  const authorFeeds = newsroom.authorPages
    .filter((page) => page.pageNumber === undefined)
    .map((page) => make(page.author.url, `${page.author.name} | ${edition.name}`, page.description, newestByAuthor.get(page.key)!));
  return [editionFeed, ...sectionFeeds, ...authorFeeds];
}

/** A planned feed with its entries, each story's body rendered for feed readers. */
export function feedOf(plan: FeedPlan, url: (path: string) => string, bodyHtml: (article: Article, purpose: "feed") => string): FeedData & { path: string } {
  const origin = new URL(url("/")).origin;
  return { path: plan.path, ...plan.feed, items: plan.articles.map((article) => feedItem(article, bodyHtml(article, "feed"), url, origin)) };
}

/** An edition's feed, one per section and one per reporter, built once per build from the sorted newsroom. */
export function buildFeeds(
  newsroom: EditionNewsroom,
  site: SiteSettings,
  url: (path: string) => string,
  bodyHtml: (article: Article, purpose: "feed") => string,
): Array<FeedData & { path: string }> {
  return planFeeds(newsroom, site, url).map((plan) => feedOf(plan, url, bodyHtml));
}

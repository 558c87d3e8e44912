import type { Article, ArticleLink } from "../content/articles.ts";
import type { Settings, SectionSetting } from "../config/site-settings.ts";
import { tagKey, tagSlug } from "../slugs/slugs.ts";
import { computeRelatedArticles, relatedLink } from "./related-articles.ts";

/** A link to one page of a paginated list. */
export interface PageLink {
  number: number;
  url: string;
  current: boolean;
  /** True when numbers were skipped before this one. */
  afterGap: boolean;
}

/** What `<head>` needs for any page. */
export interface PageMeta {
  /** The page's own title; the layout adds the site name. */
  title: string;
  description: string;
  /** Site-relative path of the page (`/china/`), made absolute with `SITE_URL`. */
  path: string;
  type: "website" | "article";
}

/** One page of a section or tag listing, chunked once per build. */
export interface ListPage {
  kind: "section" | "tag";
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

/** A tag as the index of all tags shows it. */
export interface TagSummary {
  key: string;
  label: string;
  slug: string;
  url: string;
  count: number;
}

export interface SectionSummary extends SectionSetting {
  url: string;
  count: number;
  latest: Article[];
}

/** A search page: one per language the articles are written in (Pagefind indexes each apart). */
export interface SearchPage {
  lang: string;
  url: string;
  meta: PageMeta;
}

/** Everything the templates read, computed once per build: no template loops over all articles. */
export interface Newsroom {
  articles: Article[];
  lead?: Article;
  /** The stories after the lead, across sections, for the home page's "Latest" column. */
  latest: Article[];
  sections: SectionSummary[];
  sectionPages: ListPage[];
  tags: TagSummary[];
  tagPages: ListPage[];
  searchPages: SearchPage[];
}

/** Newest first; ties broken by URL so every build orders them the same way. */
export function compareNewestFirst(a: Article, b: Article): number {
  return b.publishedAt.toMillis() - a.publishedAt.toMillis() || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

/**
 * Splits a list into pages of `pageSize`: page 1 at `baseUrl`, then `baseUrl/page/N/`.
 * An empty list still gets one (empty) page so its URL never 404s.
 */
export function paginate(
  items: Article[],
  pageSize: number,
  base: { kind: ListPage["kind"]; key: string; heading: string; description: string; url: string; siteName: string },
): ListPage[] {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const urlOf = (number: number) => (number === 1 ? base.url : `${base.url}page/${number}/`);
  const pages: ListPage[] = [];
  for (let number = 1; number <= pageCount; number++) {
    const url = urlOf(number);
    const suffix = number > 1 ? ` (page ${number} of ${pageCount})` : "";
    pages.push({
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

const linkTo = (article: Article | undefined): ArticleLink | undefined =>
  article ? { title: article.title, url: article.url } : undefined;

/**
 * Builds the newsroom from the articles this build publishes: sorted once, grouped by section
 * and by tag in one pass each (an inverted index, never a nested loop over all articles).
 */
export function buildNewsroom(published: Article[], settings: Settings): Newsroom {
  const { site } = settings;
  const articles = [...published].sort(compareNewestFirst);

  // Tags: one entry per key (an inverted index, newest first); the label is the spelling used
  // most, ties going to the spelling used first, so a new article cannot rename an old tag.
  const tagArticles = new Map<string, Article[]>();
  const spellings = new Map<string, Map<string, number>>();
  for (const article of articles) {
    for (const key of new Set(article.rawTags.map(tagKey))) {
      const list = tagArticles.get(key) ?? [];
      list.push(article);
      tagArticles.set(key, list);
    }
  }
  for (let index = articles.length - 1; index >= 0; index--) {
    for (const raw of new Set(articles[index]!.rawTags)) {
      const key = tagKey(raw);
      const counts = spellings.get(key) ?? new Map<string, number>();
      const label = raw.normalize("NFC").trim().replace(/\s+/g, " ");
      counts.set(label, (counts.get(label) ?? 0) + 1);
      spellings.set(key, counts);
    }
  }
  const usedSlugs = new Set<string>();
  const tags: TagSummary[] = [...tagArticles.keys()].sort().map((key) => {
    const label = [...spellings.get(key)!].sort((a, b) => b[1] - a[1])[0]![0]; // stable: first used wins ties
    // Distinct tags whose words match (`c plus plus` and `C++`) get numbered URLs, in key order.
    let slug = tagSlug(key);
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${tagSlug(key)}-${n}`;
    usedSlugs.add(slug);
    return { key, label, slug, url: `/tags/${slug}/`, count: tagArticles.get(key)!.length };
  });
  tags.sort((a, b) => a.label.localeCompare(b.label, site.locale) || (a.key < b.key ? -1 : 1));
  const tagByKey = new Map(tags.map((tag) => [tag.key, tag]));
  for (const article of articles) {
    const keys = [...new Set(article.rawTags.map(tagKey))];
    article.tags = keys.map((key) => ({ label: tagByKey.get(key)!.label, url: tagByKey.get(key)!.url }));
  }

  for (const [article, related] of computeRelatedArticles(articles)) article.related = related.map(relatedLink);

  const bySection = new Map<string, Article[]>(settings.sections.map((section) => [section.key, []]));
  for (const article of articles) bySection.get(article.sectionKey)!.push(article);
  for (const list of bySection.values()) {
    // `articles` is newest first, so in a section the previous story is the next one in the list.
    list.forEach((article, index) => {
      article.next = linkTo(list[index - 1]);
      article.previous = linkTo(list[index + 1]);
    });
  }

  const lead = articles[0];
  const sections: SectionSummary[] = settings.sections.map((section) => ({
    ...section,
    url: `/${section.key}/`,
    count: bySection.get(section.key)!.length,
    // The lead story already heads the home page; its section block shows the next ones.
    latest: bySection
      .get(section.key)!
      .filter((article) => article !== lead)
      .slice(0, site.homeLatestPerSection),
  }));
  const sectionPages = settings.sections.flatMap((section) =>
    paginate(bySection.get(section.key)!, site.pageSize, {
      kind: "section",
      key: section.key,
      heading: section.label,
      description: section.description,
      url: `/${section.key}/`,
      siteName: site.name,
    }),
  );
  const tagPages = tags.flatMap((tag) =>
    paginate(tagArticles.get(tag.key)!, site.pageSize, {
      kind: "tag",
      key: tag.key,
      heading: tag.label,
      description: `Articles tagged “${tag.label}” in ${site.name}.`,
      url: tag.url,
      siteName: site.name,
    }),
  );
  // The site's language searches at /search/; another language's articles at /{lang}/search/,
  // where <html lang> makes Pagefind load that language's index (and segment Chinese).
  const languages = [...new Set(articles.map((article) => article.lang ?? site.language))].filter((lang) => lang !== site.language).sort();
  const searchPages: SearchPage[] = [site.language, ...languages].map((lang) => {
    const url = lang === site.language ? "/search/" : `/${lang}/search/`;
    return {
      lang,
      url,
      meta: { title: "Search", description: "Search every article by word, and narrow the results by section and tag.", path: url, type: "website" },
    };
  });
  return { articles, lead, latest: articles.slice(1, 6), sections, sectionPages, tags, tagPages, searchPages };
}

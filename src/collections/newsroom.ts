import type { Article, ArticleLink } from "../content/article-model.ts";
import type { PageMeta } from "../content/page-meta.ts";
import type { Settings } from "../config/site-settings.ts";
import type { SectionSetting } from "../config/site-data.ts";
import { fillText, type Edition } from "../config/editions.ts";
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

/** One page of a section or tag listing, chunked once per build. */
export interface ListPage {
  edition: Edition;
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
  edition: Edition;
  lang: string;
  url: string;
  meta: PageMeta;
}

/** One edition's newsroom: its articles, front page, sections and tags. */
export interface EditionNewsroom {
  edition: Edition;
  articles: Article[];
  lead?: Article;
  /** The stories after the lead, across sections, for the home page's "Latest" column. */
  latest: Article[];
  sections: SectionSummary[];
  sectionPages: ListPage[];
  tags: TagSummary[];
  tagPages: ListPage[];
  searchPage: SearchPage;
  homeMeta: PageMeta;
  tagIndexMeta: PageMeta;
}

/**
 * Everything the templates read, computed once per build: no template loops over all articles.
 * Lists hold every edition's pages; each page knows its edition.
 */
export interface Newsroom {
  /** Every edition's articles, newest first. */
  articles: Article[];
  editions: EditionNewsroom[];
  sectionPages: ListPage[];
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

const linkTo = (article: Article | undefined): ArticleLink | undefined =>
  article ? { title: article.title, url: article.url } : undefined;

/**
 * Builds one edition's newsroom from its published articles: sorted once, grouped by section
 * and by tag in one pass each (an inverted index, never a nested loop over all articles).
 */
export function buildEditionNewsroom(published: Article[], settings: Settings, edition: Edition): EditionNewsroom {
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
    return { key, label, slug, url: `${edition.prefix}tags/${slug}/`, count: tagArticles.get(key)!.length };
  });
  tags.sort((a, b) => a.label.localeCompare(b.label, edition.locale) || (a.key < b.key ? -1 : 1));
  const tagByKey = new Map(tags.map((tag) => [tag.key, tag]));
  for (const article of articles) {
    const keys = [...new Set(article.rawTags.map(tagKey))];
    article.tags = keys.map((key) => ({ label: tagByKey.get(key)!.label, url: tagByKey.get(key)!.url }));
  }

  for (const [article, related] of computeRelatedArticles(articles)) article.related = related.map(relatedLink);

  const bySection = new Map<string, Article[]>(edition.sections.map((section) => [section.key, []]));
  for (const article of articles) bySection.get(article.sectionKey)!.push(article);
  for (const list of bySection.values()) {
    // `articles` is newest first, so in a section the previous story is the next one in the list.
    list.forEach((article, index) => {
      article.next = linkTo(list[index - 1]);
      article.previous = linkTo(list[index + 1]);
    });
  }

  const lead = articles[0];
  const sections: SectionSummary[] = edition.sections.map((section) => ({
    ...section,
    url: `${edition.prefix}${section.key}/`,
    count: bySection.get(section.key)!.length,
    // The lead story already heads the home page; its section block shows the next ones.
    latest: bySection
      .get(section.key)!
      .filter((article) => article !== lead)
      .slice(0, site.homeLatestPerSection),
  }));
  const sectionPages = sections.flatMap((section) =>
    paginate(bySection.get(section.key)!, site.pageSize, {
      kind: "section",
      key: section.key,
      heading: section.label,
      description: section.description,
      url: section.url,
      edition,
    }),
  );
  const tagPages = tags.flatMap((tag) =>
    paginate(tagArticles.get(tag.key)!, site.pageSize, {
      kind: "tag",
      key: tag.key,
      heading: tag.label,
      description: fillText(edition.ui.tagDescription, { tag: tag.label, site: edition.name }),
      url: tag.url,
      edition,
    }),
  );
  // Each edition searches its own language's index (Pagefind picks it from <html lang>, and
  // segments Chinese): /search/ and /zh/search/.
  const searchUrl = `${edition.prefix}search/`;
  return {
    edition,
    articles,
    lead,
    latest: articles.slice(1, 6),
    sections,
    sectionPages,
    tags,
    tagPages,
    searchPage: { edition, lang: edition.lang, url: searchUrl, meta: { title: edition.ui.search, description: edition.ui.searchDescription, path: searchUrl, type: "website" } },
    homeMeta: { title: "", description: edition.description, path: edition.prefix, type: "website" },
    tagIndexMeta: { title: edition.ui.allTags, description: edition.ui.allTagsDescription, path: `${edition.prefix}tags/`, type: "website" },
  };
}

/**
 * Builds every edition's newsroom from the articles this build publishes, then links each
 * article to its translations (articles of other editions with the same `translationKey`).
 */
export function buildNewsroom(published: Article[], settings: Settings): Newsroom {
  const editions = settings.editions.map((edition) =>
    buildEditionNewsroom(
      published.filter((article) => article.lang === edition.lang),
      settings,
      edition,
    ),
  );
  const byKey = new Map<string, Article[]>();
  for (const article of published) {
    if (!article.translationKey) continue;
    byKey.set(article.translationKey, [...(byKey.get(article.translationKey) ?? []), article]);
  }
  for (const group of byKey.values()) {
    for (const article of group) {
      article.translations = group
        .filter((other) => other !== article)
        .sort((a, b) => settings.editions.findIndex((edition) => edition.lang === a.lang) - settings.editions.findIndex((edition) => edition.lang === b.lang))
        .map((other) => ({ lang: other.lang, htmlLang: other.edition.htmlLang, url: other.url, title: other.title, editionName: other.edition.name }));
      article.defaultEditionUrl = group.find((other) => other.edition.isDefault)?.url ?? article.url;
    }
  }
  return {
    articles: editions.flatMap((edition) => edition.articles).sort(compareNewestFirst),
    editions,
    sectionPages: editions.flatMap((edition) => edition.sectionPages),
    tagPages: editions.flatMap((edition) => edition.tagPages),
    searchPages: editions.map((edition) => edition.searchPage),
  };
}

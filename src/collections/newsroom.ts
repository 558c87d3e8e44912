import type { Article, ArticleLink } from "../content/article-model.ts";
import type { PageMeta } from "../content/page-meta.ts";
import type { Settings } from "../config/site-settings.ts";
import type { SectionSetting } from "../config/site-data.ts";
import { fillText, type Edition } from "../config/editions.ts";
import { computeRelatedArticles, relatedLink } from "./related-articles.ts";
import { paginate, type ListPage } from "./pagination.ts";
import { indexTags, type TagSummary } from "./tags.ts";

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

const linkTo = (article: Article | undefined): ArticleLink | undefined =>
  article ? { title: article.title, url: article.url } : undefined;

/**
 * Builds one edition's newsroom from its published articles: sorted once, grouped by section
 * and by tag in one pass each (an inverted index, never a nested loop over all articles).
 */
export function buildEditionNewsroom(published: Article[], settings: Settings, edition: Edition): EditionNewsroom {
  const { site } = settings;
  const articles = [...published].sort(compareNewestFirst);

  const { tags, positions: tagPositions, linksOf: tagLinksOf } = indexTags(articles, edition);
  for (const article of articles) article.tags = tagLinksOf(article);

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
    paginate(tagPositions.get(tag.key)!.map((index) => articles[index]!), site.pageSize, {
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

import { namedInJson } from "../cache/named-in-json.ts";
import path from "node:path";
import type { ArticleImage, ArticleLink, ParsedArticle, RelatedLink } from "../content/article-model.ts";
import type { Settings } from "../config/site-settings.ts";
import type { SectionSetting } from "../config/site-data.ts";
import { fillText, type Edition } from "../config/editions.ts";
import type { ResponsiveImage } from "../images/article-images.ts";
import type { ShareCrop } from "../images/share-crops.ts";
import { computeRelatedArticles, relatedLink } from "./related-articles.ts";
import { paginate, type ListPage } from "./pagination.ts";
import type { Article, ArticleOnItsOwn, Translation } from "./published-article.ts";
import { indexTags, type TagIndex, type TagSummary } from "./tags.ts";
import { indexAuthors, type AuthorIndex, type AuthorSummary } from "./authors.ts";
import { buildArchive, type EditionArchive } from "./archive.ts";
import { planFront, type BreakingNews, type FrontContext } from "./front-page.ts";
import type { Problem } from "../content/problems.ts";

export interface SectionSummary extends SectionSetting {
  url: string;
  count: number;
  latest: Article[];
}

/** One edition's newsroom: its articles, front page, sections and tags. */
export interface EditionNewsroom {
  edition: Edition;
  articles: Article[];
  /** The editors' lead (`_data/front.json`), else the newest story. */
  lead?: Article;
  /** The editors' top stories, in their order, after the lead. */
  top: Article[];
  /** The stories after the lead and the top stories, across sections, for the home page's "Latest" column. */
  latest: Article[];
  /** The breaking-news strip, while it has not expired. */
  breaking?: BreakingNews;
  /** Front-page choices ignored (`_data/front.json`), for the build's summary. */
  frontWarnings: Problem[];
  sections: SectionSummary[];
  sectionPages: ListPage[];
  tags: TagSummary[];
  tagPages: ListPage[];
  /** The reporters with a page in this edition (`collections/authors.ts`). */
  authors: AuthorSummary[];
  /** Each reporter's stories, newest first, paginated; each page knows its reporter. */
  authorPages: AuthorListPage[];
  /** Its stories by year, month and day of publication. */
  archive: EditionArchive;
}

/** A page of a reporter's stories, with the reporter. */
export type AuthorListPage = ListPage & { author: AuthorSummary };

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
  authorPages: AuthorListPage[];
}

/** Newest first; ties broken by URL so every build orders them the same way. */
export function compareNewestFirst(a: Pick<ParsedArticle, "publishedAt" | "url">, b: Pick<ParsedArticle, "publishedAt" | "url">): number {
  return b.publishedAt.toMillis() - a.publishedAt.toMillis() || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

const linkTo = (article: ParsedArticle): ArticleLink => ({ title: article.title, url: article.url });

/** An article's links to the same story in the other editions. */
interface Translations {
  translations: readonly Translation[];
  defaultEditionUrl: string;
}

/** What an edition's articles take from outside the edition: from the other editions and from the image step. */
export interface FromOutside {
  /** By article, for those with translations in this build. */
  translations: ReadonlyMap<ParsedArticle, Translations>;
  /** By resolved image file (`prepareArticleImages`). */
  responsiveImages: ReadonlyMap<string, ResponsiveImage>;
  /** The crops of each story's photo for search engines and social cards, by resolved image file (`prepareShareCrops`). */
  shareCrops?: ReadonlyMap<string, readonly ShareCrop[]>;
  /** The editors' front-page choices and what checking them needs; none, and the newest story leads. */
  front?: FrontContext;
}

/**
 * The photo that stands for a story in search results and social cards: its lead photo, else the
 * first body photo that is not an ornament; none, and the site's share image stands in.
 */
export function sharePhotoOf(article: Pick<ParsedArticle, "image" | "bodyImages">): ArticleImage | undefined {
  return article.image ?? article.bodyImages.find((image) => !image.decorative);
}

function shareOf(article: ParsedArticle, fromOutside: FromOutside): Article["share"] {
  const photo = sharePhotoOf(article);
  const crops = photo && fromOutside.shareCrops?.get(path.resolve(photo.file));
  return photo && crops ? { alt: photo.alt, crops } : undefined;
}

const NO_TRANSLATIONS: readonly Translation[] = Object.freeze([]);
const NOTHING_FROM_OUTSIDE: FromOutside = { translations: new Map(), responsiveImages: new Map() };

/** One edition's articles sorted newest first, with their tags and reporters indexed: the first step of its newsroom. */
export interface EditionIndex {
  edition: Edition;
  sorted: ParsedArticle[];
  tagIndex: TagIndex;
  authorIndex: AuthorIndex;
}

/** Sorts one edition's parsed articles and indexes their tags and reporters. */
export function indexEdition(
  parsed: readonly ParsedArticle[],
  settings: Settings,
  edition: Edition,
  responsiveImages: ReadonlyMap<string, ResponsiveImage> = new Map(),
): EditionIndex {
  const own = parsed.filter((article) => article.lang === edition.lang);
  const sorted = own.sort(compareNewestFirst);
  return { edition, sorted, tagIndex: indexTags(sorted, edition), authorIndex: indexAuthors(sorted, edition, settings.authors, responsiveImages) };
}

/** Every edition's articles sorted and indexed (`indexEdition`), before anything links them to each other. */
export function indexEditions(parsed: readonly ParsedArticle[], settings: Settings, responsiveImages: ReadonlyMap<string, ResponsiveImage> = new Map()): EditionIndex[] {
  return settings.editions.map((edition) => indexEdition(parsed, settings, edition, responsiveImages));
}

/**
 * Each edition's articles as the edition alone settles them (`ArticleOnItsOwn`), newest first
 * within an edition: new objects of a dozen fields each, so this costs a fraction of the
 * newsroom, and the search index can start on them while the newsroom is built.
 */
export function articlesOnTheirOwn(editions: readonly EditionIndex[], responsiveImages: ReadonlyMap<string, ResponsiveImage> = new Map()): ArticleOnItsOwn[] {
  return editions.flatMap(({ sorted, tagIndex, authorIndex }) =>
    sorted.map((article): ArticleOnItsOwn => {
      const responsive = article.image && responsiveImages.get(path.resolve(article.image.file));
      return {
        url: article.url,
        lang: article.lang,
        title: article.title,
        summary: article.summary,
        published: article.published,
        sortKey: article.sortKey,
        sectionLabel: article.sectionLabel,
        filePath: article.filePath,
        sourcePath: article.sourcePath,
        sourceHash: article.sourceHash,
        credit: article.credit,
        tags: tagIndex.linksOf(article),
        authors: authorIndex.linksOf(article),
        image: article.image && responsive ? { ...article.image, responsive } : article.image,
      };
    }),
  );
}

/**
 * Builds one edition's newsroom from its index (`indexEdition`: its parsed articles sorted once,
 * grouped by tag and by reporter in one pass each, an inverted index, never a nested loop over
 * all articles). What each article takes from the others is worked out first, by position in the
 * sorted list; then each published article is made once, and every list holds those same
 * objects. The parsed articles are only read.
 */
export function buildEditionNewsroom(indexed: EditionIndex, settings: Settings, fromOutside: FromOutside = NOTHING_FROM_OUTSIDE): EditionNewsroom {
  const { site } = settings;
  const { edition, sorted, tagIndex, authorIndex } = indexed;

  // One link object per article, shared by every list of Recommended Reading that shows it.
  // Each link serialized once for the dozen pages that show it (`cache/named-in-json.ts`).
  const relatedLinks = new Map<ParsedArticle, RelatedLink>(sorted.map((article) => [article, namedInJson(relatedLink(article), "related")]));
  const related = computeRelatedArticles(sorted);

  // Each section's articles, as positions in `sorted` (so newest first).
  const sectionPositions = new Map<string, number[]>(edition.sections.map((section) => [section.key, []]));
  sorted.forEach((article, index) => sectionPositions.get(article.sectionKey)!.push(index));
  const previous: Array<ArticleLink | undefined> = [];
  const next: Array<ArticleLink | undefined> = [];
  for (const positions of sectionPositions.values()) {
    // Newest first, so in a section the previous story is the next one in the list.
    const links = positions.map((index) => linkTo(sorted[index]!));
    positions.forEach((index, at) => {
      next[index] = links[at - 1];
      previous[index] = links[at + 1];
    });
  }

  const articles = sorted.map((article, index): Article => {
    const translated = fromOutside.translations.get(article);
    const responsive = article.image && fromOutside.responsiveImages.get(path.resolve(article.image.file));
    return {
      ...article,
      tags: tagIndex.linksOf(article),
      authors: authorIndex.linksOf(article),
      related: related.get(article)!.map((other) => relatedLinks.get(other)!),
      next: next[index],
      previous: previous[index],
      translations: translated?.translations ?? NO_TRANSLATIONS,
      defaultEditionUrl: translated?.defaultEditionUrl ?? article.url,
      image: article.image && responsive ? { ...article.image, responsive } : article.image,
      share: shareOf(article, fromOutside),
      bodyImages:
        article.bodyImages.length === 0
          ? article.bodyImages
          : article.bodyImages.map((image) => ({ ...image, responsive: fromOutside.responsiveImages.get(path.resolve(image.file)) })),
    };
  });
  const inSection = (key: string) => sectionPositions.get(key)!.map((index) => articles[index]!);

  const front = fromOutside.front
    ? planFront(articles, edition.lang, fromOutside.front)
    : { lead: articles[0], top: [], latest: articles.slice(1, 6), breaking: undefined, warnings: [] };
  const lead = front.lead;
  const sections: SectionSummary[] = edition.sections.map((section) => ({
    ...section,
    url: `${edition.prefix}${section.key}/`,
    count: sectionPositions.get(section.key)!.length,
    // The lead story already heads the home page; its section block shows the next ones.
    latest: inSection(section.key)
      .filter((article) => article !== lead)
      .slice(0, site.homeLatestPerSection),
  }));
  const sectionPages = sections.flatMap((section) =>
    paginate(inSection(section.key), site.pageSize, {
      kind: "section",
      key: section.key,
      heading: section.label,
      description: section.description,
      url: section.url,
      edition,
    }),
  );
  const tagPages = tagIndex.tags.flatMap((tag) =>
    paginate(tagIndex.positions.get(tag.key)!.map((index) => articles[index]!), site.pageSize, {
      kind: "tag",
      key: tag.key,
      heading: tag.label,
      description: fillText(edition.ui.tagDescription, { tag: tag.label, site: edition.name }),
      url: tag.url,
      edition,
    }),
  );
  const authorPages = authorIndex.authors.flatMap((author) =>
    paginate(authorIndex.positions.get(author.key)!.map((index) => articles[index]!), site.pageSize, {
      kind: "author",
      key: author.key,
      heading: author.name,
      description: fillText(edition.ui.authorDescription, { name: author.name, site: edition.name }),
      url: author.url,
      edition,
    }).map((page): AuthorListPage => ({ ...page, author })),
  );
  return {
    edition,
    articles,
    lead,
    top: front.top,
    latest: front.latest,
    breaking: front.breaking,
    frontWarnings: front.warnings,
    sections,
    sectionPages,
    tags: tagIndex.tags,
    tagPages,
    authors: authorIndex.authors,
    authorPages,
    archive: buildArchive(articles, edition, site.pageSize),
  };
}

/**
 * Builds every edition's newsroom from the articles this build publishes, each article linked
 * to its translations (articles of other editions with the same `translationKey`) and given the
 * responsive versions of its image (`prepareArticleImages`, by resolved file). The parsed
 * articles are only read; the published ones are new objects, made once each. `indexed`: the
 * editions' indexes when the caller made them first (`indexEditions`).
 */
export function buildNewsroom(
  parsed: readonly ParsedArticle[],
  settings: Settings,
  responsiveImages: ReadonlyMap<string, ResponsiveImage> = new Map(),
  shareCrops: ReadonlyMap<string, readonly ShareCrop[]> = new Map(),
  front?: Omit<FrontContext, "elsewhere">,
  indexed: readonly EditionIndex[] = indexEditions(parsed, settings, responsiveImages),
): Newsroom {
  const byKey = new Map<string, ParsedArticle[]>();
  for (const article of parsed) {
    if (!article.translationKey) continue;
    const group = byKey.get(article.translationKey) ?? [];
    group.push(article);
    byKey.set(article.translationKey, group);
  }
  const editionOrder = (article: ParsedArticle) => settings.editions.findIndex((edition) => edition.lang === article.lang);
  const translations = new Map<ParsedArticle, Translations>();
  for (const group of byKey.values()) {
    const defaultEditionUrl = group.find((other) => other.edition.isDefault)?.url;
    const inEditionOrder = [...group].sort((a, b) => editionOrder(a) - editionOrder(b));
    const links = new Map<ParsedArticle, Translation>(
      group.map((other) => [other, { lang: other.lang, htmlLang: other.edition.htmlLang, url: other.url, title: other.title, editionName: other.edition.name }]),
    );
    for (const article of group) {
      translations.set(article, {
        translations: inEditionOrder.filter((other) => other !== article).map((other) => links.get(other)!),
        defaultEditionUrl: defaultEditionUrl ?? article.url,
      });
    }
  }
  const editions = indexed.map((index) => {
    const { edition } = index;
    const elsewhere = front && new Map(parsed.filter((article) => article.lang !== edition.lang).map((article) => [article.url, article]));
    const fromOutside = { translations, responsiveImages, shareCrops, front: front && elsewhere && { ...front, elsewhere } };
    return buildEditionNewsroom(index, settings, fromOutside);
  });
  return {
    articles: editions.flatMap((edition) => edition.articles).sort(compareNewestFirst),
    editions,
    sectionPages: editions.flatMap((edition) => edition.sectionPages),
    tagPages: editions.flatMap((edition) => edition.tagPages),
    authorPages: editions.flatMap((edition) => edition.authorPages),
  };
}

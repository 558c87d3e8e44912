import path from "node:path";
import type { ParsedArticle } from "../content/article-model.ts";
import type { AuthorSetting } from "../config/authors.ts";
import type { Edition } from "../config/editions.ts";
import type { ResponsiveImage } from "../images/article-images.ts";

/** A reporter as a byline shows them: the name in the article's edition, and their page in it. */
export interface AuthorLink {
  readonly key: string;
  readonly name: string;
  readonly url: string;
  /** Addresses elsewhere (schema.org `sameAs`). */
  readonly links: readonly string[];
}

/** A reporter as their page and the index of reporters show them, in one edition. */
export interface AuthorSummary extends AuthorLink {
  readonly role?: string;
  readonly bio?: string;
  readonly photo?: { readonly alt: string; readonly responsive: ResponsiveImage };
  /** Their stories in this edition. */
  readonly count: number;
}

/** The photo is shown small, beside the bio. */
const PHOTO_SIZES = "(min-width: 48rem) 10rem, 33vw";

/** One edition's reporters, indexed once per build. */
export interface AuthorIndex {
  /**
   * The reporters with a page in this edition, in `_data/authors.json` order: in the default
   * edition every reporter (a new one has a page before their first story); in another edition
   * those with a story in it.
   */
  authors: AuthorSummary[];
  /** Each reporter's articles, by key: their positions in the list indexed, so newest first. */
  positions: Map<string, number[]>;
  /** An article's byline: one link object per reporter, shared by every article. */
  linksOf: (article: Pick<ParsedArticle, "authorKeys">) => readonly AuthorLink[];
}

const NO_AUTHORS: readonly AuthorLink[] = Object.freeze([]);

/**
 * Indexes the reporters of one edition's articles (newest first) in one pass: an inverted index
 * from key to positions, never a loop over articles per reporter.
 */
export function indexAuthors(
  articles: ReadonlyArray<Pick<ParsedArticle, "authorKeys">>,
  edition: Edition,
  settings: readonly AuthorSetting[],
  responsiveImages: ReadonlyMap<string, ResponsiveImage>,
): AuthorIndex {
  const positions = new Map<string, number[]>(settings.map((author) => [author.key, []]));
  articles.forEach((article, index) => {
    for (const key of article.authorKeys) positions.get(key)?.push(index);
  });
  const authors: AuthorSummary[] = [];
  const links = new Map<string, AuthorLink>();
  for (const author of settings) {
    const count = positions.get(author.key)!.length;
    if (count === 0 && !edition.isDefault) continue;
    const name = author.name[edition.lang]!;
    const url = `${edition.prefix}authors/${author.key}/`;
    const responsive = author.photoFile ? responsiveImages.get(path.resolve(author.photoFile)) : undefined;
    authors.push({
      key: author.key,
      name,
      url,
      role: author.role[edition.lang],
      bio: author.bio[edition.lang],
      links: author.links,
      photo: responsive ? { alt: name, responsive: { ...responsive, sizes: PHOTO_SIZES } } : undefined,
      count,
    });
    links.set(author.key, { key: author.key, name, url, links: author.links });
  }
  return {
    authors,
    positions,
    linksOf: (article) => (article.authorKeys.length === 0 ? NO_AUTHORS : article.authorKeys.map((key) => links.get(key)!)),
  };
}

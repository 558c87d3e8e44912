import type { ParsedArticle } from "../content/article-model.ts";
import type { Edition } from "../config/editions.ts";
import { tagKey, tagSlug } from "../slugs/slugs.ts";

/** A tag as the index of all tags shows it. */
export interface TagSummary {
  key: string;
  label: string;
  slug: string;
  url: string;
  count: number;
}

/** A tag as an article shows it: its canonical label and its page. */
export interface TagLink {
  readonly label: string;
  readonly url: string;
}

/** One edition's tags, indexed once per build. */
export interface TagIndex {
  /** Every tag, A to Z in the edition's language (ties by key). */
  tags: TagSummary[];
  /** Each tag's articles, by key: their positions in the list indexed, so newest first. */
  positions: Map<string, number[]>;
  /** An article's tags, each once, in the order it gives them; one link object per tag, shared. */
  linksOf: (article: Pick<ParsedArticle, "rawTags">) => TagLink[];
}

/**
 * Indexes the tags of one edition's articles (newest first): one entry per key (an inverted
 * index, never a nested loop over all articles). The label is the spelling used most, ties going
 * to the spelling used first, so a new article cannot rename an old tag.
 */
export function indexTags(articles: ReadonlyArray<Pick<ParsedArticle, "rawTags">>, edition: Edition): TagIndex {
  const positions = new Map<string, number[]>();
  const spellings = new Map<string, Map<string, number>>();
  articles.forEach((article, index) => {
    for (const key of new Set(article.rawTags.map(tagKey))) {
      const list = positions.get(key) ?? [];
      list.push(index);
      positions.set(key, list);
    }
  });
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
  const tags: TagSummary[] = [...positions.keys()].sort().map((key) => {
    const label = [...spellings.get(key)!].sort((a, b) => b[1] - a[1])[0]![0]; // stable: first used wins ties
    // Distinct tags whose words match (`c plus plus` and `C++`) get numbered URLs, in key order.
    let slug = tagSlug(key);
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${tagSlug(key)}-${n}`;
    usedSlugs.add(slug);
    return { key, label, slug, url: `${edition.prefix}tags/${slug}/`, count: positions.get(key)!.length };
  });
  tags.sort((a, b) => a.label.localeCompare(b.label, edition.locale) || (a.key < b.key ? -1 : 1));
  const linkByKey = new Map(tags.map((tag): [string, TagLink] => [tag.key, { label: tag.label, url: tag.url }]));
  return {
    tags,
    positions,
    linksOf: (article) => [...new Set(article.rawTags.map(tagKey))].map((key) => linkByKey.get(key)!),
  };
}

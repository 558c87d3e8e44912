import type { ParsedArticle, RelatedLink } from "../content/article-model.ts";
import { tagKey } from "../slugs/slugs.ts";

export interface RelatedOptions {
  /** How many to rank per article (the page shows them a few at a time). */
  limit: number;
  /** In each tag's list, how many articles either side (in time) are candidates: a common tag
   * then costs a bounded amount of work per article, which keeps the whole step linear. */
  tagWindow: number;
  /** How many of the section's nearest articles are candidates even without a shared tag. */
  sectionWindow: number;
}

export const DEFAULT_RELATED_OPTIONS: RelatedOptions = { limit: 12, tagWindow: 60, sectionWindow: 6 };

/** What the ranking reads of an article: parsed articles are ranked before any is published. */
type Ranked = Pick<ParsedArticle, "publishedAt" | "sectionKey" | "rawTags">;

const DAY = 86_400_000;
/** A shared section counts as much as a shared tag used by about a third of the articles. */
const SECTION_WEIGHT = 1;
/** Recency: at most this much, halving over a month of distance. */
const RECENCY_WEIGHT = 0.5;

/**
 * A tag's weight: its inverse document frequency, from counts rounded on a log scale (the
 * newsroom's size up to a power of two, the tag's count to a quarter of one), so a new story
 * does not shift the weight of every tag and reorder the recommendations of stories it has
 * nothing to do with: a host then uploads the pages whose lists the story joins, not dozens
 * more whose near-ties flipped (issue 18: 27 of 38 such pages on a 3,000-article site).
 */
export function tagWeight(tagCount: number, total: number): number {
  const size = 2 ** Math.ceil(Math.log2(Math.max(1, total)));
  const count = 2 ** (Math.round(4 * Math.log2(tagCount)) / 4);
  return Math.log(1 + size / count);
}

/**
 * Ranks each article's related articles, computed once per build from an inverted tag index
 * (never by comparing every article with every other). Score: for each shared tag its inverse
 * document frequency (`tagWeight`: a rare tag weighs more than a common one), plus a bonus for the same
 * section, plus a little for closeness in time; ties go to the newer article, then the URL.
 * `articles` must be newest first (ties by URL) and contain only what this build publishes.
 */
export function computeRelatedArticles<T extends Ranked>(articles: readonly T[], options: RelatedOptions = DEFAULT_RELATED_OPTIONS): Map<T, T[]> {
  const total = articles.length;
  // Articles are numbered in their newest-first order, so a lower number wins a tie: newer, then URL.
  const millis = Float64Array.from(articles, (article) => article.publishedAt.toMillis());
  const sectionOf = articles.map((article) => article.sectionKey);
  const postings = new Map<string, number[]>();
  const bySection = new Map<string, number[]>();
  // Where each article sits in each of its tags' lists and in its section's list.
  const tagPositions: Array<Array<[number[], number]>> = [];
  const sectionPosition = new Int32Array(total);
  articles.forEach((article, index) => {
    const positions: Array<[number[], number]> = [];
    for (const key of new Set(article.rawTags.map(tagKey))) {
      const list = postings.get(key) ?? [];
      positions.push([list, list.length]);
      list.push(index);
      postings.set(key, list);
    }
    tagPositions.push(positions);
    const section = bySection.get(article.sectionKey) ?? [];
    sectionPosition[index] = section.length;
    section.push(index);
    bySection.set(article.sectionKey, section);
  });

  // Each tag's weight, once: it depends only on how many articles the tag has.
  const weights = new Map<number[], number>();
  for (const list of postings.values()) weights.set(list, tagWeight(list.length, total));

  // Scratch space reused for every article: scores by number, and which numbers were touched.
  const scores = new Float64Array(total);
  const seenBy = new Int32Array(total).fill(-1);
  const related = new Map<T, T[]>();
  for (let index = 0; index < total; index++) {
    const touched: number[] = [];
    const add = (other: number, weight: number) => {
      if (other === index) return;
      if (seenBy[other] !== index) {
        seenBy[other] = index;
        scores[other] = 0;
        touched.push(other);
      }
      scores[other] = scores[other]! + weight;
    };
    for (const [list, position] of tagPositions[index]!) {
      const weight = weights.get(list)!;
      const end = Math.min(list.length, position + options.tagWindow + 1);
      for (let at = Math.max(0, position - options.tagWindow); at < end; at++) add(list[at]!, weight);
    }
    const section = bySection.get(sectionOf[index]!)!;
    const position = sectionPosition[index]!;
    const end = Math.min(section.length, position + options.sectionWindow + 1);
    for (let at = Math.max(0, position - options.sectionWindow); at < end; at++) add(section[at]!, 0);

    // Keep the best `limit` in a small sorted array: linear in candidates, no full sort.
    const best: Array<{ other: number; score: number }> = [];
    for (const other of touched) {
      const days = Math.abs(millis[other]! - millis[index]!) / DAY;
      const score = scores[other]! + (sectionOf[other] === sectionOf[index] ? SECTION_WEIGHT : 0) + RECENCY_WEIGHT / (1 + days / 30);
      if (best.length === options.limit) {
        const last = best[best.length - 1]!;
        if (score < last.score || (score === last.score && other > last.other)) continue;
        best.pop();
      }
      let at = best.length;
      while (at > 0 && (best[at - 1]!.score < score || (best[at - 1]!.score === score && best[at - 1]!.other > other))) at--;
      best.splice(at, 0, { other, score });
    }
    related.set(articles[index]!, best.map((entry) => articles[entry.other]!));
  }
  return related;
}

/** The link an article page shows for a related article. */
export function relatedLink(article: Pick<ParsedArticle, "title" | "url" | "sectionLabel" | "published">): RelatedLink {
  return { title: article.title, url: article.url, sectionLabel: article.sectionLabel, date: { iso: article.published.iso, short: article.published.short } };
}

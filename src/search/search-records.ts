/**
 * Search records: what Pagefind indexes of an article (its words, what a result shows, filters,
 * sort), and the entry an indexer receives before it reads the body.
 */
import { decodeHTML } from "entities";
import type { ArticleOnItsOwn } from "../collections/published-article.ts";

/** One article as Pagefind indexes it: its words, what a result shows, filters and sort. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Plain text of rendered HTML: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  return decodeHTML(html.replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ").trim();
}

/**
 * An article as the indexer receives it: its record but for the body text, which the indexer
 * reads from the file itself, one shard at a time, so no build holds every body at once.
 */
export interface SearchEntry extends Omit<SearchRecord, "content"> {
  /** The words before the body: headline and standfirst. */
  lead: string;
  /** The words after it: the tags and the reporters' names. */
  tail: string;
  body: Pick<ArticleOnItsOwn, "filePath" | "sourcePath" | "sourceHash" | "credit">;
}

/** What Pagefind indexes of an article: its headline, standfirst, body, tags and reporters. */
export function searchEntry(article: ArticleOnItsOwn): SearchEntry {
  const meta: Record<string, string> = { title: article.title, date: article.published.short, section: article.sectionLabel };
  const authors = article.authors.map((author) => author.name);
  if (article.image?.responsive) {
    meta.image = article.image.responsive.fallback.url;
    meta.image_alt = article.image.alt;
  }
  return {
    url: article.url,
    language: article.lang,
    meta,
    filters: { section: [article.sectionLabel], tag: article.tags.map((tag) => tag.label), ...(authors.length > 0 ? { author: authors } : {}) },
    sort: { date: article.sortKey },
    lead: `${article.title}\n${article.summary}`,
    tail: [...article.tags.map((tag) => tag.label), ...authors].join(" "),
    body: { filePath: article.filePath, sourcePath: article.sourcePath, sourceHash: article.sourceHash, credit: article.credit },
  };
}

/** The record Pagefind indexes, once the body has been read. */
export function searchRecordOf(entry: SearchEntry, bodyHtml: string): SearchRecord {
  const { lead, tail, body: _body, ...record } = entry;
  return { ...record, content: [lead, htmlToText(bodyHtml), tail].join("\n") };
}

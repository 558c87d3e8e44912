import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomically } from "../cache/integrity.ts";
import type { ParsedArticle } from "../content/article-model.ts";

/**
 * The safety net under "URLs never break": every production build keeps, in its cache folder,
 * the article URLs published so far, and the next build names each one that is gone with no
 * alias for it. One pass over the articles and one over the record: linear at any size.
 */

/** The record's file in the cache folder (`BROADSHEET_CACHE`, restored between deploys). */
export const PUBLISHED_URLS_FILE = "published-urls.json";

/** A URL a build published, and what it was: the file and the translation that made it. */
export interface PublishedUrl {
  url: string;
  file: string;
  lang: string;
  translationKey?: string;
}

/** A published URL no page serves now, with the story most likely at its new place. */
export interface GoneUrl extends PublishedUrl {
  /** The published story from the same file, else with the same translationKey and language. */
  now?: { url: string; file: string };
}

/** The URLs recorded by the last builds in `cacheDir`; none when there is no record yet (or it cannot be read). */
export function readPublishedUrls(cacheDir: string): PublishedUrl[] | undefined {
  let record: unknown;
  try {
    record = JSON.parse(readFileSync(path.join(cacheDir, PUBLISHED_URLS_FILE), "utf8"));
  } catch {
    return undefined;
  }
  const urls = (record as { urls?: unknown }).urls;
  if (!Array.isArray(urls)) return undefined;
  return urls.filter((entry): entry is PublishedUrl => typeof (entry as PublishedUrl)?.url === "string" && typeof (entry as PublishedUrl).file === "string");
}

/** Writes the record whole or not at all, as every cache file is. */
export function writePublishedUrls(cacheDir: string, urls: readonly PublishedUrl[]): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileAtomically(path.join(cacheDir, PUBLISHED_URLS_FILE), `${JSON.stringify({ version: 1, urls })}\n`);
}

/**
 * Compares what earlier builds published with this build's articles (all of them, drafts and
 * embargoed included). A recorded URL is gone when no published story has it as its URL or an
 * alias, and no held-back story (a draft, an embargo) has it: taking a story back is no break.
 * The new record holds this build's published URLs and every recorded one still not a story's
 * URL (gone, aliased or held back), so a gone URL is named on every build until an alias covers
 * it, and removing an alias later is caught too; `forget` drops the gone ones.
 */
export function findGoneUrls(
  previous: readonly PublishedUrl[],
  articles: readonly ParsedArticle[],
  forget = false,
): { gone: GoneUrl[]; record: PublishedUrl[] } {
  const published = articles.filter((article) => article.status === "published");
  const served = new Set<string>();
  const bySource = new Map<string, ParsedArticle>();
  const byTranslation = new Map<string, ParsedArticle>();
  const translationOf = (lang: string, key: string) => `${lang}\u0000${key}`;
  for (const article of published) {
    served.add(article.url);
    for (const alias of article.aliases) served.add(alias);
    bySource.set(article.sourcePath, article);
    if (article.translationKey) byTranslation.set(translationOf(article.lang, article.translationKey), article);
  }
  const heldBack = new Set<string>();
  for (const article of articles) {
    if (article.status === "published") continue;
    heldBack.add(article.url);
    for (const alias of article.aliases) heldBack.add(alias);
  }
  const record = new Map<string, PublishedUrl>();
  for (const article of published) {
    record.set(article.url, { url: article.url, file: article.sourcePath, lang: article.lang, ...(article.translationKey ? { translationKey: article.translationKey } : {}) });
  }
  const gone: GoneUrl[] = [];
  for (const entry of previous) {
    if (record.has(entry.url)) continue;
    if (!served.has(entry.url) && !heldBack.has(entry.url)) {
      const story = bySource.get(entry.file) ?? (entry.translationKey ? byTranslation.get(translationOf(entry.lang, entry.translationKey)) : undefined);
      gone.push({ ...entry, ...(story ? { now: { url: story.url, file: story.sourcePath } } : {}) });
      if (forget) continue;
    }
    record.set(entry.url, entry);
  }
  const byUrl = (a: { url: string }, b: { url: string }) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
  return { gone: gone.sort(byUrl), record: [...record.values()].sort(byUrl) };
}

/** One line of the build log for a gone URL, with the alias that brings it back. */
export function describeGoneUrl(gone: GoneUrl): string {
  return gone.now
    ? `${gone.url} was published and is gone; add aliases: [${gone.url}] to the story now at ${gone.now.url} (${gone.now.file})`
    : `${gone.url} was published and is gone (it was ${gone.file}); if the story moved, add aliases: [${gone.url}] to it`;
}

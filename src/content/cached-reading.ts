import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { DateTime } from "luxon";
import { codeHash } from "../cache/code-hash.ts";
import { editionData } from "../config/editions.ts";
import type { ParsedArticle, ParseContext } from "./article-model.ts";
import type { Problem } from "./problems.ts";

/**
 * A valid article's reading as the front-matter cache keeps it (`cache/front-matter-cache.ts`):
 * the parsed article as JSON, with its publication instant as milliseconds and its edition as
 * its language, and the warnings its reading gave, so a rebuild prints them again. What the
 * build's clock decides (embargoed or published) is decided again each build. A field whose
 * value is undefined is absent from the article read back, as from its JSON.
 */
export interface CachedReading {
  article: Record<string, unknown>;
  warnings: Problem[];
  draft: boolean;
}

/**
 * What a reading depends on besides the file's bytes: the code that reads (every source file),
 * the site's settings, the hosts a body may embed, the reserved folders and what the caller
 * adds (the path prefix the Markdown links with). Hashed once a build.
 */
export function readingContextKey(context: ParseContext, extra: string): string {
  const settings = { ...context.settings, editions: context.settings.editions.map(editionData) };
  return createHash("sha256")
    .update(JSON.stringify([codeHash(), settings, context.embedHosts, context.reservedSegments, extra]))
    .digest("hex");
}

/** The hash of an article file's bytes, which its stamp keeps (`cache/file-stamps.ts`). */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha1").update(bytes).digest("hex");
}

/** The key of one file's reading: the hash of its bytes (`contentHash`) under the context's key. */
export function readingKey(contentHash: string, contextKey: string): string {
  return createHash("sha1").update(contextKey).update(contentHash).digest("hex");
}

/** A valid article and its warnings as the cache keeps them. */
export function toCachedReading(article: ParsedArticle, warnings: readonly Problem[], draft: boolean): CachedReading {
  // Same keys in the same order as the article: page views are hashed as JSON.
  return { article: { ...article, publishedAt: article.publishedAt.toMillis(), edition: article.edition.lang }, warnings: [...warnings], draft };
}

/**
 * The article a cached reading holds, as parsing the same bytes would give it; undefined when
 * it no longer holds (its edition is gone, or a photo it names is no longer beside it), so the
 * file is parsed again and any problem named as usual.
 */
export function fromCachedReading(reading: CachedReading, context: ParseContext): { article: ParsedArticle; warnings: Problem[] } | undefined {
  const { article } = reading;
  const edition = context.settings.editions.find((candidate) => candidate.lang === article.edition);
  if (!edition || typeof article.publishedAt !== "number") return undefined;
  const photos = [article.image, ...((article.bodyImages as unknown[] | undefined) ?? [])] as Array<{ file?: unknown } | undefined>;
  if (photos.some((photo) => photo && (typeof photo.file !== "string" || !existsSync(photo.file)))) return undefined;
  const publishedAt = DateTime.fromMillis(article.publishedAt, { zone: context.settings.site.timeZone });
  const status = reading.draft ? "draft" : publishedAt > context.now ? "embargoed" : "published";
  return { article: { ...article, publishedAt, edition, status } as unknown as ParsedArticle, warnings: reading.warnings };
}

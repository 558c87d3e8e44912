import { readFileSync } from "node:fs";
import path from "node:path";
import { findArticleFiles } from "./article-files.mjs";
import { decodeUtf8 } from "./clean-text.ts";
import { excerpt, quote, type Problem } from "./problems.ts";
import { parseArticle } from "./parse-article.ts";
import type { ParsedArticle, ParseContext } from "./article-model.ts";
import { openFrontMatterCache } from "../cache/front-matter-cache.ts";
import { contentHash, fromCachedReading, readingContextKey, readingKey, toCachedReading, type CachedReading } from "./cached-reading.ts";
import { openFileStamps } from "../cache/file-stamps.ts";

/** The stamps of the article files, in the cache folder (`cache/file-stamps.ts`). */
export const ARTICLE_STAMPS_FILE = "article-stamps.txt";

/** Where the last build's readings are kept, and what else they depend on (the Markdown's path prefix). */
export interface ReadingCache {
  dir: string;
  extraKey: string;
}

/**
 * Reads every article under `dir`. Problems of all files are collected (never just the first),
 * as are articles sharing one URL, whose error names both files. With a `cache`, a file whose
 * bytes were read by the last build is not parsed and validated again, and one the last build
 * stamped (unchanged since, by its size, time and inode) is not even read; `damagedCache` names
 * the files whose cached reading was damaged, read again.
 */
export async function loadArticles(
  dir: string,
  context: ParseContext,
  cwd: string = process.cwd(),
  cache?: ReadingCache,
): Promise<{ articles: ParsedArticle[]; problems: Problem[]; damagedCache: readonly string[] }> {
  const readings = cache ? openFrontMatterCache(cache.dir) : undefined;
  const stamps = cache ? openFileStamps(path.join(cache.dir, ARTICLE_STAMPS_FILE)) : undefined;
  const contextKey = cache ? readingContextKey(context, cache.extraKey) : "";
  const { files, skipped } = findArticleFiles(dir);
  const articles: ParsedArticle[] = [];
  const problems: Problem[] = [];
  // Paths are shown as editors know them (articles/2025/02/x.md); outside the project, in full.
  const displayPathOf = (file: string) => {
    const relative = path.relative(cwd, file);
    return (relative.startsWith("..") ? file : relative).split(path.sep).join("/");
  };
  for (const { file, reason, sameAs } of skipped) {
    const shown = sameAs ? `the same file as ${displayPathOf(sameAs)} (a symlink); read once, by that path` : reason;
    problems.push({ file: displayPathOf(file), field: "file", reason: shown, severity: "warning" });
  }
  // Read one after another, synchronously: nothing else runs yet, and tens of thousands of small
  // reads cost less without a round trip through the thread pool each.
  for (const file of files) {
    const displayPath = displayPathOf(file);
    const fileProblem = (reason: string) => problems.push({ file: displayPath, field: "file", reason, severity: "error" });
    const readFile = () => {
      try {
        return readFileSync(file);
      } catch (thrown) {
        fileProblem(`cannot be read (${(thrown as NodeJS.ErrnoException).code ?? excerpt((thrown as Error).message)})`);
        return undefined;
      }
    };
    let bytes: Buffer | undefined;
    let key = "";
    if (readings && stamps) {
      // A file as the last build stamped it need not be read to know its hash (`cache/file-stamps.ts`).
      const { state, hash: stamped } = stamps.check(file);
      let hash = stamped;
      if (hash === undefined) {
        bytes = readFile();
        if (!bytes) continue;
        hash = contentHash(bytes);
        if (state) stamps.record(file, state, hash);
      }
      // The same bytes at the same path read the same way: the last build's reading stands.
      key = readingKey(hash, contextKey);
      const cached = readings.get(file, key);
      const reused = cached === undefined ? undefined : fromCachedReading(cached as CachedReading, context);
      if (reused && reused.article.sourcePath === displayPath) {
        problems.push(...reused.warnings);
        articles.push(reused.article);
        continue;
      }
    }
    bytes ??= readFile();
    if (!bytes) continue;
    // Strict decoding: a binary file, or one saved in another encoding, is named, not read as
    // replacement characters.
    const decoded = decodeUtf8(bytes);
    if (!("text" in decoded)) {
      const byte = `0x${decoded.byte.toString(16).toUpperCase().padStart(2, "0")}`;
      fileProblem(`not UTF-8 text (invalid byte ${byte} at byte ${decoded.invalidAt.toLocaleString("en")}, line ${decoded.line}); save the file as UTF-8`);
      continue;
    }
    let result: ReturnType<typeof parseArticle>;
    try {
      result = parseArticle(displayPath, decoded.text, context, file);
    } catch (thrown) {
      // A bug, not bad input; still named by file so the report stays whole.
      fileProblem(`could not be read as an article (${excerpt(String((thrown as Error).message ?? thrown), 120)})`);
      continue;
    }
    problems.push(...result.problems);
    if (result.article) {
      articles.push(result.article);
      // Only a valid article is kept: a file with errors is named again by each build.
      readings?.set(file, key, toCachedReading(result.article, result.problems, result.article.status === "draft"));
    }
  }
  const byUrl = new Map<string, ParsedArticle>();
  for (const article of articles) {
    const earlier = byUrl.get(article.url);
    if (earlier) {
      problems.push({
        file: article.sourcePath,
        field: "slug",
        reason: `same URL ${excerpt(article.url, 100)} as ${earlier.sourcePath}; give one of them another slug`,
        severity: "error",
      });
    } else {
      byUrl.set(article.url, article);
    }
  }
  // An old URL sends readers to one story: never a URL a story has now, nor another story's alias.
  const byAlias = new Map<string, ParsedArticle>();
  for (const article of articles) {
    article.aliases.forEach((alias, index) => {
      const owner = byUrl.get(alias);
      const earlier = byAlias.get(alias);
      const reason = owner
        ? `${excerpt(alias, 100)} is the URL of ${owner.sourcePath}; an alias is an old URL no story has now`
        : earlier
          ? `${excerpt(alias, 100)} is already an alias of ${earlier.sourcePath}; an old URL can send readers to one story only`
          : undefined;
      if (reason) problems.push({ file: article.sourcePath, field: `aliases.${index}`, reason, severity: "error" });
      else byAlias.set(alias, article);
    });
  }
  // Translations share a translationKey; within one language a key names one article.
  const byTranslation = new Map<string, ParsedArticle>();
  for (const article of articles) {
    if (!article.translationKey) continue;
    const key = `${article.lang}\u0000${article.translationKey}`;
    const earlier = byTranslation.get(key);
    if (earlier) {
      problems.push({
        file: article.sourcePath,
        field: "translationKey",
        reason: `${quote(article.translationKey)} is already used by ${earlier.sourcePath} in the same language (${article.lang}); each translation must be in another language`,
        severity: "error",
      });
    } else {
      byTranslation.set(key, article);
    }
  }
  // Recorded even when other files have errors: what was read stays read.
  readings?.save();
  stamps?.save();
  // Named as the file's problems would be: as editors know it.
  const damagedCache = (readings?.damaged ?? []).map((name) => (path.isAbsolute(name) ? displayPathOf(name) : name));
  return { articles, problems, damagedCache };
}

import { DateTime } from "luxon";
import { createParseContext, parseArticle } from "../../src/content/parse-article.ts";
import type { ParsedArticle } from "../../src/content/article-model.ts";
import { readSettings } from "../../src/config/site-settings.ts";
import { createMarkdown } from "../../src/markdown/markdown.ts";
import path from "node:path";
import { projectRoot } from "./site.ts";
import { PAGE_TYPES, pageSegments } from "../../src/pages/registry.ts";

export const settings = readSettings(path.join(projectRoot, "_data"));
/** The folders a build writes itself, as eleventy.config.ts gives them: no alias may be under one. */
export const reservedSegments = [...pageSegments(PAGE_TYPES), "assets", "img", "pagefind"];
export const context = createParseContext(settings, createMarkdown(), DateTime.fromISO("2026-01-01T00:00:00Z"), [], reservedSegments);

/** Front matter as YAML lines, then a body: the text of an article file. */
export function articleText(fields: Record<string, unknown>, body = "Body text."): string {
  const yaml = Object.entries(fields)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join("\n");
  return `---\n${yaml}\n---\n\n${body}\n`;
}

/** A valid article for collection tests; fields override the defaults. */
export function makeArticle(slug: string, fields: Record<string, unknown> = {}): ParsedArticle {
  const result = parseArticle(
    `articles/${slug}.md`,
    articleText({ title: `Story ${slug}`, date: "2025-05-01T10:00:00+08:00", section: "china", ...fields }),
    context,
  );
  if (!result.article) throw new Error(JSON.stringify(result.problems));
  return result.article;
}

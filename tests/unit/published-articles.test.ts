import path from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { loadArticles } from "../../src/content/load-articles.ts";
import type { ParsedArticle } from "../../src/content/article-model.ts";
import { buildNewsroom } from "../../src/collections/newsroom.ts";
import type { ResponsiveImage } from "../../src/images/article-images.ts";
import { context, settings } from "../helpers/articles.ts";
import { fixtureArticles, projectRoot } from "../helpers/site.ts";

/**
 * Freezes everything reachable from `value`, but luxon's DateTimes: they are immutable, yet fill
 * caches on themselves as they format. Tests run in strict mode, so any write then throws.
 */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || DateTime.isDateTime(value) || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}

const responsiveOf = (file: string): ResponsiveImage => ({
  files: [`${file}.webp`],
  sources: [],
  fallback: { url: `/img/${path.basename(file)}`, width: 960, height: 540, srcset: "" },
  sizes: "100vw",
});

describe("published articles", () => {
  it("are made from frozen parsed articles, once each, and shared by every list", async () => {
    const { articles: parsed, problems } = await loadArticles(fixtureArticles, context, projectRoot);
    expect(problems.filter((problem) => problem.severity === "error")).toEqual([]);
    const withImages = parsed.filter((article): article is ParsedArticle & { image: NonNullable<ParsedArticle["image"]> } => article.image !== undefined);
    expect(withImages.length).toBeGreaterThan(0);
    const images = new Map(withImages.map((article) => [path.resolve(article.image.file), responsiveOf(article.image.file)]));
    deepFreeze(parsed);

    const newsroom = buildNewsroom(parsed, settings, images);

    const published = new Set<object>(newsroom.articles);
    expect(published.size).toBe(parsed.length);
    for (const article of parsed) expect(published.has(article)).toBe(false);
    const inLists = [
      ...newsroom.editions.flatMap((edition) => [
        ...edition.articles,
        ...edition.latest,
        ...(edition.lead ? [edition.lead] : []),
        ...edition.sections.flatMap((section) => section.latest),
      ]),
      ...[...newsroom.sectionPages, ...newsroom.tagPages].flatMap((page) => page.items),
    ];
    expect(inLists.filter((article) => !published.has(article))).toEqual([]);

    for (const article of newsroom.articles) {
      if (article.image) expect(article.image.responsive).toBe(images.get(path.resolve(article.image.file)));
    }
    expect(withImages.every((article) => !("responsive" in article.image))).toBe(true);
    expect(newsroom.articles.some((article) => article.translations.length > 0)).toBe(true);
    expect(newsroom.articles.some((article) => article.tags.length > 0 && article.related.length > 0)).toBe(true);
  });
});

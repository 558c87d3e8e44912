import { describe, expect, it } from "vitest";
import { computeRelatedArticles } from "../../src/collections/related-articles.ts";
import { compareNewestFirst } from "../../src/collections/newsroom.ts";
import type { ParsedArticle } from "../../src/content/article-model.ts";
import { makeArticle } from "../helpers/articles.ts";

const day = (n: number) => `2025-05-${String(n).padStart(2, "0")}T10:00:00+08:00`;
const slugsOf = (related: Map<ParsedArticle, ParsedArticle[]>, article: ParsedArticle) => related.get(article)!.map((other) => other.slug);
const sorted = (articles: ParsedArticle[]) => [...articles].sort(compareNewestFirst);

describe("computeRelatedArticles", () => {
  it("ranks an article sharing a rare tag above one sharing a common tag", () => {
    const subject = makeArticle("subject", { date: day(10), section: "world", tags: ["common", "rare"] });
    const rare = makeArticle("rare", { date: day(1), section: "economy", tags: ["rare"] });
    const common = makeArticle("common", { date: day(9), section: "economy", tags: ["common"] });
    const filler = Array.from({ length: 8 }, (_, index) => makeArticle(`filler-${index}`, { date: day(11 + index), section: "culture", tags: ["common"] }));
    const related = computeRelatedArticles(sorted([subject, rare, common, ...filler]));
    expect(slugsOf(related, subject)[0]).toBe("rare");
    expect(slugsOf(related, rare)[0]).toBe("subject");
  });

  it("prefers the same section when tags tie", () => {
    const subject = makeArticle("subject", { date: day(10), section: "world", tags: ["x"] });
    const sameSection = makeArticle("same", { date: day(5), section: "world", tags: ["x"] });
    const otherSection = makeArticle("other", { date: day(5), section: "economy", tags: ["x"] });
    expect(slugsOf(computeRelatedArticles(sorted([subject, sameSection, otherSection])), subject)).toEqual(["same", "other"]);
  });

  it("recommends nearby articles of the same section even without a shared tag", () => {
    const subject = makeArticle("subject", { date: day(10), section: "world", tags: [] });
    const neighbour = makeArticle("neighbour", { date: day(9), section: "world", tags: [] });
    const elsewhere = makeArticle("elsewhere", { date: day(9), section: "economy", tags: [] });
    expect(slugsOf(computeRelatedArticles(sorted([subject, neighbour, elsewhere])), subject)).toEqual(["neighbour"]);
  });

  it("breaks ties by the newer article, then by URL, the same way every time", () => {
    const subject = makeArticle("subject", { date: day(10), section: "world", tags: ["x"] });
    // Equal distance in time from the subject, equal tags and section: only date and URL differ.
    const before = makeArticle("b-before", { date: day(8), section: "economy", tags: ["x"] });
    const after = makeArticle("a-after", { date: day(12), section: "economy", tags: ["x"] });
    const twinA = makeArticle("twin-a", { date: day(12), section: "culture", tags: ["x"] });
    const articles = sorted([subject, before, after, twinA]);
    const first = slugsOf(computeRelatedArticles(articles), subject);
    // Same score and date: /culture/… sorts before /economy/…; the older one comes last.
    expect(first).toEqual(["twin-a", "a-after", "b-before"]);
    expect(slugsOf(computeRelatedArticles(articles), subject)).toEqual(first);
  });

  it("only ranks the articles it is given, so unpublished ones never appear", () => {
    const subject = makeArticle("subject", { date: day(10), tags: ["x"] });
    const published = makeArticle("published", { date: day(9), tags: ["x"] });
    const draft = makeArticle("draft", { date: day(8), tags: ["x"], draft: true });
    const visible = [subject, published, draft].filter((article) => article.status === "published");
    expect(slugsOf(computeRelatedArticles(sorted(visible)), subject)).toEqual(["published"]);
  });

  it("keeps at most `limit`, and never the article itself", () => {
    const articles = sorted(Array.from({ length: 30 }, (_, index) => makeArticle(`a${index}`, { date: day(1 + (index % 28)), tags: ["x"] })));
    const related = computeRelatedArticles(articles, { limit: 12, tagWindow: 150, sectionWindow: 6 });
    for (const article of articles) {
      expect(related.get(article)!.length).toBe(12);
      expect(related.get(article)).not.toContain(article);
    }
  });
});

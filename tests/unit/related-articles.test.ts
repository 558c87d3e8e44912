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

  it("leaves the lists of stories that share no tag and no section with a new story as they were", () => {
    // A seeded newsroom of 1,500 stories, four tags each from a hundred (a few common, most
    // rare), in five sections: enough near-ties that weights shifting with the newsroom's size
    // would reorder some lists.
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const sections = ["world", "economy", "culture", "society", "china"];
    const newsroom = Array.from({ length: 1500 }, (_, index) =>
      makeArticle(`story-${index}`, {
        date: new Date(Date.UTC(2022, 0, 1) + index * 43_200_000).toISOString(),
        section: sections[Math.floor(random() * 5)]!,
        tags: Array.from({ length: 4 }, () => `tag-${Math.floor(100 * random() ** 3)}`),
      }),
    );
    const newest = makeArticle("newest", { date: "2025-06-01T10:00:00+08:00", section: "sci-tech", tags: ["tag-60", "tag-90"] });
    const before = computeRelatedArticles(sorted(newsroom));
    const after = computeRelatedArticles(sorted([...newsroom, newest]));
    const untouched = newsroom.filter((story) => !story.rawTags.some((tag) => newest.rawTags.includes(tag)));
    expect(untouched.length).toBeGreaterThan(500);
    for (const story of untouched) expect(slugsOf(after, story), story.slug).toEqual(slugsOf(before, story));
  });
});

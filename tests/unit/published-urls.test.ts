import { describe, expect, it } from "vitest";
import { describeGoneUrl, findGoneUrls, type PublishedUrl } from "../../src/collections/published-urls.ts";
import { makeArticle } from "../helpers/articles.ts";

const entry = (url: string, file: string, translationKey?: string): PublishedUrl => ({ url, file, lang: "en", ...(translationKey ? { translationKey } : {}) });

describe("the published URLs a build checks and records", () => {
  const kept = makeArticle("kept");
  const moved = makeArticle("moved", { slug: "moved-now" });
  const renamed = makeArticle("renamed-now", { translationKey: "ferry" });
  const drafted = makeArticle("drafted", { draft: true });
  const aliased = makeArticle("aliased-now", { aliases: ["/china/2025/05/aliased/"] });
  const previous = [
    entry(kept.url, kept.sourcePath),
    entry("/china/2025/05/moved/", moved.sourcePath),
    entry("/china/2025/05/renamed/", "articles/renamed.md", "ferry"),
    entry(drafted.url, drafted.sourcePath),
    entry("/china/2025/05/aliased/", "articles/aliased.md"),
    entry("/china/2025/05/deleted/", "articles/deleted.md"),
  ];
  const articles = [kept, moved, renamed, drafted, aliased];

  it("names each URL no page serves now, with the story found by its file or its translationKey", () => {
    const { gone } = findGoneUrls(previous, articles);
    expect(gone.map(describeGoneUrl)).toEqual([
      "/china/2025/05/deleted/ was published and is gone (it was articles/deleted.md); if the story moved, add aliases: [/china/2025/05/deleted/] to it",
      "/china/2025/05/moved/ was published and is gone; add aliases: [/china/2025/05/moved/] to the story now at /china/2025/05/moved-now/ (articles/moved.md)",
      "/china/2025/05/renamed/ was published and is gone; add aliases: [/china/2025/05/renamed/] to the story now at /china/2025/05/renamed-now/ (articles/renamed-now.md)",
    ]);
  });

  it("records this build's published URLs and keeps every earlier one, so a gone URL is named until an alias covers it", () => {
    const { record } = findGoneUrls(previous, articles);
    expect(record.map((published) => published.url)).toEqual([
      "/china/2025/05/aliased-now/",
      "/china/2025/05/aliased/",
      "/china/2025/05/deleted/",
      "/china/2025/05/drafted/",
      "/china/2025/05/kept/",
      "/china/2025/05/moved-now/",
      "/china/2025/05/moved/",
      "/china/2025/05/renamed-now/",
      "/china/2025/05/renamed/",
    ]);
    expect(findGoneUrls(record, articles).gone).toHaveLength(3);
    // The alias removed later: named again.
    expect(findGoneUrls(record, [kept, moved, renamed, drafted, makeArticle("aliased-now")]).gone.map((gone) => gone.url)).toContain("/china/2025/05/aliased/");
  });

  it("forgets the gone ones when told to, naming them one last time", () => {
    const { gone, record } = findGoneUrls(previous, articles, true);
    expect(gone).toHaveLength(3);
    expect(findGoneUrls(record, articles).gone).toEqual([]);
  });

  it("names nothing on a first build, and records only published stories", () => {
    const { gone, record } = findGoneUrls([], articles);
    expect(gone).toEqual([]);
    expect(record.map((published) => published.url)).not.toContain(drafted.url);
  });
});

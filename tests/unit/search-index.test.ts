import { describe, expect, it } from "vitest";
import { htmlToText, indexerCount, planShards, searchEntry, searchRecordOf, shardKey, shardOf } from "../../src/search/search-index.ts";
import { compareNewestFirst, buildNewsroom } from "../../src/collections/newsroom.ts";
import { makeArticle, settings } from "../helpers/articles.ts";

const day = (n: number) => `2025-05-${String(n).padStart(2, "0")}T10:00:00+08:00`;

describe("htmlToText", () => {
  it("drops tags, decodes entities and collapses space", () => {
    expect(htmlToText("<p>Data &amp; “AI”</p>\n<p>a&lt;b&gt;</p>")).toBe("Data & “AI” a<b>");
  });
});

describe("searchEntry and searchRecordOf", () => {
  it("indexes the headline, standfirst, body and tags, with section and tags as filters and the UTC instant as sort", () => {
    const newsroom = buildNewsroom([makeArticle("a", { title: "Night ferry", summary: "Standfirst.", tags: ["C++", "transport"], section: "china", date: "2025-03-01T00:30:00+08:00" })], settings);
    const record = searchRecordOf(searchEntry(newsroom.articles[0]!), "<p>Body text.</p>\n");
    expect(record.url).toBe("/china/2025/03/a/");
    expect(record.content).toBe("Night ferry\nStandfirst.\nBody text.\nC++ transport");
    expect(record.meta).toEqual({ title: "Night ferry", date: "1 Mar 2025", section: "China" });
    expect(record.filters).toEqual({ section: ["China"], tag: ["C++", "transport"] });
    expect(record.sort).toEqual({ date: "2025-02-28T16:30:00Z" });
    expect(record.language).toBe("en");
  });
});

describe("planShards", () => {
  it("cuts each language's articles into runs counted from the oldest, so new articles only change the newest shard", () => {
    const articles = Array.from({ length: 5 }, (_, index) => makeArticle(`a${index}`, { date: day(index + 1) }));
    const chinese = makeArticle("z", { date: day(9), lang: "zh" });
    const sorted = buildNewsroom([...articles, chinese], settings).articles;
    const shards = planShards(sorted, 2).map(shardOf);
    expect(shards.map((shard) => [shard.path, shard.entries.map((entry) => entry.url.split("/").at(-2))])).toEqual([
      ["en/0/", ["a0", "a1"]],
      ["en/1/", ["a2", "a3"]],
      ["en/2/", ["a4"]],
      ["zh/0/", ["z"]],
    ]);
    const more = buildNewsroom([...articles, chinese, makeArticle("a5", { date: day(20) })], settings).articles.sort(compareNewestFirst);
    const after = planShards(more, 2).map(shardOf);
    expect(after.slice(0, 2).map(shardKey)).toEqual(shards.slice(0, 2).map(shardKey));
    expect(after[2]!.entries.length).toBe(2);
    expect(shardKey(after[2]!)).not.toBe(shardKey(shards[2]!));
  });
});

describe("indexerCount", () => {
  it("indexes two shards at once on two cores, one at a time on one core or past 50,000 articles", () => {
    expect(indexerCount(10_000, 2)).toBe(2);
    expect(indexerCount(10_000, 1)).toBe(1);
    expect(indexerCount(100_000, 8)).toBe(1);
  });
});

import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { recordTree } from "../../src/cache/integrity.ts";
import { htmlToText, searchEntry, searchRecordOf } from "../../src/search/search-records.ts";
import { linkCachedShards } from "../../src/search/shard-store.ts";
import { indexerCount, runQueue } from "../../src/search/indexer-pool.ts";
import { buildNewsroom } from "../../src/collections/newsroom.ts";
import { makeArticle, settings } from "../helpers/articles.ts";

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

  it("indexes the reporters' names as words and as a filter", () => {
    const newsroom = buildNewsroom([makeArticle("a", { title: "Night ferry", summary: "Standfirst.", tags: ["transport"], authors: ["li-wei", "chen-yu"] })], settings);
    const record = searchRecordOf(searchEntry(newsroom.articles[0]!), "<p>Body text.</p>\n");
    expect(record.content).toBe("Night ferry\nStandfirst.\nBody text.\ntransport Li Wei Chen Yu");
    expect(record.filters.author).toEqual(["Li Wei", "Chen Yu"]);
  });
});

describe("indexerCount", () => {
  it("indexes two shards at once on two cores, one at a time on one core or past 50,000 articles", () => {
    expect(indexerCount(10_000, 2)).toBe(2);
    expect(indexerCount(10_000, 1)).toBe(1);
    expect(indexerCount(100_000, 8)).toBe(1);
  });
});

describe("linkCachedShards", () => {
  /** A cached shard as writeShard leaves it: a bundle and the record of its files. */
  const cachedShard = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "broadsheet-shard-"));
    const cache = path.join(dir, "cache");
    const bundle = path.join(cache, "search", "key1");
    mkdirSync(path.join(bundle, "fragment"), { recursive: true });
    writeFileSync(path.join(bundle, "pagefind-entry.json"), '{"version":"1.6.0"}');
    writeFileSync(path.join(bundle, "fragment", "en_1.pf_fragment"), "fragment bytes");
    recordTree(bundle);
    return { site: path.join(dir, "site"), cache, bundle };
  };

  it("links the files of a cached shard that holds what was written, and not its record", async () => {
    const { site, cache, bundle } = cachedShard();
    expect(await linkCachedShards([{ key: "key1", path: "en/0/" }], site, cache)).toEqual([]);
    const linked = path.join(site, "pagefind", "en", "0", "fragment", "en_1.pf_fragment");
    expect(statSync(linked).ino).toBe(statSync(path.join(bundle, "fragment", "en_1.pf_fragment")).ino);
    expect(existsSync(path.join(site, "pagefind", "en", "0", "integrity.json"))).toBe(false);
  });

  it("deletes a damaged cached shard and links none of it, so it is indexed again", async () => {
    const { site, cache, bundle } = cachedShard();
    await linkCachedShards([{ key: "key1", path: "en/0/" }], site, cache);
    // An edit in place to the built site's file reaches the cached one through the link.
    appendFileSync(path.join(site, "pagefind", "en", "0", "fragment", "en_1.pf_fragment"), "garbage");
    const rebuilt = path.join(path.dirname(site), "rebuilt");
    expect(await linkCachedShards([{ key: "key1", path: "en/0/" }], rebuilt, cache)).toEqual([{ key: "key1", path: "en/0/", damage: "fragment/en_1.pf_fragment differs from what was written or cannot be read" }]);
    expect(existsSync(bundle)).toBe(false);
    expect(existsSync(path.join(rebuilt, "pagefind"))).toBe(false);
    expect(readFileSync(path.join(site, "pagefind", "en", "0", "pagefind-entry.json"), "utf8")).toBe('{"version":"1.6.0"}');
  });
});

describe("runQueue", () => {
  it("gives each runner the next task when it is free, then lets each go idle once", async () => {
    const ran: string[] = [];
    const idle: number[] = [];
    await runQueue(
      ["big", "small", "last"],
      2,
      async (task, runner) => {
        // The first runner's task takes longest, so the second runner takes the third task too.
        await new Promise((resolve) => setTimeout(resolve, task === "big" ? 40 : 5));
        ran.push(`${task} on ${runner}`);
      },
      async (runner) => {
        idle.push(runner);
      },
    );
    expect(ran).toEqual(["small on 1", "last on 1", "big on 0"]);
    expect(idle).toEqual([1, 0]);
  });
});

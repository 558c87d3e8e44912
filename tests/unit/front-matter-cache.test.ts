import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { FRONT_MATTER_CACHE_FILE, openFrontMatterCache } from "../../src/cache/front-matter-cache.ts";
import { sha256 } from "../../src/cache/integrity.ts";
import { loadArticles, type ReadingCache } from "../../src/content/load-articles.ts";
import { context } from "../helpers/articles.ts";
import { fixtureArticles, projectRoot } from "../helpers/site.ts";

const scratch = () => mkdtempSync(path.join(os.tmpdir(), "broadsheet-front-matter-cache-"));

/** Rewrites the record's lines through `edit`, each line's checksum taken again when `recheck`. */
function editRecord(cacheDir: string, edit: (rest: string) => string, recheck: boolean): void {
  const file = path.join(cacheDir, FRONT_MATTER_CACHE_FILE);
  const lines = readFileSync(file, "utf8").split("\n").filter(Boolean).map((line) => {
    const [checksum, rest] = [line.slice(0, 32), line.slice(33)];
    const edited = edit(rest);
    return `${recheck ? sha256(edited).slice(0, 32) : checksum}\t${edited}`;
  });
  writeFileSync(file, lines.map((line) => `${line}\n`).join(""));
}

describe("the front-matter cache's record", () => {
  it("gives back what was set for a file under the same key only, and keeps only what a build used", () => {
    const dir = scratch();
    const first = openFrontMatterCache(dir);
    expect(first.get("a.md", "k1")).toBeUndefined();
    first.set("a.md", "k1", { title: "A" });
    first.set("b.md", "k2", { title: "B" });
    first.save();
    const second = openFrontMatterCache(dir);
    expect(second.damaged).toEqual([]);
    expect(second.get("a.md", "k1")).toEqual({ title: "A" });
    expect(second.get("a.md", "k-other")).toBeUndefined();
    second.save(); // b.md was not used: dropped
    const third = openFrontMatterCache(dir);
    expect(third.get("b.md", "k2")).toBeUndefined();
    expect(third.get("a.md", "k1")).toEqual({ title: "A" });
    rmSync(dir, { recursive: true });
  });

  it("is not written again when a build used every entry as it was", () => {
    const dir = scratch();
    const first = openFrontMatterCache(dir);
    first.set("a.md", "k1", 1);
    first.save();
    const file = path.join(dir, FRONT_MATTER_CACHE_FILE);
    writeFileSync(file, readFileSync(file)); // same bytes, a new time
    const before = statSync(file).mtimeMs;
    const second = openFrontMatterCache(dir);
    second.get("a.md", "k1");
    second.save();
    expect(statSync(file).mtimeMs).toBe(before);
    rmSync(dir, { recursive: true });
  });

  it("drops a line that differs from what was written and names its file, or 'an entry' when the name is gone too", () => {
    const dir = scratch();
    const first = openFrontMatterCache(dir);
    first.set("articles/a.md", "k1", { title: "A" });
    first.set("articles/b.md", "k2", { title: "B" });
    first.set("articles/c.md", "k3", { title: "C" });
    first.save();
    editRecord(dir, (rest) => rest.replace('"title":"A"', '"title":"X"').replace('["articles/c.md"', '["artic\\'), false);
    const file = path.join(dir, FRONT_MATTER_CACHE_FILE);
    writeFileSync(file, `${readFileSync(file, "utf8")}cut short\n`);
    const second = openFrontMatterCache(dir);
    expect(second.damaged).toEqual(["articles/a.md", "an entry", "an entry"]);
    expect(second.get("articles/a.md", "k1")).toBeUndefined();
    expect(second.get("articles/b.md", "k2")).toEqual({ title: "B" });
    rmSync(dir, { recursive: true });
  });
});

describe("loading articles with the front-matter cache", () => {
  /** The fixture newsroom in a folder of its own, its cache beside it. */
  const setUp = () => {
    const dir = scratch();
    const articles = path.join(dir, "articles");
    cpSync(fixtureArticles, articles, { recursive: true });
    return { dir, articles, cache: { dir: path.join(dir, "cache"), extraKey: "/" } satisfies ReadingCache };
  };
  /** Articles with their dates' instants and zones and their JSON (what page keys hash), for comparing loads; a field left undefined may be absent. */
  const asData = (loaded: Awaited<ReturnType<typeof loadArticles>>) => ({
    articles: loaded.articles.map((article) => ({ ...article, publishedAt: [article.publishedAt.toISO(), article.publishedAt.zoneName], json: JSON.stringify(article) })),
    problems: loaded.problems,
  });

  it("gives what parsing gives, warnings included, and reads the cached reading instead of parsing again", async () => {
    const { dir, articles, cache } = setUp();
    const parsed = await loadArticles(articles, context, projectRoot);
    const first = await loadArticles(articles, context, projectRoot, cache);
    const second = await loadArticles(articles, context, projectRoot, cache);
    expect(asData(first)).toEqual(asData(parsed));
    expect(asData(second)).toEqual(asData(parsed));
    expect(second.damagedCache).toEqual([]);
    // The reading comes from the record: a title changed there (checksum and all) is what loads.
    editRecord(cache.dir, (rest) => rest.replace('"title":"Trade bulletin no. 3"', '"title":"From the record"'), true);
    const third = await loadArticles(articles, context, projectRoot, cache);
    expect(third.articles.find((article) => article.sourcePath.endsWith("trade-bulletin-03.md"))!.title).toBe("From the record");
    rmSync(dir, { recursive: true });
  });

  it("parses a file again when its bytes change, when its cached reading is damaged, and when a photo it names is gone", async () => {
    const { dir, articles, cache } = setUp();
    await loadArticles(articles, context, projectRoot, cache);
    const bulletin = path.join(articles, "2025/01/trade-bulletin-03.md");
    writeFileSync(bulletin, readFileSync(bulletin, "utf8").replace('title: "Trade bulletin no. 3"', 'title: "Trade bulletin no. 3, corrected"'));
    editRecord(cache.dir, (rest) => rest.replace('"title":"Trade bulletin no. 1"', '"title":"Trade bulletin no. 9"'), false);
    const photo = path.join(articles, "2025/04/clinic-queue.jpg");
    rmSync(photo);
    const loaded = await loadArticles(articles, context, projectRoot, cache);
    expect(loaded.articles.find((article) => article.sourcePath.endsWith("trade-bulletin-03.md"))!.title).toBe("Trade bulletin no. 3, corrected");
    expect(loaded.damagedCache).toEqual([path.join(articles, "2025/01/trade-bulletin-01.md")]); // outside the project: in full
    expect(loaded.articles.find((article) => article.sourcePath.endsWith("trade-bulletin-01.md"))!.title).toBe("Trade bulletin no. 1");
    // Outside the project, a file is named by its full path.
    expect(loaded.problems.filter((problem) => problem.severity === "error").map((problem) => [problem.file, problem.field])).toEqual([[path.join(articles, "2025/04/updated-story.md"), "image.src"]]);
    rmSync(dir, { recursive: true });
  });

  it("decides embargoes by each build's clock, and reads again for other settings", async () => {
    const { dir, articles, cache } = setUp();
    const embargoed = (loaded: Awaited<ReturnType<typeof loadArticles>>) => loaded.articles.find((article) => article.sourcePath.endsWith("embargoed-story.md"))!.status;
    const earlier = { ...context, now: DateTime.fromISO("2025-06-01T00:00:00Z") };
    expect(embargoed(await loadArticles(articles, earlier, projectRoot, cache))).toBe("embargoed");
    expect(embargoed(await loadArticles(articles, context, projectRoot, cache))).toBe("published");
    editRecord(cache.dir, (rest) => rest.replace(/"title":"[^"]*"/, '"title":"From the record"'), true);
    const otherPrefix = await loadArticles(articles, context, projectRoot, { ...cache, extraKey: "/news/" });
    expect(otherPrefix.articles.map((article) => article.title)).not.toContain("From the record");
    rmSync(dir, { recursive: true });
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { watchErrors } from "../../tools/chromium.ts";
import type { StaticServer } from "../../tools/static-server.ts";
import { fixtureArticles, FIXTURE_EPOCH } from "../helpers/site.ts";
import { useServedSites } from "../helpers/served-site.ts";

// The fixture newsroom indexed twice: in shards of at most 16 articles (six English shards, two Chinese) and as one
// index (the shared build: the default shard, 2,000 articles, holds all of them). Whatever the shards, a reader must find the same articles, in the same newest-first
// order, with the same filter counts.
const env = { BROADSHEET_ARTICLES: fixtureArticles, SOURCE_DATE_EPOCH: FIXTURE_EPOCH };
const served = useServedSites({
  sharded: { env: { ...env, BROADSHEET_SEARCH_SHARD_SIZE: "16" } },
  single: { shared: "fixture" },
});

beforeAll(() => {
  expect(served.builds.sharded.stdout).toContain("in 8 shards");
  expect(served.builds.single.stdout).toContain("in 2 shards"); // one English, one Chinese
});

interface Answer {
  summary: string;
  urls: string[];
  filters: string[];
  /** The summary and shard folders fetched when the first page of results was ready. */
  firstPage: { summary: string; shards: string[] };
  /** Every Pagefind file fetched, to the last page. */
  fetched: string[];
}

/** The sharded site's English shards as its manifest lists them, newest first. */
const englishShards = (): Array<{ path: string; oldestDate: string }> =>
  (JSON.parse(readFileSync(path.join(served.builds.sharded.output, "pagefind", "shards.json"), "utf8")) as { languages: Record<string, Array<{ path: string; oldestDate: string }>> }).languages.en!;

/** The number a summary such as "14 results for “body” …" starts with. */
const firstPageCount = (summary: string) => Number(/^(\d+) results/.exec(summary)?.[1] ?? NaN);

/** The shard folders (`en/3/`) of the Pagefind files fetched. */
const shardsIn = (fetched: string[]) => [...new Set(fetched.flatMap((url) => /\/pagefind\/(en\/[0-9a-f]+\/)/.exec(url)?.[1] ?? []))];

/** Every result of a search (clicking "Show more" to the end) and the filter counts shown. */
async function answer(server: StaticServer, query: string): Promise<Answer> {
  const page: Page = await served.browser.newPage();
  const errors = watchErrors(page);
  const fetched: string[] = [];
  // The context sees the requests of Pagefind's web worker too.
  page.context().on("request", (request) => {
    if (request.url().includes("/pagefind/")) fetched.push(new URL(request.url()).pathname);
  });
  await page.goto(`${server.origin}/search/?${query}`);
  const ready = page.locator('[data-module="search-page"][data-state="ready"]');
  await ready.waitFor({ timeout: 15_000 });
  const firstPage = { summary: (await page.locator(".bs-search__summary").textContent()) ?? "", shards: shardsIn(fetched) };
  while (await page.locator(".bs-search__more").isVisible()) {
    await page.locator(".bs-search__more").click();
    await ready.waitFor();
  }
  const result: Answer = {
    summary: (await page.locator(".bs-search__summary").textContent()) ?? "",
    urls: await page.locator(".bs-search-result__link").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? "")),
    filters: await page.locator(".bs-search__filter-list label").allTextContents(),
    firstPage,
    fetched,
  };
  expect(errors).toEqual([]);
  await page.close();
  return result;
}

describe("search over shards answers as one index would", () => {
  it.each([
    ["a word in many shards", "q=body", 24],
    ["a word in one article", "q=quokkabeacon", 1],
    ["two words, in different shards but never in one article", "q=bulletin+quokkabeacon", 0],
    ["two words found together", "q=bulletin+body", 22],
    ["a known word and a word no article has", "q=trade+zzzqqxv", 22],
    ["a word every shard knows and one only the oldest shard knows", "q=body+4", 1],
    ["a word no article has", "q=zzzqqxv", 0],
    ["a filtered search", "q=body&section=Economy", 22],
    ["a search filtered by reporter and tag", "q=body&author=Zhou+Lan&tag=trade", 22],
  ])("%s: the same articles and filter counts", async (_, query, count) => {
    const [fromShards, fromOne] = await Promise.all([answer(served.servers.sharded, query), answer(served.servers.single, query)]);
    expect(fromOne.urls).toHaveLength(count); // what one index finds, so that both cannot be wrong alike
    expect(fromShards.summary).toBe(fromOne.summary);
    expect([...fromShards.urls].sort()).toEqual([...fromOne.urls].sort());
    expect([...fromShards.filters].sort()).toEqual([...fromOne.filters].sort());
  });

  it.each([
    ["a word in many shards", "q=body&sort=newest", 24],
    ["a word every shard knows and one only the oldest shard knows", "q=body+4&sort=newest", 1],
    ["a known word and a word no article has", "q=trade+zzzqqxv&sort=newest", 22],
    ["a filtered search", "q=body&sort=newest&section=Economy", 22],
  ])("%s, newest first: the same articles in the same order", async (_, query, count) => {
    const [fromShards, fromOne] = await Promise.all([answer(served.servers.sharded, query), answer(served.servers.single, query)]);
    expect(fromShards.urls.length).toBe(count);
    expect(fromShards.urls).toEqual(fromOne.urls);
    expect(fromShards.summary).toBe(fromOne.summary);
  });

  it("orders results newest first across shards exactly as one index does", async () => {
    const [fromShards, fromOne] = await Promise.all([answer(served.servers.sharded, "q=body&sort=newest"), answer(served.servers.single, "q=body&sort=newest")]);
    expect(fromShards.urls.length).toBe(24);
    expect(fromShards.urls).toEqual(fromOne.urls);
    expect(fromShards.urls[0]).toBe("/china/2025/04/cjk-title/");
    expect(fromShards.urls.at(-1)).toBe("/economy/2025/01/trade-bulletin-01/");
  });
});

describe("search over shards, lazily", () => {
  it("opens only the newest shards a first page needs, says since when, and goes on into older ones", async () => {
    const { firstPage, fetched, summary } = await answer(served.servers.sharded, "q=body&sort=newest");
    // The newest shards, in order, until their results fill a page of 10; the oldest stay closed.
    const english = englishShards();
    const opened = firstPage.shards.length;
    expect(opened).toBeGreaterThan(1);
    expect(opened).toBeLessThan(english.length);
    expect(firstPage.shards).toEqual(english.slice(0, opened).map((shard) => shard.path));
    expect(firstPage.summary).toBe(`${firstPageCount(firstPage.summary)} results for “body” in stories since ${english[opened - 1]!.oldestDate}`);
    expect(firstPageCount(firstPage.summary)).toBeGreaterThanOrEqual(10);
    expect(firstPageCount(firstPage.summary)).toBeLessThan(24);
    expect(shardsIn(fetched)).toHaveLength(english.length);
    expect(summary).toBe("24 results for “body”");
  });

  it("fetches Pagefind's engine once for every shard", async () => {
    const { fetched } = await answer(served.servers.sharded, "q=body");
    expect(shardsIn(fetched)).toHaveLength(englishShards().length);
    expect(fetched.filter((url) => /\/pagefind\.js$/.test(url))).toHaveLength(1);
    expect(fetched.filter((url) => /pagefind-worker\.js$/.test(url))).toHaveLength(1);
    expect(fetched.filter((url) => /\/wasm\.[a-z]+\.pagefind$/.test(url))).toHaveLength(1);
  });

  it("ranks the stories searched so far, and older ones too on request", async () => {
    const page: Page = await served.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${served.servers.sharded.origin}/search/?q=body`);
    const ready = page.locator('[data-module="search-page"][data-state="ready"]');
    await ready.waitFor({ timeout: 15_000 });
    const first = (await page.locator(".bs-search__summary").textContent()) ?? "";
    const since = /in stories since (.+)$/.exec(first)?.[1];
    expect(englishShards().map((shard) => shard.oldestDate)).toContain(since);
    expect(firstPageCount(first)).toBeLessThan(24);
    expect(await page.locator(".bs-search__counts-note").textContent()).toBe(`Counts in stories since ${since}`);
    await page.locator(".bs-search__older").click();
    await ready.waitFor();
    expect(await page.locator(".bs-search__summary").textContent()).toBe("24 results for “body”");
    expect(await page.locator(".bs-search__older").isVisible()).toBe(false);
    expect(await page.locator(".bs-search__counts-note").isVisible()).toBe(false);
    expect(await page.locator(".bs-search-result").count()).toBe(10);
    expect(errors).toEqual([]);
    await page.close();
  });
});

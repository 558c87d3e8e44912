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
}

/** Every result of a search (clicking "Show more" to the end) and the filter counts shown. */
async function answer(server: StaticServer, query: string): Promise<Answer> {
  const page: Page = await served.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.origin}/search/?${query}`);
  const ready = page.locator('[data-module="search-page"][data-state="ready"]');
  await ready.waitFor({ timeout: 15_000 });
  while (await page.locator(".bs-search__more").isVisible()) {
    await page.locator(".bs-search__more").click();
    await ready.waitFor();
  }
  const result: Answer = {
    summary: (await page.locator(".bs-search__summary").textContent()) ?? "",
    urls: await page.locator(".bs-search-result__link").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? "")),
    filters: await page.locator(".bs-search__filter-list label").allTextContents(),
  };
  expect(errors).toEqual([]);
  await page.close();
  return result;
}

describe("search over shards answers as one index would", () => {
  it.each([
    ["a word in many shards", "q=body"],
    ["a word in one article", "q=quokkabeacon"],
    ["two words, in different shards but never in one article", "q=bulletin+quokkabeacon"],
    ["two words found together", "q=bulletin+body"],
    ["a known word and a word no article has", "q=trade+zzzqqxv"],
    ["a filtered search", "q=body&section=Economy"],
  ])("%s: the same articles and filter counts", async (_, query) => {
    const [fromShards, fromOne] = await Promise.all([answer(served.servers.sharded, query), answer(served.servers.single, query)]);
    expect(fromShards.summary).toBe(fromOne.summary);
    expect([...fromShards.urls].sort()).toEqual([...fromOne.urls].sort());
    expect([...fromShards.filters].sort()).toEqual([...fromOne.filters].sort());
  });

  it("orders results newest first across shards exactly as one index does", async () => {
    const [fromShards, fromOne] = await Promise.all([answer(served.servers.sharded, "q=body&sort=newest"), answer(served.servers.single, "q=body&sort=newest")]);
    expect(fromShards.urls.length).toBe(24);
    expect(fromShards.urls).toEqual(fromOne.urls);
    expect(fromShards.urls[0]).toBe("/china/2025/04/cjk-title/");
    expect(fromShards.urls.at(-1)).toBe("/economy/2025/01/trade-bulletin-01/");
  });
});

import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { watchErrors } from "../../tools/chromium.ts";
import { useServedSites } from "../helpers/served-site.ts";

// The fixture newsroom twice: at the root, and under /newsroom/ as a GitHub Pages project site.
const served = useServedSites({
  root: { shared: "fixture" },
  prefixed: { shared: "fixturePrefixed", pathPrefix: "/newsroom/" },
});

async function openPage(url: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await served.browser.newContext({ viewport: { width: 1280, height: 1000 }, ...options });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  return { page, errors };
}

const resultHeadlines = (page: Page) => page.locator(".bs-search-result__headline").allTextContents();
const waitForSummary = (page: Page, pattern: RegExp) => expect.poll(() => page.locator(".bs-search__summary").textContent(), { timeout: 15_000 }).toMatch(pattern);

describe("the search page", () => {
  it("finds the one article with a rare word as the reader types, and opens it", async () => {
    const { page, errors } = await openPage(`${served.servers.root.origin}/search/`);
    await page.locator("#bs-search-q").pressSequentially("quokkabeacon");
    await waitForSummary(page, /^1 result/);
    await expect.poll(() => resultHeadlines(page)).toEqual(['Data & "AI": <Rules>']);
    await expect.poll(() => page.locator(".bs-search-result__meta").first().textContent()).toBe("Sci-Tech 1 Mar 2025");
    await page.locator(".bs-search-result__link").first().click();
    await page.waitForURL("**/sci-tech/2025/03/hostile-title/");
    expect(await page.locator("h1").textContent()).toBe('Data & "AI": <Rules>');
    expect(errors).toEqual([]);
  });

  it("runs the search in ?q= on load, so a search can be linked", async () => {
    const { page, errors } = await openPage(`${served.servers.root.origin}/search/?q=quokkabeacon`);
    await waitForSummary(page, /^1 result/);
    expect(await page.locator("#bs-search-q").inputValue()).toBe("quokkabeacon");
    expect(errors).toEqual([]);
  });

  it("narrows results by section", async () => {
    const { page, errors } = await openPage(`${served.servers.root.origin}/search/?q=body`);
    await waitForSummary(page, /^24 results/);
    await page.getByRole("checkbox", { name: /^China/ }).check();
    await waitForSummary(page, /^1 result/);
    // The summary updates before the list re-renders: wait for the list itself.
    await expect.poll(() => resultHeadlines(page)).toEqual(["人工智能 reshapes 碳中和 plans — a test of “CJK” titles"]);
    expect(errors).toEqual([]);
  });

  it("finds stories by a reporter's name and narrows results by reporter", async () => {
    const { page, errors } = await openPage(`${served.servers.root.origin}/search/?q=chen`);
    await waitForSummary(page, /^2 results/);
    await expect.poll(async () => (await resultHeadlines(page)).sort()).toEqual(['Data & "AI": <Rules>', "Updated story with a correction"]);
    await page.locator('[data-filter="author"]').getByRole("checkbox", { name: /^Li Wei/ }).check();
    await waitForSummary(page, /^1 result/);
    await expect.poll(() => resultHeadlines(page)).toEqual(["Updated story with a correction"]);
    expect(page.url()).toContain("author=Li+Wei");
    expect(errors).toEqual([]);
  });

  it("orders results newest first on request", async () => {
    const { page, errors } = await openPage(`${served.servers.root.origin}/search/?q=body&sort=newest`);
    await waitForSummary(page, /results/);
    // Results load lazily: wait until the first three have arrived.
    await expect.poll(async () => (await resultHeadlines(page)).slice(0, 3)).toEqual([
      "人工智能 reshapes 碳中和 plans — a test of “CJK” titles",
      'Data & "AI": <Rules>',
      "Trade bulletin no. 22",
    ]);
    expect(await page.locator('[data-sort="newest"]').getAttribute("aria-current")).toBe("true");
    expect(errors).toEqual([]);
  });

  it("is reached from the search form in every page's header", async () => {
    const { page, errors } = await openPage(`${served.servers.root.origin}/economy/`);
    await page.locator("#bs-search-form-q").fill("quokkabeacon");
    await page.locator("#bs-search-form-q").press("Enter");
    await page.waitForURL("**/search/?q=quokkabeacon");
    await waitForSummary(page, /^1 result/);
    expect(errors).toEqual([]);
  });

  it("explains itself when JavaScript is off", async () => {
    const { page } = await openPage(`${served.servers.root.origin}/search/?q=quokkabeacon`, { javaScriptEnabled: false });
    await expect.poll(() => page.locator(".bs-search__no-js").isVisible()).toBe(true);
    expect(await page.locator(".bs-search__no-js").textContent()).toContain("needs JavaScript");
    expect(await page.locator(".bs-search__ui").isVisible()).toBe(false);
    expect(await page.locator("#bs-search-q").isVisible()).toBe(false);
  });

  it("finds a Chinese article by a Chinese word, two characters long too", async () => {
    for (const word of ["炒茶", "码头", "青溪县"]) {
      const { page, errors } = await openPage(`${served.servers.root.origin}/zh/search/?q=${encodeURIComponent(word)}`);
      await expect.poll(() => resultHeadlines(page), { timeout: 15_000 }).toEqual(["茶叶节在港城开幕"]);
      expect(errors).toEqual([]);
    }
  });
});

describe("results of another edition's script (issue 16)", () => {
  it("mark a Chinese headline in the English edition lang=\"zh\", and open its Chinese URL", async () => {
    const { page, errors } = await openPage(`${served.servers.root.origin}/search/?q=wirebeacon`);
    await expect.poll(() => resultHeadlines(page), { timeout: 15_000 }).toEqual(["数字中国建设峰会在港城开幕"]);
    expect(await page.locator(".bs-search-result__headline").getAttribute("lang")).toBe("zh");
    // The tag filters: the Chinese tag is marked, 5G is not a word of any language.
    expect(await page.locator('label[lang="zh"]', { hasText: "数字中国" }).count()).toBe(1);
    expect(await page.locator("label:not([lang])", { hasText: "5G" }).count()).toBe(1);
    await page.locator(".bs-search-result__link").first().click();
    await page.waitForURL((url) => decodeURI(url.pathname) === "/china/2025/04/数字中国/");
    expect(await page.locator("h1").textContent()).toBe("数字中国建设峰会在港城开幕");
    expect(errors).toEqual([]);
  });

  it("mark an English tag lang=\"en\" in the Chinese edition, and leave Chinese headlines alone", async () => {
    const { page, errors } = await openPage(`${served.servers.root.origin}/zh/search/?q=${encodeURIComponent("渡轮")}`);
    await expect.poll(() => resultHeadlines(page), { timeout: 15_000 }).toEqual(["港城开通夜间渡轮"]);
    expect(await page.locator(".bs-search-result__headline").getAttribute("lang")).toBeNull();
    expect(await page.locator('label[lang="en"]', { hasText: "open data" }).count()).toBe(1);
    expect(await page.locator("label:not([lang])", { hasText: "数字中国" }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("open under PATH_PREFIX too", async () => {
    const { page, errors } = await openPage(`${served.servers.prefixed.origin}/newsroom/zh/search/?q=${encodeURIComponent("渡轮")}`);
    await expect.poll(() => resultHeadlines(page), { timeout: 15_000 }).toEqual(["港城开通夜间渡轮"]);
    await page.locator(".bs-search-result__link").first().click();
    await page.waitForURL((url) => decodeURI(url.pathname) === "/newsroom/zh/china/2025/04/港城夜渡/");
    expect(await page.locator("h1").textContent()).toBe("港城开通夜间渡轮");
    expect(errors).toEqual([]);
  });
});

describe("a Chinese reader", () => {
  it("lands on a Chinese page, switches to the English translation and back, and searches in Chinese", async () => {
    const { page, errors } = await openPage(`${served.servers.root.origin}/zh/sci-tech/2025/03/hostile-title/`);
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-Hans");
    await page.getByRole("link", { name: "Read in English" }).click();
    await page.waitForURL("**/sci-tech/2025/03/hostile-title/");
    expect(new URL(page.url()).pathname).toBe("/sci-tech/2025/03/hostile-title/");
    expect(await page.locator("h1").textContent()).toBe('Data & "AI": <Rules>');
    await page.getByRole("link", { name: "阅读中文版" }).click();
    await page.waitForURL("**/zh/sci-tech/2025/03/hostile-title/");
    await page.locator("#bs-search-form-q").fill("炒茶");
    await page.locator("#bs-search-form-q").press("Enter");
    await page.waitForURL("**/zh/search/?q=*");
    await expect.poll(() => resultHeadlines(page), { timeout: 15_000 }).toEqual(["茶叶节在港城开幕"]);
    expect(await page.locator(".bs-search__summary").textContent()).toBe("找到1条“炒茶”的结果");
    expect(errors).toEqual([]);
  });
});

describe("search under PATH_PREFIX=/newsroom/", () => {
  it("finds an article by a rare word and opens it under the prefix", async () => {
    const { page, errors } = await openPage(`${served.servers.prefixed.origin}/newsroom/search/?q=quokkabeacon`);
    await waitForSummary(page, /^1 result/);
    await expect.poll(() => resultHeadlines(page)).toEqual(['Data & "AI": <Rules>']);
    await page.locator(".bs-search-result__link").first().click();
    await page.waitForURL(`${served.servers.prefixed.origin}/newsroom/sci-tech/2025/03/hostile-title/`);
    expect(await page.locator("h1").textContent()).toBe('Data & "AI": <Rules>');
    expect(errors).toEqual([]);
  });
});

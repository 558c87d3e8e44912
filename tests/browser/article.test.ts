import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { watchErrors } from "../../tools/chromium.ts";
import { useServedSite } from "../helpers/served-site.ts";

// The demo newsroom: its articles share tags enough to fill several sets of recommendations.
const served = useServedSite({ shared: "demo" });
const ARTICLE = "/world/2026/10/kestrel-islands-brace-for-cyclone/";

async function open(path: string, javaScriptEnabled = true): Promise<{ page: Page; errors: string[] }> {
  const page = await (await served.browser.newContext({ javaScriptEnabled })).newPage();
  const errors = watchErrors(page);
  await page.goto(`${served.server.origin}${path}`);
  return { page, errors };
}

const visibleTitles = (page: Page) => page.locator(".bs-related li:visible > a").allTextContents();

describe("Recommended Reading", () => {
  it("shows another set on 'Change it', without reloading, announced to screen readers, cycling back", async () => {
    const { page, errors } = await open(ARTICLE);
    const first = await visibleTitles(page);
    expect(first).toHaveLength(4);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    const button = page.getByRole("button", { name: "Change it" });
    await button.click();
    const second = await visibleTitles(page);
    expect(second.length).toBeGreaterThan(0);
    expect(second.some((title) => first.includes(title))).toBe(false);
    expect(await page.locator('.bs-related [role="status"]').textContent()).toMatch(/^Showing 5–\d+ of \d+ recommendations$/);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    const sets = Math.ceil((await page.locator(".bs-related li").count()) / 4);
    for (let set = 2; set < sets; set++) await button.click();
    await button.click();
    expect(await visibleTitles(page)).toEqual(first);
    expect(errors).toEqual([]);
  });

  it("works from the keyboard", async () => {
    const { page } = await open(ARTICLE);
    const first = await visibleTitles(page);
    await page.getByRole("button", { name: "Change it" }).focus();
    await page.keyboard.press("Enter");
    expect(await visibleTitles(page)).not.toEqual(first);
  });

  it("is a plain list of the first set, with no button, when JavaScript is off", async () => {
    const { page } = await open(ARTICLE, false);
    expect(await visibleTitles(page)).toHaveLength(4);
    expect(await page.getByRole("button", { name: "Change it" }).count()).toBe(0);
  });
});

describe("every page type", () => {
  it("loads in Chromium with no console error (CSP violations included)", async () => {
    for (const path of ["/", "/world/", "/tags/", "/tags/climate/", ARTICLE, "/search/?q=ferry", "/404.html"]) {
      const { page, errors } = await open(path);
      await page.waitForLoadState("networkidle");
      expect(errors, path).toEqual([]);
    }
  });
});

import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { useServedSite } from "../helpers/served-site.ts";

// The demo's front page on a phone (375×667, the first screen of an iPhone SE): the compact
// masthead lets the lead headline show without scrolling, search is one link away with or
// without JavaScript, and every section link is reached by Tab though the row scrolls sideways.
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const served = useServedSite({ shared: "demo" });
const PHONE = { width: 375, height: 667 };
const SECTION_LINKS = ["/", "/china/", "/world/", "/economy/", "/sci-tech/", "/culture/", "/society/", "/tags/"];

describe("the front page on a phone", () => {
  it("shows the lead headline in the first screen, below the breaking strip, with nothing wider than the screen", async () => {
    const context = await served.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/`);
    const masthead = (await page.locator(".bs-masthead").boundingBox())!;
    const strip = (await page.locator(".bs-breaking").boundingBox())!;
    const headline = (await page.locator(".bs-lead__headline").boundingBox())!;
    console.log(`375×667: masthead ${Math.round(masthead.height)} px, strip at ${Math.round(strip.y)} px, lead headline at ${Math.round(headline.y)} px`);
    expect(masthead.height).toBeLessThan(140);
    expect(strip.y).toBeLessThan(headline.y);
    // At least its first line (2rem type) in the first screen; before, the masthead alone took 445 px and the headline began at 846.
    expect(headline.y + 48).toBeLessThan(PHONE.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });

  it("reaches search from a link without JavaScript; a wide screen keeps the form", async () => {
    const context = await served.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/zh/`);
    expect(await page.locator(".bs-search-form").isVisible()).toBe(false);
    await page.locator(".bs-masthead__search").click();
    await page.waitForURL(`${served.server.origin}/zh/search/`);
    // Search itself runs in the browser: without script the page says so and offers the sections and tags.
    expect(await page.locator(".bs-search__no-js").isVisible()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${served.server.origin}/`);
    expect(await page.locator(".bs-masthead__search").isVisible()).toBe(false);
    expect(await page.locator(".bs-search-form input").isVisible()).toBe(true);
    await context.close();
  });

  it("reaches every section link by Tab, each scrolled into view when focused", async () => {
    const context = await served.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/`);
    const reached: string[] = [];
    for (let press = 0; press < 20 && reached.length < SECTION_LINKS.length; press++) {
      await page.keyboard.press("Tab");
      const href = await page.evaluate(() => (document.activeElement?.closest(".bs-nav") ? document.activeElement.getAttribute("href") : null));
      if (href === null) continue;
      reached.push(href);
      // The browser scrolls the row to the focused link (a frame or so later).
      const inView = await page
        .waitForFunction(
          (width) => {
            const box = document.activeElement!.getBoundingClientRect();
            return box.left >= 0 && box.right <= width;
          },
          PHONE.width,
          { timeout: 2000 },
        )
        .then(() => true, () => false);
      expect(inView, href).toBe(true);
    }
    expect(reached).toEqual(SECTION_LINKS);
    await context.close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`has no axe violation at 375 px with the strip and top stories (${colorScheme})`, async () => {
      const context = await served.browser.newContext({ viewport: PHONE, bypassCSP: true, colorScheme });
      const page = await context.newPage();
      for (const path of ["/", "/zh/"]) {
        await page.goto(`${served.server.origin}${path}`);
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
          return result.violations.map((violation) => `${violation.id} (${violation.nodes.map((node) => node.target.join(" ")).join("; ")})`);
        });
        expect(violations, path).toEqual([]);
      }
      await context.close();
    });
  }
});

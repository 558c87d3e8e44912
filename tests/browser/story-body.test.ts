import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { watchErrors } from "../../tools/chromium.ts";
import { useServedSite } from "../helpers/served-site.ts";

// The story-body newsroom in Chromium: an embed loads nothing from its provider until the
// reader's click, a gallery scrolls from the keyboard, and captions and table cells are found by search.
const served = useServedSite({ shared: "storyBody" });
const PHOTO_STORY = "/society/2025/05/harbour-photo-story/";
const VIDEO_STORY = "/society/2025/05/harbour-video/";

/** A page whose every request to another host is refused and recorded (none may happen before a click). */
async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<{ page: Page; errors: string[]; outside: string[] }> {
  const context = await served.browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  const outside: string[] = [];
  await context.route(
    (url) => url.origin !== served.server.origin,
    async (route) => {
      outside.push(route.request().url());
      await route.abort();
    },
  );
  const errors = watchErrors(page);
  await page.goto(`${served.server.origin}${path}`);
  return { page, errors, outside };
}

describe("an embed", () => {
  it("asks no other server for anything until the reader's click, then loads the player with its title", async () => {
    const { page, errors, outside } = await open(VIDEO_STORY);
    const button = page.getByRole("button", { name: "Load The harbour at dawn (2 min) (from YouTube)" });
    await expect.poll(() => button.count()).toBe(1);
    await page.waitForLoadState("networkidle");
    expect(outside).toEqual([]);
    expect(await page.locator("iframe").count()).toBe(0);
    expect(errors).toEqual([]);
    await button.click();
    const frame = page.locator("iframe.bs-embed__frame");
    expect(await frame.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/M7lc1UVf-VE");
    expect(await frame.getAttribute("title")).toBe("The harbour at dawn (2 min)");
    // The player's request is the first to leave the site; the page's policy let it be made.
    await expect.poll(() => outside).toContain("https://www.youtube-nocookie.com/embed/M7lc1UVf-VE");
    expect(errors.filter((error) => /Content Security Policy/i.test(error))).toEqual([]);
  });

  it("is a plain link to the original page when JavaScript is off", async () => {
    const { page } = await open(VIDEO_STORY, { javaScriptEnabled: false });
    expect(await page.locator(".bs-embed").getByRole("button").count()).toBe(0);
    expect(await page.getByRole("link", { name: "The harbour at dawn (2 min)" }).getAttribute("href")).toBe("https://www.youtube.com/watch?v=M7lc1UVf-VE");
  });
});

describe("a gallery", () => {
  it("is reached by Tab and scrolled with the arrow keys, with no script, on a phone", async () => {
    const { page, errors } = await open(PHOTO_STORY, { javaScriptEnabled: false, width: 375 });
    const gallery = page.getByRole("region", { name: "Gallery: The quay at dawn" });
    await gallery.focus();
    expect(await gallery.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await gallery.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => gallery.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it("keeps every photo's box before the photo arrives, so nothing shifts when it does", async () => {
    const context = await served.browser.newContext({ viewport: { width: 375, height: 700 } });
    const page = await context.newPage();
    // Hold every photo until the boxes are measured: what a reader on a slow line sees first.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route("**/img/**", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${served.server.origin}${PHOTO_STORY}`, { waitUntil: "domcontentloaded" });
    // The stylesheet first (it sizes the boxes); only the photos are held.
    await page.waitForFunction(() => Array.from(document.styleSheets).some((sheet) => sheet.href?.endsWith("/assets/css/main.css") && sheet.cssRules.length > 0));
    const boxes = await page.locator(".bs-article__body img").evaluateAll((images) =>
      images.map((image) => ({ alt: image.getAttribute("alt"), complete: (image as HTMLImageElement).naturalWidth > 0, box: image.getBoundingClientRect().toJSON() as { width: number; height: number } })),
    );
    expect(boxes.length).toBe(5);
    for (const { alt, complete, box } of boxes) {
      expect(complete, alt ?? "").toBe(false);
      expect(box.width / box.height, `${alt}: ${JSON.stringify(box)}`).toBeGreaterThan(0.3);
    }
    const before = await page.locator(".bs-footnotes").evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
    release();
    await page.locator(".bs-article__body img").evaluateAll((images) => Promise.all(images.map((image) => (image as HTMLImageElement).decode().catch(() => undefined))));
    expect(await page.locator(".bs-footnotes").evaluate((element) => element.getBoundingClientRect().top + window.scrollY)).toBeCloseTo(before, 0);
  });
});

describe("a table at 320 px", () => {
  it("scrolls in its own box while the page does not", async () => {
    const { page } = await open("/economy/2025/05/ferry-fares-table/", { width: 320 });
    const table = page.getByRole("region", { name: "Ferry fares by route, June 2025 (yuan)" });
    expect(await table.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});

describe("search", () => {
  it("finds a story by a word of a photo's caption and by a word in a table", async () => {
    for (const [word, headline] of [
      ["idle", "The harbour at dawn, in photos"],
      ["Lantau", "What a ferry ride costs, route by route"],
    ] as const) {
      const { page } = await open(`/search/?q=${word}`);
      await expect.poll(() => page.locator(".bs-search__summary").textContent(), { timeout: 15_000 }).toMatch(/^1 result/);
      await expect.poll(() => page.locator(".bs-search-result__headline").allTextContents()).toEqual([headline]);
    }
  });
});

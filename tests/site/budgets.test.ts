import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listArticlePages, listPages, loadPage, type BuildResult } from "../helpers/site.ts";
import { sharedSite } from "../helpers/shared-sites.ts";
import { minifyCss } from "../../src/styles/minify-css.ts";

// Sizes are deterministic, so budgets are tests (SPEC §6); times are measured by npm run bench.
const KB = 1024;
let site: BuildResult;
beforeAll(async () => {
  site = await sharedSite("demo");
  expect(site.exitCode, site.stderr).toBe(0);
});

const fileSize = async (urlPath: string) => (await stat(path.join(site.output, urlPath))).size;

describe("budgets", () => {
  it("an article page's HTML is under 30 KB beyond its body", async () => {
    const articles = (await listArticlePages(site.output)).filter((page) => !page.startsWith("zh/"));
    expect(articles.length).toBeGreaterThanOrEqual(36);
    for (const page of articles) {
      const html = await readFile(path.join(site.output, page), "utf8");
      const $ = await loadPage(site.output, `/${page}`);
      const body = $(".bs-article__body").html() ?? "";
      expect(body.length, page).toBeGreaterThan(500);
      expect(Buffer.byteLength(html) - Buffer.byteLength(body), page).toBeLessThan(30 * KB);
    }
  });

  it("an article page repeats at most 15 KB around its body (issue 18: what an article costs the site)", async () => {
    // The head, masthead, footer, Recommended Reading and the rest come with every story: at
    // 50,000 stories each KB of them is 50 MB of the site. The demo's largest is about 14 KB
    // (photos with their srcsets, a byline, twelve recommendations); before issue 18, 17.1 KB.
    let largest = 0;
    for (const page of await listArticlePages(site.output)) {
      const html = await readFile(path.join(site.output, page), "utf8");
      const $ = await loadPage(site.output, `/${page}`);
      largest = Math.max(largest, Buffer.byteLength(html) - Buffer.byteLength($(".bs-article__body").html() ?? ""));
    }
    expect(largest).toBeLessThan(15 * KB);
  });

  it("every page but search loads under 15 KB of stylesheets, minified", async () => {
    expect(await fileSize("assets/css/main.css")).toBeLessThan(15 * KB);
    for (const file of ["assets/css/main.css", "assets/css/search.css"]) {
      const built = await readFile(path.join(site.output, file), "utf8");
      // Minified: no comments, no indentation, and minifying again saves nothing.
      expect(built, file).not.toMatch(/\/\*|\n\s/);
      expect(minifyCss(built).length, file).toBe(built.length);
    }
    // The search page adds its own stylesheet, as it adds its own script (the budget's exception).
    for (const page of (await listPages(site.output)).filter((file) => !/(^|\/)search\/index\.html$/.test(file))) {
      const $ = await loadPage(site.output, `/${page}`);
      let bytes = 0;
      for (const link of $('link[rel="stylesheet"]').toArray()) bytes += await fileSize($(link).attr("href")!.slice(1));
      expect(bytes, page).toBeLessThan(15 * KB);
    }
  });

  it("pages other than search load under 5 KB of script, none of it render-blocking", async () => {
    for (const page of await listPages(site.output)) {
      const $ = await loadPage(site.output, `/${page}`);
      let bytes = 0;
      for (const script of $("script[src]").toArray()) {
        const attributes = (script as { attribs: Record<string, string> }).attribs;
        // A module script is deferred by default; anything else must say async or defer.
        expect(attributes.type === "module" || "defer" in attributes || "async" in attributes, page).toBe(true);
        bytes += await fileSize(attributes.src!.replace(/^\//, ""));
      }
      if (!page.endsWith("search/index.html")) expect(bytes, page).toBeLessThan(5 * KB);
    }
  });

  it("every image has a width and a height, so nothing shifts as it loads", async () => {
    let images = 0;
    for (const page of await listPages(site.output)) {
      const $ = await loadPage(site.output, `/${page}`);
      $("img").each((_, img) => {
        images++;
        expect(Number($(img).attr("width")), page).toBeGreaterThan(0);
        expect(Number($(img).attr("height")), page).toBeGreaterThan(0);
      });
    }
    expect(images).toBeGreaterThanOrEqual(4);
  });

  it("the article image above the fold is fetched first; none is lazy there", async () => {
    const $ = await loadPage(site.output, "/china/2026/08/harbour-city-opens-night-ferry/");
    const img = $(".bs-article__figure img");
    expect(img.attr("fetchpriority")).toBe("high");
    expect(img.attr("loading")).toBeUndefined();
    expect($(".bs-article__figure source[type='image/webp']").attr("srcset")).toMatch(/\.webp 480w/);
    expect($(".bs-article__caption").text()).toContain("Illustration: Broadsheet Daily");
  });
});

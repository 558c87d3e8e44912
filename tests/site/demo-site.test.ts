import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, findBrokenLinks, listArticlePages, loadPage, projectRoot, type BuildResult } from "../helpers/site.ts";
import { runHtmlValidate, runNuChecker } from "../helpers/validators.ts";
import { findArticleFiles } from "../../src/content/article-files.mjs";

// The demo newsroom exactly as `npm run build` makes it for a newcomer.
let site: BuildResult;
beforeAll(async () => {
  site = await buildSite({});
  expect(site.exitCode, site.stderr).toBe(0);
});

describe("the demo newsroom", () => {
  it("has at least 36 articles, five or more in every section, each with a page", async () => {
    const { files } = findArticleFiles(path.join(projectRoot, "articles"));
    expect(files.length).toBeGreaterThanOrEqual(36);
    const articlePages = await listArticlePages(site.output);
    expect(articlePages).toHaveLength(files.length);
    for (const section of ["china", "world", "economy", "sci-tech", "culture", "society"]) {
      expect(articlePages.filter((page) => page.startsWith(`${section}/`)).length, section).toBeGreaterThanOrEqual(5);
    }
    // The Chinese edition: at least eight articles, four or more of them translations.
    const chinese = articlePages.filter((page) => page.startsWith("zh/"));
    expect(chinese.length).toBeGreaterThanOrEqual(8);
    let translated = 0;
    for (const page of chinese) if ((await loadPage(site.output, `/${page}`))(".bs-article__translation").length) translated++;
    expect(translated).toBeGreaterThanOrEqual(4);
  });

  it("builds with no warning about its own articles", () => {
    // On the real clock the demo's breaking strip (_data/front.json) comes down at its expiry, saying so.
    const warnings = site.stderr.split("\n").filter((line) => line.includes("warning"));
    expect(warnings.filter((line) => !/warning: _data\/front\.json: (en|zh)\.breaking\.expires: .* has passed/.test(line))).toEqual([]);
  });

  it("passes html-validate and the Nu HTML Checker on every page", async () => {
    expect(await runHtmlValidate(site.output)).toBe("");
    expect(await runNuChecker(site.output)).toEqual([]);
  });

  it("links only to pages and assets that exist", async () => {
    expect(await findBrokenLinks(site.output)).toEqual([]);
  });

  it("shows every article in its section's index and every tag on the tag index", async () => {
    const $ = await loadPage(site.output, "/tags/");
    const counts = $(".bs-tag-index__count").map((_, span) => Number($(span).text().replace(/\D/g, ""))).get();
    expect(counts.every((count) => count > 0)).toBe(true);
    const html = await readFile(path.join(site.output, "tags/index.html"), "utf8");
    expect(html).toContain(">5G<");
    expect(html).toContain(">C++<");
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { findBrokenLinks, listPages, loadPage, type BuildResult } from "../helpers/site.ts";
import { sharedSite } from "../helpers/shared-sites.ts";

// A GitHub Pages project site: served under /newsroom/, canonical URLs on the account's origin.
let site: BuildResult;
beforeAll(async () => {
  site = await sharedSite("fixturePrefixed"); // PATH_PREFIX=/newsroom/, SITE_URL=https://editors.example.io
  expect(site.exitCode, site.stderr).toBe(0);
});

describe("a build with PATH_PREFIX=/newsroom/", () => {
  it("puts every internal link, stylesheet and icon under /newsroom/, and they all resolve", async () => {
    for (const page of await listPages(site.output)) {
      const $ = await loadPage(site.output, `/${page}`);
      const refs = $("a[href], link[href], script[src], img[src]")
        .map((_, element) => $(element).attr("href") ?? $(element).attr("src"))
        .get()
        .filter((href) => !/^(?:[a-z]+:|#)/.test(href));
      expect(refs.length, page).toBeGreaterThan(10);
      for (const href of refs) expect(href, page).toMatch(/^\/newsroom\//);
    }
    expect(await findBrokenLinks(site.output, "/newsroom/")).toEqual([]);
  });

  it("makes canonical URLs from SITE_URL and the prefix", async () => {
    const $ = await loadPage(site.output, "/tags/c-plus-plus/");
    expect($('link[rel="canonical"]').attr("href")).toBe("https://editors.example.io/newsroom/tags/c-plus-plus/");
    expect($('link[rel="stylesheet"]').attr("href")).toBe("/newsroom/assets/css/main.css");
    expect($('link[rel="icon"]').attr("href")).toBe("/newsroom/assets/brand/favicon.svg");
  });
});

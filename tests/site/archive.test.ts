import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, findBrokenLinks, fixtureArticles, FIXTURE_EPOCH, listPages, loadPage, type BuildResult } from "../helpers/site.ts";
import { sharedSite } from "../helpers/shared-sites.ts";
import { runHtmlValidate, runNuChecker } from "../helpers/validators.ts";

// The fixture newsroom as other suites share it, and a copy of it with 50 more stories on
// 1 March by one reporter under one tag (52 that day: three pages), built once here: the long
// lists whose pages the fixture's own lists (22 stories at most) are too short to show.
let site: BuildResult;
let busy: BuildResult;
const BUSY = 50;

beforeAll(async () => {
  const articles = path.join(await mkdtemp(path.join(os.tmpdir(), "broadsheet-archive-")), "articles");
  await cp(fixtureArticles, articles, { recursive: true });
  for (let n = 1; n <= BUSY; n++) {
    const minute = String(n).padStart(2, "0");
    await writeFile(
      path.join(articles, "2025/03", `busy-${minute}.md`),
      `---\ntitle: "Busy day, story ${minute}"\ndate: 2025-03-01T12:${minute}:00+08:00\nsection: world\nauthors: [zhou-lan]\ntags: [trade]\n---\n\nOne of many stories on 1 March.\n`,
    );
  }
  [site, busy] = await Promise.all([
    sharedSite("fixture"),
    buildSite({ BROADSHEET_ARTICLES: articles, SOURCE_DATE_EPOCH: FIXTURE_EPOCH, SITE_URL: "https://news.example.org" }),
  ]);
  expect(site.exitCode, site.stderr).toBe(0);
  expect(busy.exitCode, busy.stderr).toBe(0);
}, 240_000);

const texts = ($: Awaited<ReturnType<typeof loadPage>>, selector: string) => $(selector).map((_, element) => $(element).text().replace(/\s+/g, " ").trim()).get();

describe("the archive by date", () => {
  it("lists the years and months with their story counts, without the draft or the embargoed story", async () => {
    const $ = await loadPage(site.output, "/archive/");
    expect($("h1").text()).toBe("Archive");
    expect(texts($, "main h2")).toEqual(["2025 (29)"]);
    expect(texts($, ".bs-archive li")).toEqual(["April (4)", "March (2)", "February (1)", "January (22)"]);
    expect($(".bs-archive a").map((_, a) => $(a).attr("href")).get()).toEqual(["/archive/2025/04/", "/archive/2025/03/", "/archive/2025/02/", "/archive/2025/01/"]);
    // The embargoed story (July) and the draft (2 April) have no page in the archive.
    const pages = await listPages(site.output);
    expect(pages.filter((page) => page.startsWith("archive/2025/07") || page.startsWith("archive/2025/04/02"))).toEqual([]);
  });

  it("lists a month's days with their counts, linking to the day pages", async () => {
    const $ = await loadPage(site.output, "/archive/2025/04/");
    expect($("h1").text()).toBe("April 2025");
    expect($("h1 time").attr("datetime")).toBe("2025-04");
    expect(texts($, ".bs-list-page__description")).toEqual(["Stories published in April 2025, day by day. 4 articles."]);
    expect(texts($, ".bs-archive li")).toEqual(["Sunday 20 April (1)", "Thursday 10 April (2)", "Tuesday 1 April (1)"]);
    expect($(".bs-archive time").map((_, time) => $(time).attr("datetime")).get()).toEqual(["2025-04-20", "2025-04-10", "2025-04-01"]);
    expect($(".bs-archive a").first().attr("href")).toBe("/archive/2025/04/20/");
  });

  it("puts the 00:30 +08:00 story and the one at 16:30 UTC the day before on 1 March, the site's day", async () => {
    const $ = await loadPage(site.output, "/archive/2025/03/01/");
    expect($("h1").text()).toBe("Saturday, 1 March 2025");
    expect($(".bs-teaser-list :is(h2, h3) a").map((_, a) => $(a).attr("href")).get()).toEqual(["/sci-tech/2025/03/hostile-title/", "/world/2025/03/utc-midnight/"]);
    expect($(".bs-teaser-list :is(h2, h3)").first().text()).toBe('Data & "AI": <Rules>');
    expect(texts($, ".bs-list-page__kind a")).toEqual(["Archive", "March 2025"]);
    const pages = await listPages(site.output);
    expect(pages.filter((page) => page.startsWith("archive/2025/02/28"))).toEqual([]);
    // A story at 23:59 in Shanghai stays on its day.
    const late = await loadPage(site.output, "/archive/2025/04/20/");
    expect(late(".bs-teaser-list :is(h2, h3) a").attr("href")).toBe("/china/2025/04/cjk-title/");
  });

  it("gives the Chinese edition its own archive in Chinese date words", async () => {
    const index = await loadPage(site.output, "/zh/archive/");
    expect(index("html").attr("lang")).toBe("zh-Hans");
    expect(index("h1").text()).toBe("新闻归档");
    expect(texts(index, "main h2")).toEqual(["2025年 (3)"]);
    expect(texts(index, ".bs-archive li")).toEqual(["五月 (1)", "四月 (1)", "三月 (1)"]);
    // The two indexes are each other's translation.
    expect(index('link[rel="alternate"][hreflang="en"]').attr("href")).toBe("https://news.example.org/archive/");
    expect(index(".bs-masthead__edition").attr("href")).toBe("/archive/");
    const month = await loadPage(site.output, "/zh/archive/2025/03/");
    expect(month("h1").text()).toBe("2025年3月");
    expect(texts(month, ".bs-list-page__description")).toEqual(["2025年3月发布的报道，按日浏览。 共1篇文章。"]);
    const day = await loadPage(site.output, "/zh/archive/2025/03/01/");
    expect(day("h1").text()).toBe("2025年3月1日星期六");
    expect(day(".bs-teaser-list :is(h2, h3) a").map((_, a) => day(a).attr("href")).get()).toEqual(["/zh/sci-tech/2025/03/hostile-title/"]);
    expect(day("title").text()).toBe("2025年3月1日星期六 | 大报日刊");
  });

  it("is linked from every page's footer, in the page's edition", async () => {
    for (const page of await listPages(site.output)) {
      const $ = await loadPage(site.output, `/${page}`);
      const archive = page.startsWith("zh/") ? "/zh/archive/" : "/archive/";
      expect($(`.bs-footer a[href="${archive}"]`).text(), page).toBe(page.startsWith("zh/") ? "按日期浏览往期新闻" : "Browse the archive by date");
    }
  });

  it("lists every archive page in the sitemap, dated by its newest story", async () => {
    const { urlset } = new XMLParser({ isArray: (name) => name === "url" }).parse(await readFile(path.join(site.output, "sitemap.xml"), "utf8"));
    const lastmod = new Map<string, string>(urlset.url.map((url: { loc: string; lastmod: string }) => [url.loc.replace("https://news.example.org", ""), url.lastmod]));
    const archivePages = (await listPages(site.output)).filter((page) => /(^|\/)archive\//.test(page)).map((page) => `/${page.replace(/index\.html$/, "")}`);
    expect(archivePages).toHaveLength(39); // 2 indexes, 7 months, 30 days
    for (const page of archivePages) expect(lastmod.has(page), page).toBe(true);
    expect(lastmod.get("/archive/")).toBe("2025-04-20T23:59:00+08:00");
    expect(lastmod.get("/archive/2025/03/")).toBe("2025-03-01T00:30:00+08:00");
    // A day page changes when one of its stories is updated (updated-story: 11 April, 12:15).
    expect(lastmod.get("/archive/2025/04/10/")).toBe("2025-04-11T12:15:00+08:00");
    expect(lastmod.get("/zh/archive/")).toBe("2025-05-12T10:00:00+08:00");
  });

  it("paginates a busy day like a section: its newest on the first page, then pages counted from the oldest", async () => {
    const first = await loadPage(busy.output, "/archive/2025/03/01/");
    expect(first(".bs-teaser-list > li")).toHaveLength(12);
    expect(first(".bs-teaser-list :is(h2, h3)").first().text()).toBe("Busy day, story 50");
    expect(texts(first, ".bs-list-page__description")).toEqual(["Stories published on Saturday, 1 March 2025 in Broadsheet Daily, newest first. 52 articles."]);
    expect(first('link[rel="next"]').attr("href")).toBe("/archive/2025/03/01/page/2/");
    const oldest = await loadPage(busy.output, "/archive/2025/03/01/page/1/");
    expect(oldest(".bs-teaser-list :is(h2, h3) a").map((_, a) => oldest(a).attr("href")).get().slice(-3)).toEqual([
      "/world/2025/03/busy-01/",
      "/sci-tech/2025/03/hostile-title/",
      "/world/2025/03/utc-midnight/",
    ]);
    expect(oldest('.bs-pagination a[rel="prev"]').attr("href")).toBe("/archive/2025/03/01/page/2/");
    expect(oldest('.bs-pagination a[rel="next"]')).toHaveLength(0);
    expect(oldest("title").text()).toBe("Saturday, 1 March 2025 (page 1) | Broadsheet Daily");
    expect(texts(oldest, ".bs-list-page__description")).toEqual(["Stories published on Saturday, 1 March 2025 in Broadsheet Daily, newest first. Page 1: 1 Mar 2025."]);
    const month = await loadPage(busy.output, "/archive/2025/03/");
    expect(texts(month, ".bs-archive li")).toEqual(["Saturday 1 March (52)"]);
  });

  // Every long list the same way: a section, a tag, a reporter, walked from the first page
  // by its "Older" links, as a reader (or a crawler) would.
  for (const [kind, url] of [["section", "/world/"], ["tag", "/tags/trade/"], ["reporter", "/authors/zhou-lan/"]] as const) {
    it(`gives a ${kind}'s long list stable pages: the newest first, then whole pages of 20 numbered from the oldest`, async () => {
      const first = await loadPage(busy.output, url);
      const total = Number(/(\d+) articles\./.exec(first(".bs-list-page__description").text())![1]);
      const seen: string[] = [];
      const firstTitles = first(".bs-teaser-list :is(h2, h3) a").map((_, a) => first(a).attr("href")).get();
      expect(firstTitles.length, url).toBeGreaterThanOrEqual(10);
      expect(firstTitles.length, url).toBeLessThan(30);
      seen.push(...firstTitles);
      expect(first('.bs-pagination a[aria-current="page"]').text()).toBe("Latest");
      const numbered = (total - firstTitles.length) / 20;
      expect(Number.isInteger(numbered) && numbered >= 1, `${url}: ${total} stories`).toBe(true);
      let previous: string = url;
      let next = first('a[rel="next"]').attr("href");
      for (let number = numbered; number >= 1; number--) {
        expect(next, url).toBe(`${url}page/${number}/`);
        const page = await loadPage(busy.output, next!);
        const hrefs = page(".bs-teaser-list :is(h2, h3) a").map((_, a) => page(a).attr("href")).get();
        expect(hrefs, next).toHaveLength(20);
        seen.push(...hrefs);
        expect(page('a[rel="prev"]').attr("href"), next).toBe(previous);
        expect(page("title").text(), next).toMatch(new RegExp(`\\(page ${number}\\) \\| Broadsheet Daily$`));
        expect(page('.bs-pagination a[aria-current="page"]').text(), next).toBe(String(number));
        // No page but the first says how long the list is, so a new story leaves it as it was.
        expect(page(".bs-list-page__description").text(), next).not.toContain(String(total));
        previous = next!;
        next = page('a[rel="next"]').attr("href");
      }
      expect(next, url).toBeUndefined();
      expect(new Set(seen).size).toBe(total);
      expect(seen.length).toBe(total);
    });
  }

  it("passes html-validate and the Nu HTML Checker, and every internal link resolves", async () => {
    expect(await runHtmlValidate(busy.output)).toBe("");
    expect(await runNuChecker(busy.output)).toEqual([]);
    expect(await findBrokenLinks(busy.output)).toEqual([]);
  }, 180_000);
});

import { readFile } from "node:fs/promises";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { listPages, loadPage, type BuildResult } from "../helpers/site.ts";
import { sharedSite } from "../helpers/shared-sites.ts";

// The fixture newsroom's Chinese edition: a translation of the hostile-title article (both
// share translationKey "rules") and a Chinese-only story.
const SITE = "https://news.example.org"; // the shared fixture build's SITE_URL
const english = "/sci-tech/2025/03/hostile-title/";
const chinese = "/zh/sci-tech/2025/03/hostile-title/";
let site: BuildResult;

beforeAll(async () => {
  site = await sharedSite("fixture");
  expect(site.exitCode, site.stderr).toBe(0);
});

const alternates = async (url: string) => {
  const $ = await loadPage(site.output, url);
  return Object.fromEntries($('link[rel="alternate"][hreflang]').map((_, link) => [[$(link).attr("hreflang"), $(link).attr("href")]]).get());
};

describe("translations", () => {
  it("link to each other in <head> with hreflang, both ways, with x-default on the English one", async () => {
    const expected = { en: `${SITE}${english}`, "zh-Hans": `${SITE}${chinese}`, "x-default": `${SITE}${english}` };
    expect(await alternates(english)).toEqual(expected);
    expect(await alternates(chinese)).toEqual(expected);
  });

  it("link to each other visibly, each in the other's language", async () => {
    const en = await loadPage(site.output, english);
    expect(en(".bs-article__translation a").text()).toBe("阅读中文版");
    expect(en(".bs-article__translation a").attr("href")).toBe(chinese);
    expect(en(".bs-article__translation a").attr("lang")).toBe("zh-Hans");
    const zh = await loadPage(site.output, chinese);
    expect(zh(".bs-article__translation a").text()).toBe("Read in English");
    expect(zh(".bs-article__translation a").attr("href")).toBe(english);
  });

  it("switch editions from the masthead: to the translation, or to the other edition's front page", async () => {
    expect((await loadPage(site.output, chinese))(".bs-masthead__edition").attr("href")).toBe(english);
    expect((await loadPage(site.output, "/zh/culture/2025/05/harbour-tea-festival/"))(".bs-masthead__edition").attr("href")).toBe("/");
    expect((await loadPage(site.output, "/world/"))(".bs-masthead__edition").attr("href")).toBe("/zh/");
  });

  it("are listed as alternates in the sitemap", async () => {
    const xml = await readFile(path.join(site.output, "sitemap.xml"), "utf8");
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["url", "xhtml:link"].includes(name) }).parse(xml);
    expect(parsed.urlset["@xmlns:xhtml"]).toBe("http://www.w3.org/1999/xhtml");
    for (const page of [english, chinese]) {
      const entry = parsed.urlset.url.find((url: { loc: string }) => url.loc === `${SITE}${page}`);
      expect(entry["xhtml:link"].map((link: Record<string, string>) => [link["@hreflang"], link["@href"]])).toEqual([
        [page === english ? "en" : "zh-Hans", `${SITE}${page}`],
        [page === english ? "zh-Hans" : "en", `${SITE}${page === english ? chinese : english}`],
      ]);
    }
  });
});

describe("the Chinese edition", () => {
  it("is Chinese throughout: lang, dates, labels, interface words and footer", async () => {
    for (const page of (await listPages(site.output)).filter((file) => file.startsWith("zh/"))) {
      expect((await loadPage(site.output, `/${page}`))("html").attr("lang"), page).toBe("zh-Hans");
    }
    const $ = await loadPage(site.output, chinese);
    expect($(".bs-article__dateline time").text()).toBe("2025年3月1日 08:00");
    expect($(".bs-article__section a").text()).toBe("科技");
    expect($(".bs-article__editor").text()).toBe("编辑：林乔");
    expect($(".bs-tags h2").text()).toBe("标签");
    expect($(".bs-skip-link").text()).toBe("跳到正文");
    expect($(".bs-search-form label").text()).toBe("搜索文章");
    expect($(".bs-related h2").text()).toBe("推荐阅读");
    expect($(".bs-related").attr("data-label-change")).toBe("换一换");
    expect($("#bs-footer-statement-heading").text()).toBe("特别声明");
    expect($("title").text()).toBe("数据与“人工智能”：<规则> | 大报日刊");
    const home = await loadPage(site.output, "/zh/");
    expect(home(".bs-masthead__name").text()).toBe("大报日刊");
    expect(home(".bs-latest__heading").text()).toBe("最新");
    expect(home(".bs-teaser-list :is(h2, h3) + p time").first().text()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  });

  it("has its own section and tag pages, with only its own articles", async () => {
    const section = await loadPage(site.output, "/zh/sci-tech/");
    expect(section("h1").text()).toBe("科技");
    expect(section(".bs-list-page__kind").text()).toBe("栏目");
    expect(section(".bs-teaser-list :is(h2, h3) a").map((_, a) => section(a).text()).get()).toEqual(["数据与“人工智能”：<规则>"]);
    const tag = await loadPage(site.output, "/zh/tags/人工智能/");
    expect(tag(".bs-teaser-list :is(h2, h3) a").map((_, a) => tag(a).text()).get()).toEqual(["数据与“人工智能”：<规则>"]);
    const englishTag = await loadPage(site.output, "/tags/人工智能/");
    expect(englishTag(".bs-teaser-list :is(h2, h3) a").map((_, a) => englishTag(a).text()).get()).toEqual(["人工智能 reshapes 碳中和 plans — a test of “CJK” titles", 'Data & "AI": <Rules>']);
    const tags = await loadPage(site.output, "/zh/tags/");
    expect(tags("h1").text()).toBe("全部标签");
    expect(tags(".bs-tag-index__link").map((_, a) => tags(a).text()).get().sort()).toEqual(["open data", "人工智能", "数字中国", "茶叶", "非遗"].sort());
  });

  it("has its own search page, feeds and front page linked to the other edition's", async () => {
    const search = await loadPage(site.output, "/zh/search/");
    expect(search("h1").text()).toBe("搜索");
    expect(search("[data-module=search-page]").attr("data-lang")).toBe("zh");
    expect(search("[data-module=search-page]").attr("data-results-one")).toBe("找到1条“{term}”的结果");
    expect(await alternates("/zh/")).toEqual({ en: `${SITE}/`, "zh-Hans": `${SITE}/zh/`, "x-default": `${SITE}/` });
  });
});

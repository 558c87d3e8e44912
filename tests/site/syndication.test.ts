import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { readSettings } from "../../src/config/site-settings.ts";
import { buildSite, fixtureArticles, listPages, loadPage, type BuildResult } from "../helpers/site.ts";

// "Now" is 2025-05-13T00:00:00Z: the Chinese tea-festival article (12 May, 10:00 in Shanghai) is
// within the last 48 hours; the July article is still embargoed.
const NOW = "1747094400";
// 46.5 hours after the tea festival: Google would still take it, but the next build may come after
// it turns 48 (rebuildWithinHours is 2), so no article qualifies for the news sitemap.
const NOW_NO_NEWS = "1747182600";
const SITE = "https://news.example.org";
let site: BuildResult;
let noNews: BuildResult;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["entry", "url", "link", "category", "author", "sitemap"].includes(name) });

beforeAll(async () => {
  [site, noNews] = await Promise.all([
    buildSite({ BROADSHEET_ARTICLES: fixtureArticles, SOURCE_DATE_EPOCH: NOW, SITE_URL: SITE }),
    buildSite({ BROADSHEET_ARTICLES: fixtureArticles, SOURCE_DATE_EPOCH: NOW_NO_NEWS, SITE_URL: SITE, PATH_PREFIX: "/newsroom/" }),
  ]);
  expect(site.exitCode, site.stderr).toBe(0);
  expect(noNews.exitCode, noNews.stderr).toBe(0);
});

async function readXml(file: string) {
  const text = await readFile(path.join(site.output, file), "utf8");
  expect(XMLValidator.validate(text), file).toBe(true);
  return parser.parse(text);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const HOSTILE = 'Data & "AI": <Rules>';
const SCRIPT_TITLE = "Why </script><script>alert(1)</script> breaks naive pages";
const text = (value: unknown) => (typeof value === "object" && value !== null ? (value as { "#text": string })["#text"] : value);

describe("the Atom feeds (RFC 4287)", () => {
  it("the site feed has the required feed elements and newest entries first", async () => {
    const { feed } = await readXml("feed.xml");
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe(`${SITE}/`);
    expect(text(feed.title)).toBe("Broadsheet Daily");
    expect(feed.updated).toMatch(RFC3339);
    expect(feed.link.find((link: Record<string, string>) => link["@rel"] === "self")["@href"]).toBe(`${SITE}/feed.xml`);
    expect(feed.author[0].name).toBe("Broadsheet Daily");
    const published = feed.entry.map((entry: { published: string }) => Date.parse(entry.published));
    expect(published).toEqual([...published].sort((a, b) => b - a));
    // The English edition's feed: its 29 articles; the Chinese ones have a feed of their own.
    expect(feed.entry).toHaveLength(29);
    expect(feed.updated).toBe(feed.entry[0].updated);
  });

  it("every entry has an id, title, updated, alternate link under SITE_URL, author and content", async () => {
    const { feed } = await readXml("feed.xml");
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(new RegExp(`^${SITE}/`));
      expect(text(entry.title)).toBeTruthy();
      expect(entry.updated).toMatch(RFC3339);
      expect(entry.published).toMatch(/\+08:00$/);
      expect(entry.link[0]["@href"]).toBe(entry.id);
      expect(entry.author.length).toBeGreaterThan(0);
      expect(text(entry.content)).toBeTruthy();
    }
  });

  it("round-trips hostile and CJK titles exactly, with absolute links inside content", async () => {
    const { feed } = await readXml("feed.xml");
    const titles = feed.entry.map((entry: { title: unknown }) => text(entry.title));
    expect(titles).toContain(HOSTILE);
    expect(titles).toContain(SCRIPT_TITLE);
    expect(titles).not.toContain("茶叶节在港城开幕");
    const hostile = feed.entry.find((entry: { title: unknown }) => text(entry.title) === HOSTILE);
    expect(text(hostile.content)).toContain(`href="${SITE}/economy/"`);
    // Its reporter, not its credit ("New Society"), is the entry's author.
    expect(hostile.author[0].name).toBe("Chen Yu");
    expect(hostile.author[0].uri).toBe(`${SITE}/authors/chen-yu/`);
    expect(hostile.category.map((category: Record<string, string>) => category["@term"])).toEqual(["sci-tech", "C++", "C#", "人工智能", "climate"]);
  });

  it("the Chinese edition has its own feeds, in Chinese", async () => {
    const { feed } = await readXml("zh/feed.xml");
    expect(feed["@xml:lang"]).toBe("zh");
    expect(text(feed.title)).toBe("大报日刊");
    expect(feed.entry.map((entry: { title: unknown }) => text(entry.title))).toEqual(["茶叶节在港城开幕", "港城开通夜间渡轮", "数据与“人工智能”：<规则>"]);
    expect(feed.entry[0].id).toBe(`${SITE}/zh/culture/2025/05/harbour-tea-festival/`);
    const json = JSON.parse(await readFile(path.join(site.output, "zh/feed.json"), "utf8"));
    expect(json.language).toBe("zh");
    expect(json.items[0].tags[0]).toBe("文化");
  });

  it("each section has its own feed of its articles only", async () => {
    const { feed } = await readXml("economy/feed.xml");
    expect(feed.link.find((link: Record<string, string>) => link["@rel"] === "self")["@href"]).toBe(`${SITE}/economy/feed.xml`);
    expect(feed.entry).toHaveLength(20);
    for (const entry of feed.entry) expect(entry.id).toMatch(new RegExp(`^${SITE}/economy/`));
  });
});

describe("the JSON Feed (1.1)", () => {
  it("has the required fields, exact titles and dates with their offset", async () => {
    const feed = JSON.parse(await readFile(path.join(site.output, "feed.json"), "utf8"));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.title).toBe("Broadsheet Daily");
    expect(feed.feed_url).toBe(`${SITE}/feed.json`);
    expect(feed.home_page_url).toBe(`${SITE}/`);
    expect(feed.items.length).toBe(29);
    for (const item of feed.items) {
      expect(typeof item.id).toBe("string");
      expect(item.url).toMatch(new RegExp(`^${SITE}/`));
      expect(item.content_html.length).toBeGreaterThan(0);
      expect(item.date_published).toMatch(/\+08:00$/);
      expect(item.authors[0].name).toBeTruthy();
    }
    expect(feed.items.map((item: { title: string }) => item.title)).toContain(HOSTILE);
    expect(feed.items[0].title).toBe("人工智能 reshapes 碳中和 plans — a test of “CJK” titles");
  });
});

describe("sitemaps and robots.txt", () => {
  it("sitemap.xml lists every public page once, with absolute URLs", async () => {
    const { urlset } = await readXml("sitemap.xml");
    expect(urlset["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const locs: string[] = urlset.url.map((url: { loc: string }) => url.loc);
    expect(new Set(locs).size).toBe(locs.length);
    const pages = (await listPages(site.output)).filter((page) => page !== "404.html" && !page.endsWith("search/index.html"));
    const expected = pages.map((page) => `${SITE}/${encodeURI(page.replace(/index\.html$/, ""))}`).sort();
    expect([...locs].sort()).toEqual(expected);
    for (const url of urlset.url) if (url.lastmod) expect(url.lastmod).toMatch(RFC3339);
  });

  it("the Google News sitemap holds the articles of the last 48 hours with publication and language", async () => {
    const { urlset } = await readXml("news-sitemap.xml");
    expect(urlset["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(urlset["@xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    // What the schema asks of each url; and each article is still under 48 hours old when the
    // next build, within rebuildWithinHours, replaces this file.
    const servedUntil = DateTime.fromSeconds(Number(NOW)).plus({ hours: readSettings().site.rebuildWithinHours });
    expect(urlset.url.length).toBeGreaterThanOrEqual(1);
    for (const entry of urlset.url) {
      expect(entry.loc).toMatch(new RegExp(`^${SITE}/`));
      expect(entry["news:news"]["news:publication"]["news:name"]).toBeTruthy();
      expect(entry["news:news"]["news:publication"]["news:language"]).toMatch(/^(?:[a-z]{2,3}|zh-cn|zh-tw)$/);
      expect(entry["news:news"]["news:publication_date"]).toMatch(RFC3339);
      expect(servedUntil.diff(DateTime.fromISO(entry["news:news"]["news:publication_date"]), "hours").hours).toBeLessThan(48);
      expect(text(entry["news:news"]["news:title"])).toBeTruthy();
    }
    expect(urlset.url).toHaveLength(1);
    const [entry] = urlset.url;
    expect(entry.loc).toBe(`${SITE}/zh/culture/2025/05/harbour-tea-festival/`);
    expect(entry["news:news"]["news:publication"]["news:name"]).toBe("大报日刊");
    expect(entry["news:news"]["news:publication"]["news:language"]).toBe("zh-cn");
    expect(entry["news:news"]["news:publication_date"]).toBe("2025-05-12T10:00:00+08:00");
    expect(entry["news:news"]["news:title"]).toBe("茶叶节在港城开幕");
  });

  it("robots.txt names both sitemaps", async () => {
    const robots = await readFile(path.join(site.output, "robots.txt"), "utf8");
    expect(robots.split("\n").filter((line) => line.startsWith("Sitemap: "))).toEqual([`Sitemap: ${SITE}/sitemap.xml`, `Sitemap: ${SITE}/news-sitemap.xml`]);
  });

  it("with no article recent enough, no news sitemap is written and robots.txt names only sitemap.xml", async () => {
    expect(existsSync(path.join(noNews.output, "news-sitemap.xml"))).toBe(false);
    expect(existsSync(path.join(noNews.output, "sitemap.xml"))).toBe(true);
    const robots = await readFile(path.join(noNews.output, "robots.txt"), "utf8");
    expect(robots.split("\n").filter((line) => line.startsWith("Sitemap: "))).toEqual([`Sitemap: ${SITE}/newsroom/sitemap.xml`]);
  });
});

describe("page metadata", () => {
  it("every article page carries NewsArticle JSON-LD with the right headline and instant", async () => {
    // Articles are /{section}/{yyyy}/{mm}/{slug}/; the archive's months and days (/archive/2025/03/01/) are not.
    const articles = (await listPages(site.output)).filter((page) => /^(?:zh\/)?(?!archive\/)[a-z-]+\/\d{4}\/\d{2}\//.test(page));
    expect(articles).toHaveLength(32);
    for (const page of articles) {
      const $ = await loadPage(site.output, `/${page}`);
      const blocks = $('script[type="application/ld+json"]');
      expect(blocks, page).toHaveLength(1);
      const data = JSON.parse(blocks.text());
      expect(data["@type"]).toBe("NewsArticle");
      expect(data.headline).toBe($("h1").text());
      expect(data.datePublished).toBe($(".bs-article__dateline time").first().attr("datetime"));
      expect(Date.parse(data.dateModified)).toBeGreaterThanOrEqual(Date.parse(data.datePublished));
      expect(data.publisher.logo.url).toBe(`${SITE}/assets/brand/logo.png`);
      expect(data.articleSection).toBe($(".bs-article__section a").text());
      expect(data.mainEntityOfPage["@id"]).toBe(`${SITE}/${encodeURI(page.replace(/index\.html$/, ""))}`);
      expect(data.copyrightHolder.name).toBe(data.publisher.name);
      expect(data.inLanguage).toBe($("html").attr("lang"));
      expect(data.publisher.name).toBe(page.startsWith("zh/") ? "大报日刊" : "Broadsheet Daily");
    }
  });

  it("a headline containing </script> cannot break out of the JSON-LD block", async () => {
    const html = await readFile(path.join(site.output, "sci-tech/2025/02/script-in-headline/index.html"), "utf8");
    const $ = await loadPage(site.output, "/sci-tech/2025/02/script-in-headline/");
    expect($("script")).toHaveLength(1);
    expect(JSON.parse($('script[type="application/ld+json"]').text()).headline).toBe(SCRIPT_TITLE);
    expect(html).toContain("Why \\u003c/script\\u003e\\u003cscript\\u003ealert(1)");
  });

  it("records updates as dateModified and the editor and credit", async () => {
    const $ = await loadPage(site.output, "/society/2025/04/updated-story/");
    const data = JSON.parse($('script[type="application/ld+json"]').text());
    expect(data.datePublished).toBe("2025-04-10T08:00:00+08:00");
    expect(data.dateModified).toBe("2025-04-11T12:15:00+08:00");
    expect(data.editor.name).toBe("Chen Jing");
    expect(data.correction).toEqual({
      "@type": "CorrectionComment",
      text: "An earlier version of this article gave the wrong closing time for the clinic.",
      datePublished: "2025-04-11T12:15:00+08:00",
    });
    const hostile = JSON.parse((await loadPage(site.output, "/sci-tech/2025/03/hostile-title/"))('script[type="application/ld+json"]').text());
    expect(hostile.creditText).toBe("New Society");
    expect(hostile.keywords).toEqual(["C++", "C#", "人工智能", "climate"]);
  });

  it("every page advertises the feeds, and a section page its own", async () => {
    for (const page of await listPages(site.output)) {
      const $ = await loadPage(site.output, `/${page}`);
      const prefix = page.startsWith("zh/") ? "/zh/" : "/";
      expect($('link[rel="alternate"][type="application/atom+xml"]').first().attr("href"), page).toBe(`${prefix}feed.xml`);
      expect($('link[rel="alternate"][type="application/feed+json"]').first().attr("href"), page).toBe(`${prefix}feed.json`);
      expect($('meta[property="og:image"]').attr("content"), page).toMatch(new RegExp(`^${SITE}/`));
    }
    const economy = await loadPage(site.output, "/economy/");
    expect(economy('link[rel="alternate"][type="application/atom+xml"]').map((_, link) => economy(link).attr("href")).get()).toEqual(["/feed.xml", "/economy/feed.xml"]);
  });
});

import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { buildNewsroom } from "../../src/collections/newsroom.ts";
import { absolutizeHtml, buildFeeds, SECTION_FEED_SIZE, type FeedData } from "../../src/feeds/feed-data.ts";
import { renderAtom } from "../../src/feeds/atom.ts";
import { renderJsonFeed } from "../../src/feeds/json-feed.ts";
import { create } from "xmlbuilder2";
import { buildNewsSitemap, buildRobotsTxt, buildSitemapFiles, newsLanguage, newsSitemapArticles, type SitemapEntry } from "../../src/sitemaps/sitemaps.ts";
import { xmlText } from "../../src/xml/xml-text.ts";
import { jsonForScript } from "../../src/structured-data/news-article.ts";
import { makeArticle, settings } from "../helpers/articles.ts";

const url = (path: string) => `https://example.org${path}`;
// fast-xml-parser decodes each entity once, as an XML parser must (no HTML entity table).
const feed: FeedData = {
  title: "T & Co",
  description: "d",
  language: "en",
  homeUrl: url("/"),
  atomUrl: url("/feed.xml"),
  jsonUrl: url("/feed.json"),
  iconUrl: url("/icon.png"),
  publisher: "P",
  rights: "©",
  updated: "2025-03-01T00:30:00+08:00",
  items: [
    {
      id: url("/a/"),
      url: url("/a/"),
      title: 'Data & "AI": <Rules> ]]> AT&amp;T &lt;b&gt;',
      summary: "s",
      contentHtml: "<p>x &amp; y &lt;script&gt;</p>",
      published: "2025-03-01T00:30:00+08:00",
      updated: "2025-03-01T00:30:00+08:00",
      authors: [{ name: "New Society" }],
      section: { key: "sci-tech", label: "Sci-Tech", url: url("/sci-tech/") },
      tags: ["C++"],
      language: "en",
    },
  ],
};

describe("buildFeeds", () => {
  it("gives a section's feed its newest 20 even when its list's first page holds fewer", () => {
    // 50 stories: the first page keeps 10, the numbered pages the other 40 (src/collections/pagination.ts).
    const stories = Array.from({ length: 50 }, (_, index) => makeArticle(`s${index}`, { date: new Date(Date.UTC(2025, 0, 1) + index * 3_600_000).toISOString(), section: "china" }));
    const newsroom = buildNewsroom(stories, settings).editions[0]!;
    expect(newsroom.sectionPages.find((page) => page.key === "china")!.items).toHaveLength(10);
    const china = buildFeeds(newsroom, settings.site, url, () => "<p>body</p>").find((one) => one.homeUrl === url("/china/"))!;
    expect(china.items.map((item) => item.url)).toEqual(
      Array.from({ length: SECTION_FEED_SIZE }, (_, index) => url(`/china/2025/01/s${49 - index}/`)),
    );
  });
});

describe("renderAtom", () => {
  it("writes well-formed XML that parses back to the exact title and HTML content", () => {
    const xml = renderAtom(feed);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, processEntities: true }).parse(xml);
    expect(parsed.feed.title["#text"]).toBe("T & Co");
    // Entity-like text must survive exactly: xmlbuilder2 alone would leave `&amp;` unescaped.
    expect(parsed.feed.entry.title["#text"]).toBe('Data & "AI": <Rules> ]]> AT&amp;T &lt;b&gt;');
    expect(parsed.feed.entry.content["#text"]).toBe("<p>x &amp; y &lt;script&gt;</p>");
  });
});

describe("renderJsonFeed", () => {
  it("writes JSON Feed 1.1 with the section first among the tags", () => {
    const json = JSON.parse(renderJsonFeed(feed));
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.items[0].tags).toEqual(["Sci-Tech", "C++"]);
  });
});

describe("absolutizeHtml", () => {
  it("makes root-relative links absolute and leaves the rest", () => {
    expect(absolutizeHtml('<a href="/china/">a</a> <img src="/x.png"> <a href="https://b/">b</a> <a href="//c/">c</a>', "https://example.org")).toBe(
      '<a href="https://example.org/china/">a</a> <img src="https://example.org/x.png"> <a href="https://b/">b</a> <a href="//c/">c</a>',
    );
  });
});

describe("buildSitemapFiles", () => {
  const entries = Array.from({ length: 5 }, (_, index) => ({ path: `/p${index}/` }));

  it("writes one sitemap while under the limit", () => {
    expect(buildSitemapFiles(entries, url, 5).map((file) => file.path)).toEqual(["/sitemap.xml"]);
  });

  it("writes a sitemap index of parts past the limit", () => {
    const files = buildSitemapFiles(entries, url, 2);
    expect(files.map((file) => file.path)).toEqual(["/sitemap.xml", "/sitemaps/sitemap-1.xml", "/sitemaps/sitemap-2.xml", "/sitemaps/sitemap-3.xml"]);
    const index = new XMLParser().parse(files[0]!.body);
    expect(index.sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc)).toEqual([
      url("/sitemaps/sitemap-1.xml"),
      url("/sitemaps/sitemap-2.xml"),
      url("/sitemaps/sitemap-3.xml"),
    ]);
    const last = new XMLParser().parse(files[3]!.body);
    expect(last.urlset.url.loc).toBe(url("/p4/"));
  });

  // The urlset is written by hand for speed; xmlbuilder2, which wrote it before, is the reference.
  it("writes each urlset byte for byte as xmlbuilder2 does, escaping included", () => {
    const nasty = `a&b &amp; &#38; &x; <c> "d" 'e' \t ]]> é 人 😀`;
    const reference = (list: SitemapEntry[]) => {
      const root = create({ version: "1.0", encoding: "UTF-8" }).ele("urlset", { xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9", "xmlns:xhtml": "http://www.w3.org/1999/xhtml" });
      for (const entry of list) {
        const item = root.ele("url");
        item.ele("loc").txt(xmlText(url(entry.path)));
        if (entry.lastmod) item.ele("lastmod").txt(xmlText(entry.lastmod));
        for (const alternate of entry.alternates ?? []) item.ele("xhtml:link", { rel: "alternate", hreflang: xmlText(alternate.hreflang), href: xmlText(url(alternate.path)) });
      }
      return root.end({ prettyPrint: true });
    };
    const lists: SitemapEntry[][] = [
      [],
      entries,
      [
        { path: `/${nasty}/`, lastmod: nasty, alternates: [{ hreflang: nasty, path: `/zh/${nasty}` }, { hreflang: "zh-Hans", path: "/zh/" }] },
        { path: "/plain/", lastmod: "2025-03-01T00:30:00+08:00" },
        { path: "/no-alternates/", alternates: [] },
      ],
    ];
    for (const list of lists) expect(buildSitemapFiles(list, url)[0]!.body).toBe(reference(list));
  });
});

/**
 * What the sitemaps.org schema and Google's news extension require of a news sitemap that can be
 * checked here: a urlset of 1 to 1,000 urls, each with one absolute, unique loc and a news:news
 * with news:publication (name and a Google News language code), a W3C publication_date and a
 * title. Every article listed must be under 48 hours old until `servedUntil`, when the next
 * build replaces the file. Returns the problems found.
 */
function newsSitemapProblems(xml: string, servedUntil: DateTime): string[] {
  if (XMLValidator.validate(xml) !== true) return ["not well-formed XML"];
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => name === "url" }).parse(xml);
  const urlset = parsed.urlset;
  if (!urlset || urlset["@xmlns"] !== "http://www.sitemaps.org/schemas/sitemap/0.9") return ["no sitemaps.org urlset"];
  if (urlset["@xmlns:news"] !== "http://www.google.com/schemas/sitemap-news/0.9") return ["no news namespace"];
  const urls: Array<Record<string, unknown>> = urlset.url ?? [];
  const problems: string[] = [];
  if (urls.length === 0 || urls.length > 1000) problems.push(`${urls.length} urls; a urlset holds 1 to 1,000`);
  const locs = new Set<string>();
  for (const url of urls) {
    const loc = String(url.loc ?? "");
    if (!/^https?:\/\/[^/]+\//.test(loc) || loc.length > 2048) problems.push(`loc "${loc}" is not an absolute URL`);
    if (locs.has(loc)) problems.push(`${loc} twice`);
    locs.add(loc);
    const news = url["news:news"] as Record<string, Record<string, unknown> | string> | undefined;
    const publication = news?.["news:publication"] as Record<string, unknown> | undefined;
    if (!publication?.["news:name"]) problems.push(`${loc}: no news:publication/news:name`);
    if (!/^(?:[a-z]{2,3}|zh-cn|zh-tw)$/.test(String(publication?.["news:language"]))) problems.push(`${loc}: news:language "${publication?.["news:language"]}"`);
    if (!news?.["news:title"]) problems.push(`${loc}: no news:title`);
    const date = DateTime.fromISO(String(news?.["news:publication_date"] ?? ""), { setZone: true });
    if (!date.isValid || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(String(news?.["news:publication_date"]))) {
      problems.push(`${loc}: publication_date "${news?.["news:publication_date"]}" is not a W3C datetime`);
    } else if (servedUntil.diff(date, "hours").hours >= 48) {
      problems.push(`${loc}: published ${date.toISO()}, 48 hours or more before ${servedUntil.toUTC().toISO()}, while the file is still served`);
    }
  }
  return problems;
}

describe("the Google News sitemap", () => {
  // Shanghai is UTC+8: "now" is 2025-05-13T00:00:00Z.
  const now = DateTime.fromISO("2025-05-13T00:00:00Z", { zone: "utc" });
  const hoursBefore = (hours: number) => now.minus({ hours }).setZone("Asia/Shanghai").toISO({ suppressMilliseconds: true })!;
  const newsroom = buildNewsroom(
    [
      makeArticle("an-hour-old", { date: hoursBefore(1), title: 'Data & "AI": <Rules>' }),
      makeArticle("just-in-time", { date: hoursBefore(45.9) }),
      makeArticle("at-the-window", { date: hoursBefore(46) }),
      makeArticle("forty-seven-hours", { date: hoursBefore(47) }),
      makeArticle("last-week", { date: hoursBefore(24 * 7) }),
      makeArticle("zh-recent", { date: hoursBefore(3), lang: "zh", title: "茶叶节在港城开幕" }),
    ],
    settings,
  );

  it("lists only articles under 48 hours old until the next build, newest first: 48 - rebuildWithinHours", () => {
    // At exactly 48 - rebuildWithinHours hours an article is out: by the next build it would be 48.
    expect(newsSitemapArticles(newsroom, now, 2).map((article) => article.slug)).toEqual(["an-hour-old", "zh-recent", "just-in-time"]);
    expect(newsSitemapArticles(newsroom, now, 1).map((article) => article.slug)).toEqual(["an-hour-old", "zh-recent", "just-in-time", "at-the-window"]);
    // Nothing from the future (an embargo lifting later), however recent.
    expect(newsSitemapArticles(newsroom, now.minus({ hours: 2 }), 2).map((article) => article.slug)).toEqual(["zh-recent", "just-in-time", "at-the-window", "forty-seven-hours"]);
  });

  it("is a valid news sitemap: each url has loc, publication name and language, date and title, all within the window", () => {
    const xml = buildNewsSitemap(newsroom, now, url, 2)!;
    expect(newsSitemapProblems(xml, now.plus({ hours: 2 }))).toEqual([]);
    const entries = new XMLParser({ isArray: (name) => name === "url" }).parse(xml).urlset.url;
    expect(entries.map((entry: { loc: string }) => entry.loc)).toEqual([url("/china/2025/05/an-hour-old/"), url("/zh/china/2025/05/zh-recent/"), url("/china/2025/05/just-in-time/")]);
    expect(entries[0]["news:news"]["news:title"]).toBe('Data & "AI": <Rules>');
    expect(entries[1]["news:news"]["news:publication"]).toEqual({ "news:name": "大报日刊", "news:language": "zh-cn" });
  });

  it("stays valid at every moment: no file lists an article that turns 48 before the next build replaces it", () => {
    // Builds every 15 minutes over three days, each served for rebuildWithinHours (2) after it.
    for (let minutes = 0; minutes <= 72 * 60; minutes += 15) {
      const builtAt = now.minus({ hours: 24 }).plus({ minutes });
      const xml = buildNewsSitemap(newsroom, builtAt, url, 2);
      if (xml === undefined) {
        expect(newsSitemapArticles(newsroom, builtAt, 2), builtAt.toISO()!).toEqual([]);
        continue;
      }
      expect(newsSitemapProblems(xml, builtAt.plus({ hours: 2 })), builtAt.toISO()!).toEqual([]);
    }
  });

  it("is not written when no article qualifies: an empty urlset is invalid", () => {
    expect(buildNewsSitemap(newsroom, now.plus({ days: 3 }), url, 2)).toBeUndefined();
    expect(buildNewsSitemap(buildNewsroom([], settings), now, url, 2)).toBeUndefined();
  });

  it("robots.txt names the sitemaps it is given, and no other", () => {
    expect(buildRobotsTxt(url, ["/sitemap.xml", "/news-sitemap.xml"])).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${url("/sitemap.xml")}\nSitemap: ${url("/news-sitemap.xml")}\n`,
    );
    expect(buildRobotsTxt(url, ["/sitemap.xml"])).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${url("/sitemap.xml")}\n`);
  });
});

describe("newsLanguage", () => {
  it("uses Google News codes", () => {
    expect(newsLanguage("en")).toBe("en");
    expect(newsLanguage("en-GB")).toBe("en");
    expect(newsLanguage("zh")).toBe("zh-cn");
    expect(newsLanguage("zh-Hans")).toBe("zh-cn");
    expect(newsLanguage("zh-Hant")).toBe("zh-tw");
  });
});

describe("jsonForScript", () => {
  it("escapes what could end a script block, and still parses to the same value", () => {
    const value = { headline: "</script><script>alert(1)</script> & \u2028" };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

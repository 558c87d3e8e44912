import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { absolutizeHtml, type FeedData } from "../../src/feeds/feed-data.ts";
import { renderAtom } from "../../src/feeds/atom.ts";
import { renderJsonFeed } from "../../src/feeds/json-feed.ts";
import { buildSitemapFiles, newsLanguage } from "../../src/sitemaps/sitemaps.ts";
import { jsonForScript } from "../../src/structured-data/news-article.ts";

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
      authors: ["New Society"],
      section: { key: "sci-tech", label: "Sci-Tech", url: url("/sci-tech/") },
      tags: ["C++"],
      language: "en",
    },
  ],
};

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

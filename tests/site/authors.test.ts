import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPage, pageFile, type BuildResult } from "../helpers/site.ts";
import { sharedSite } from "../helpers/shared-sites.ts";

// The fixture newsroom (shared build, "now" 2025-06-01) names reporters of the demo's
// _data/authors.json: zhou-lan on 22 trade bulletins (two pages), li-wei and chen-yu on one
// story together, li-wei in the Chinese edition, marta-lind on a draft only and amara-okafor on
// an embargoed story only. Every page of this build passes html-validate, Nu and the link check
// in fixture-site.test.ts, author pages included.
let site: BuildResult;
beforeAll(async () => {
  site = await sharedSite("fixture");
  expect(site.exitCode, site.stderr).toBe(0);
});

const origin = "https://news.example.org";
const read = (urlPath: string) => readFile(path.join(site.output, urlPath), "utf8");
const jsonLd = async (urlPath: string) => JSON.parse((await loadPage(site.output, urlPath))('script[type="application/ld+json"]').text());

describe("bylines", () => {
  it("name each reporter on the article page, linked to their page, and keep the editors' credits", async () => {
    const $ = await loadPage(site.output, "/society/2025/04/updated-story/");
    const byline = $(".bs-article__header .bs-byline");
    expect(byline.text()).toBe("By Li Wei and Chen Yu");
    expect(byline.find("a").map((_, a) => $(a).attr("href")).get()).toEqual(["/authors/li-wei/", "/authors/chen-yu/"]);
    expect($(".bs-article__editors").text()).toContain("Edit: ");
  });

  it("use the Chinese edition's words and pages", async () => {
    const $ = await loadPage(site.output, "/zh/china/2025/04/%E6%B8%AF%E5%9F%8E%E5%A4%9C%E6%B8%A1/");
    expect($(".bs-article__header .bs-byline").text()).toBe("记者 李伟");
    expect($(".bs-article__header .bs-byline a").attr("href")).toBe("/zh/authors/li-wei/");
  });

  it("show in teasers, and not for a story without reporters", async () => {
    const $ = await loadPage(site.output, "/economy/");
    const first = $(".bs-teaser-list > li").first();
    expect(first.find(".bs-teaser__byline").text()).toBe("By Zhou Lan");
    expect(first.find(".bs-teaser__byline a").attr("href")).toBe("/authors/zhou-lan/");
    const hostile = await loadPage(site.output, "/world/");
    expect(hostile(".bs-teaser__byline")).toHaveLength(0);
  });
});

describe("author pages", () => {
  it("show the reporter's role and bio, their stories newest first (paginated like sections: tests/site/archive.test.ts)", async () => {
    const $ = await loadPage(site.output, "/authors/zhou-lan/");
    expect($("h1").text()).toBe("Zhou Lan");
    expect($(".bs-author__role").text()).toBe("Economy reporter");
    expect($(".bs-author__bio").text()).toContain("markets, housing and jobs");
    expect($(".bs-list-page__description").text()).toContain("22 articles.");
    const headlines = $(".bs-teaser-list :is(h2, h3)").map((_, h) => $(h).text()).get();
    expect(headlines).toHaveLength(22);
    expect(headlines[0]).toBe("Trade bulletin no. 22");
  });

  it("show the photo through the image pipeline, with its size and the reporter's name as alt", async () => {
    const $ = await loadPage(site.output, "/authors/li-wei/");
    const img = $("img.bs-author__photo");
    expect(img.attr("alt")).toBe("Li Wei");
    expect(img.attr("width")).toBe("480");
    expect(existsSync(pageFile(site.output, img.attr("src")!))).toBe(true);
    expect($(".bs-author__links a").attr("href")).toBe("https://social.example.org/@liwei");
  });

  it("exist in the Chinese edition only for reporters with a Chinese story, linked as translations", async () => {
    expect(existsSync(pageFile(site.output, "/zh/authors/li-wei/"))).toBe(true);
    expect(existsSync(pageFile(site.output, "/zh/authors/zhou-lan/"))).toBe(false);
    const $ = await loadPage(site.output, "/authors/li-wei/");
    expect($('link[rel="alternate"][hreflang="zh-Hans"]').attr("href")).toBe(`${origin}/zh/authors/li-wei/`);
    const zh = await loadPage(site.output, "/zh/authors/li-wei/");
    expect(zh("h1").text()).toBe("李伟");
    expect(zh(".bs-author__role").text()).toBe("港口与交通记者");
  });

  it("are listed at /authors/ and in the sitemap", async () => {
    const $ = await loadPage(site.output, "/authors/");
    expect($(".bs-author-index__link").map((_, a) => $(a).attr("href")).get()).toEqual([
      "/authors/li-wei/",
      "/authors/chen-yu/",
      "/authors/amara-okafor/",
      "/authors/zhou-lan/",
      "/authors/marta-lind/",
    ]);
    expect((await loadPage(site.output, "/zh/authors/"))(".bs-author-index__link").map((_, a) => a.attribs.href).get()).toEqual(["/zh/authors/li-wei/"]);
    const sitemap = await read("sitemap.xml");
    for (const url of ["/authors/", "/authors/zhou-lan/", "/zh/authors/li-wei/"]) expect(sitemap).toContain(`<loc>${origin}${url}</loc>`);
  });

  it("hold no draft or embargoed story, in the page or the feeds", async () => {
    const marta = await loadPage(site.output, "/authors/marta-lind/");
    expect(marta(".bs-teaser-list > li")).toHaveLength(0);
    expect(marta(".bs-list-page__empty").length).toBe(1);
    const amara = await loadPage(site.output, "/authors/amara-okafor/");
    expect(amara(".bs-teaser-list > li")).toHaveLength(0);
    for (const file of ["authors/marta-lind/feed.xml", "authors/amara-okafor/feed.xml", "authors/li-wei/feed.xml"]) {
      const feed = await read(file);
      expect(feed).not.toMatch(/secret-draft|embargoed-story/);
      expect(feed).not.toContain("Secret");
    }
    const li = JSON.parse(await read("authors/li-wei/feed.json"));
    expect(li.items.map((item: { url: string }) => item.url)).toEqual([`${origin}/society/2025/04/updated-story/`]);
  });
});

describe("feeds", () => {
  it("one per reporter, advertised in the page's head, with the reporters as entry authors", async () => {
    const $ = await loadPage(site.output, "/authors/zhou-lan/");
    expect($('link[rel="alternate"][type="application/atom+xml"]').map((_, l) => l.attribs.href).get()).toContain("/authors/zhou-lan/feed.xml");
    expect($('link[rel="alternate"][type="application/feed+json"]').map((_, l) => l.attribs.href).get()).toContain("/authors/zhou-lan/feed.json");
    const atom = await read("authors/zhou-lan/feed.xml");
    expect(atom).toContain(`<link rel="self" type="application/atom+xml" href="${origin}/authors/zhou-lan/feed.xml"/>`);
    expect(atom.match(/<entry>/g)).toHaveLength(20);
    expect(atom).toContain(`<author>\n      <name>Zhou Lan</name>\n      <uri>${origin}/authors/zhou-lan/</uri>\n    </author>`);
  });

  it("name the reporters in every feed, and the credit where there are none", async () => {
    const json = JSON.parse(await read("society/feed.json"));
    const story = json.items.find((item: { url: string }) => item.url.endsWith("/updated-story/"));
    expect(story.authors).toEqual([
      { name: "Li Wei", url: `${origin}/authors/li-wei/` },
      { name: "Chen Yu", url: `${origin}/authors/chen-yu/` },
    ]);
    const site = JSON.parse(await read("feed.json"));
    const unsigned = site.items.find((item: { url: string }) => item.url.endsWith("/world/2025/03/utc-midnight/"));
    expect(unsigned.authors).toHaveLength(1);
    expect(unsigned.authors[0].url).toBeUndefined();
  });
});

describe("NewsArticle JSON-LD", () => {
  it("gives each reporter as a Person with their page's absolute URL and sameAs", async () => {
    const data = await jsonLd("/society/2025/04/updated-story/");
    expect(data.author).toEqual([
      { "@type": "Person", name: "Li Wei", url: `${origin}/authors/li-wei/`, sameAs: ["https://social.example.org/@liwei"] },
      { "@type": "Person", name: "Chen Yu", url: `${origin}/authors/chen-yu/` },
    ]);
  });

  it("keeps the Organization for a story without reporters", async () => {
    const data = await jsonLd("/world/2025/03/utc-midnight/");
    expect(data.author["@type"]).toBe("Organization");
  });
});

import { measureSite } from "../../src/cli/site-size.ts";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { findBrokenLinks, listPages, loadPage, type BuildResult } from "../helpers/site.ts";
import { sharedSite } from "../helpers/shared-sites.ts";
import { runHtmlValidate, runNuChecker } from "../helpers/validators.ts";
import { fileHashes } from "../helpers/files.ts";

// The hostile fixture newsroom, with a fixed "now" (2025-06-01): the build other suites share.
let site: BuildResult;
beforeAll(async () => {
  site = await sharedSite("fixture");
  expect(site.exitCode, site.stderr).toBe(0);
});

const hostileUrl = "/sci-tech/2025/03/hostile-title/";

describe("article pages", () => {
  it("render a hostile headline exactly, escaped once", async () => {
    const $ = await loadPage(site.output, hostileUrl);
    expect($("h1").text()).toBe('Data & "AI": <Rules>');
    expect($("title").text()).toBe('Data & "AI": <Rules> | Broadsheet Daily');
    expect($('meta[property="og:title"]').attr("content")).toBe('Data & "AI": <Rules>');
    const html = await readFile(path.join(site.output, hostileUrl, "index.html"), "utf8");
    expect(html).not.toContain("&amp;amp;");
  });

  it("date an article at 00:30 on 1 March in Shanghai as 1 March, under /2025/03/", async () => {
    const $ = await loadPage(site.output, hostileUrl);
    expect($(".bs-article__dateline time").attr("datetime")).toBe("2025-03-01T00:30:00+08:00");
    expect($(".bs-article__dateline time").text()).toBe("1 March 2025, 00:30");
  });

  it("put a UTC date on the site's calendar day", async () => {
    const $ = await loadPage(site.output, "/world/2025/03/utc-midnight/");
    expect($(".bs-article__dateline time").attr("datetime")).toBe("2025-03-01T00:30:00+08:00");
    expect($(".bs-article__dateline time").text()).toContain("1 March 2025");
  });

  it("read a bare date as midnight in the site's zone and default the summary to the first paragraph", async () => {
    const $ = await loadPage(site.output, "/culture/2025/04/bare-date/");
    expect($(".bs-article__dateline time").attr("datetime")).toBe("2025-04-01T00:00:00+08:00");
    expect($(".bs-article__standfirst").text()).toBe("This first paragraph becomes the summary because the article has none.");
    expect($('meta[name="description"]').attr("content")).toBe("This first paragraph becomes the summary because the article has none.");
  });

  it("show the section label linking to its index, the credit closing the body, editors, source and tags", async () => {
    const $ = await loadPage(site.output, hostileUrl);
    expect($(".bs-article__section a").text()).toBe("Sci-Tech");
    expect($(".bs-article__section a").attr("href")).toBe("/sci-tech/");
    // The hostile article's body ends with a list, so the credit gets a paragraph of its own.
    expect($(".bs-article__body > p:last-child").text()).toBe("(New Society)");
    const cjk = await loadPage(site.output, "/china/2025/04/cjk-title/");
    expect(cjk(".bs-article__body > p:last-child").text()).toBe("Body text for a mixed-script headline. (Eastern Wire)");
    expect(cjk(".bs-article__body > p:last-child .bs-article__credit").text()).toBe("(Eastern Wire)");
    expect($(".bs-article__editors").text().replace(/\s+/g, " ").trim()).toBe("Edit: Li Wei Responsible editor: Zhang Min");
    expect($(".bs-article__source").text()).toBe("Source: People's Post and Telegraph");
    expect($(".bs-tags a").map((_, a) => $(a).text()).get()).toEqual(["C++", "C#", "人工智能", "climate"]);
    expect($(".bs-tags a").map((_, a) => $(a).attr("href")).get()).toEqual([
      "/tags/c-plus-plus/",
      "/tags/c-sharp/",
      encodeURI("/tags/人工智能/"),
      "/tags/climate/",
    ]);
  });

  it("show an updated line when the article was changed", async () => {
    const $ = await loadPage(site.output, "/society/2025/04/updated-story/");
    expect($(".bs-article__updated").text()).toBe("Updated 11 April 2025, 12:15");
    expect($(".bs-article__updated time").attr("datetime")).toBe("2025-04-11T12:15:00+08:00");
  });

  it("show a correction note at the foot of the article", async () => {
    const $ = await loadPage(site.output, "/society/2025/04/updated-story/");
    expect($(".bs-article__correction h2").text()).toBe("Correction");
    expect($(".bs-article__correction p").text()).toBe("An earlier version of this article gave the wrong closing time for the clinic.");
    expect($(".bs-article__body + .bs-article__correction")).toHaveLength(1);
  });

  it("link the previous and next article in the section", async () => {
    const $ = await loadPage(site.output, "/economy/2025/01/trade-bulletin-10/");
    expect($('.bs-neighbours a[rel="prev"]').attr("href")).toBe("/economy/2025/01/trade-bulletin-09/");
    expect($('.bs-neighbours a[rel="next"]').attr("href")).toBe("/economy/2025/01/trade-bulletin-11/");
  });

  it("carry a canonical URL under SITE_URL and Open Graph tags", async () => {
    const $ = await loadPage(site.output, hostileUrl);
    expect($('link[rel="canonical"]').attr("href")).toBe(`https://news.example.org${hostileUrl}`);
    expect($('meta[property="og:url"]').attr("content")).toBe(`https://news.example.org${hostileUrl}`);
    expect($('meta[property="og:type"]').attr("content")).toBe("article");
    expect($("html").attr("lang")).toBe("en");
  });
});

describe("lists", () => {
  it("show the newest story as the lead and the latest of each section on the home page", async () => {
    const $ = await loadPage(site.output, "/");
    expect($(".bs-lead__headline a").text()).toBe("人工智能 reshapes 碳中和 plans — a test of “CJK” titles");
    expect($(".bs-section-block")).toHaveLength(6);
    expect($("#bs-section-economy").parent().find(".bs-teaser-list :is(h2, h3) a").first().text()).toBe("Trade bulletin no. 22");
  });

  it("show a section of 22 stories on one page, newest first (a list paginates past 29: tests/site/archive.test.ts)", async () => {
    const first = await loadPage(site.output, "/economy/");
    const titles = first(".bs-teaser-list :is(h2, h3) a").map((_, a) => first(a).text()).get();
    expect(titles).toHaveLength(22);
    expect(titles[0]).toBe("Trade bulletin no. 22");
    expect(titles[21]).toBe("Trade bulletin no. 1");
    expect(first(".bs-pagination")).toHaveLength(0);
    expect(first('link[rel="next"]')).toHaveLength(0);
    expect(existsSync(path.join(site.output, "economy", "page"))).toBe(false);
  });

  it("give each tag one page whatever its script or symbols, merging tags that differ only in case", async () => {
    const climate = await loadPage(site.output, "/tags/climate/");
    // Spelled climate, Climate and "  CLIMATE  ": one tag, labelled as it was first spelled.
    expect(climate("h1").text()).toBe("climate");
    expect(climate(".bs-teaser-list :is(h2, h3) a").map((_, a) => climate(a).text()).get()).toEqual([
      "A bare date means midnight in the site's zone",
      'Data & "AI": <Rules>',
      "Published at 16:30 UTC, which is 00:30 on 1 March in Shanghai",
    ]);
    for (const slug of ["c-plus-plus", "c-sharp", "人工智能", "碳中和", "非遗", "5g"]) {
      expect(existsSync(path.join(site.output, "tags", slug, "index.html")), slug).toBe(true);
    }
    const cjk = await loadPage(site.output, "/tags/人工智能/");
    expect(cjk(".bs-teaser-list > li")).toHaveLength(2);
    const trade = await loadPage(site.output, "/tags/trade/");
    expect(trade(".bs-teaser-list > li")).toHaveLength(22);
  });

  it("list every tag with its count at /tags/", async () => {
    const $ = await loadPage(site.output, "/tags/");
    const entries = $(".bs-tag-index__item").map((_, li) => $(li).text().replace(/\s+/g, " ").trim()).get();
    expect(entries).toContain("climate (3)");
    expect(entries).toContain("C++ (1)");
    expect(entries).toContain("C# (1)");
    expect(entries).toContain("trade (22)");
  });
});

describe("the search index", () => {
  it("holds every published article and nothing else, in one index per language", async () => {
    const manifest = JSON.parse(await readFile(path.join(site.output, "pagefind/shards.json"), "utf8"));
    const count = async (language: string) => {
      let pages = 0;
      for (const shard of manifest.languages[language]) {
        const entry = JSON.parse(await readFile(path.join(site.output, "pagefind", shard.path, "pagefind-entry.json"), "utf8"));
        pages += entry.languages[language].page_count;
      }
      return pages;
    };
    expect(await count("en")).toBe(29);
    expect(await count("zh")).toBe(3);
  });

  it("is searched from a page per language: /search/ and /zh/search/", async () => {
    expect((await loadPage(site.output, "/search/"))("html").attr("lang")).toBe("en");
    expect((await loadPage(site.output, "/zh/search/"))("html").attr("lang")).toBe("zh-Hans");
    expect((await loadPage(site.output, "/zh/search/"))("[data-module=search-page]").attr("data-lang")).toBe("zh");
  });
});

describe("every page", () => {
  it("has the header, the one footer with the special statement, a mailto link and 12 partner links, in its edition's language", async () => {
    const english = { name: "Broadsheet Daily", nav: ["Home", "China", "World", "Economy", "Sci-Tech", "Culture", "Society", "Tags"], links: "Links total 12", statement: "Special statement" };
    const chinese = { name: "大报日刊", nav: ["首页", "中国", "国际", "经济", "科技", "文化", "社会", "标签"], links: "友情链接 共12个", statement: "特别声明" };
    for (const page of await listPages(site.output)) {
      const $ = await loadPage(site.output, `/${page}`);
      const expected = page.startsWith("zh/") ? chinese : english;
      expect($(".bs-masthead__name").text(), page).toBe(expected.name);
      expect($(".bs-nav a").map((_, a) => $(a).text()).get(), page).toEqual(expected.nav);
      expect($("footer.bs-footer"), page).toHaveLength(1);
      expect($(".bs-footer__count").text(), page).toBe(expected.links);
      expect($(".bs-footer__links li a"), page).toHaveLength(12);
      expect($('.bs-footer a[href^="mailto:"]').attr("href"), page).toBe("mailto:newsroom@broadsheet.example.org");
      expect($("#bs-footer-statement-heading").text(), page).toBe(expected.statement);
      expect($('link[rel="icon"]').attr("href"), page).toBe("/assets/brand/favicon.svg");
      expect($('form[role="search"] input[name="q"]'), page).toHaveLength(1);
    }
  });

  it("has no inline script or style, no event handler, no javascript: link, and a strict CSP", async () => {
    for (const page of await listPages(site.output)) {
      const $ = await loadPage(site.output, `/${page}`);
      // JSON-LD is data, not script: the browser never runs it, and CSP does not apply to it.
      const inline = $("script:not([src])").filter((_, script) => $(script).attr("type") !== "application/ld+json");
      expect(inline, page).toHaveLength(0);
      $("script[src]").each((_, script) => expect($(script).attr("type"), page).toBe("module"));
      expect($("style, [style]"), page).toHaveLength(0);
      const handlers = $("*").filter((_, element) => Object.keys((element as { attribs: Record<string, string> }).attribs).some((name) => name.startsWith("on")));
      expect(handlers, page).toHaveLength(0);
      expect($('[href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i]'), page).toHaveLength(0);
      const policy = $('meta[http-equiv="Content-Security-Policy"]').attr("content") ?? "";
      expect(policy, page).toContain("default-src 'self'");
      expect(policy, page).toMatch(/script-src 'self'(?: 'wasm-unsafe-eval')?;/);
      expect(policy, page).not.toContain("unsafe-inline");
      if (!page.endsWith("search/index.html")) expect(policy, page).not.toContain("wasm-unsafe-eval");
    }
  });

  it("passes html-validate's recommended preset", async () => {
    expect(await runHtmlValidate(site.output)).toBe("");
  });

  it("passes the W3C Nu HTML Checker", async () => {
    expect(await runNuChecker(site.output)).toEqual([]);
  });

  it("links only to pages, assets and fragments that exist", async () => {
    expect(await findBrokenLinks(site.output)).toEqual([]);
  });

  it("includes a 404 page", async () => {
    const $ = await loadPage(site.output, "/404.html");
    expect($("h1").text()).toBe("Page not found");
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
  });
});

describe("articles named in Chinese (issue 16)", () => {
  // Two files named in Chinese in April: 2025/04/数字中国.md in the English edition, with a Chinese
  // headline, and zh/2025/04/港城夜渡.md in the Chinese edition, with an English tag.
  const english = "/china/2025/04/数字中国/";
  const chinese = "/zh/china/2025/04/港城夜渡/";

  it("publish at their own readable URLs, percent-encoded wherever a URL is written", async () => {
    for (const url of [english, chinese]) {
      expect(existsSync(path.join(site.output, url, "index.html")), url).toBe(true);
      const $ = await loadPage(site.output, url);
      expect($('link[rel="canonical"]').attr("href")).toBe(`https://news.example.org${encodeURI(url)}`);
      expect($('meta[property="og:url"]').attr("content")).toBe(`https://news.example.org${encodeURI(url)}`);
    }
    const sitemap = await readFile(path.join(site.output, "sitemap.xml"), "utf8");
    const feeds = ["feed.xml", "feed.json", "china/feed.xml", "zh/feed.xml", "zh/feed.json", "zh/china/feed.xml"];
    const texts = [sitemap, ...(await Promise.all(feeds.map((feed) => readFile(path.join(site.output, feed), "utf8"))))];
    expect(sitemap).toContain(`<loc>https://news.example.org${encodeURI(english)}</loc>`);
    expect(sitemap).toContain(`<loc>https://news.example.org${encodeURI(chinese)}</loc>`);
    for (const [index, text] of texts.entries()) {
      const url = feeds[index - 1]?.startsWith("zh/") ? chinese : english;
      expect(text, feeds[index - 1] ?? "sitemap.xml").toContain(`https://news.example.org${encodeURI(url)}`);
      expect(text, feeds[index - 1] ?? "sitemap.xml").not.toMatch(/https:\/\/news\.example\.org\/[^"<\s]*[\u4e00-\u9fff]/u);
    }
    const section = await loadPage(site.output, "/china/");
    expect(section(".bs-teaser-list :is(h2, h3) a").map((_, a) => section(a).attr("href")).get()).toContain(encodeURI(english));
  });

  it("mark a Chinese headline and tag lang=\"zh\" in the English edition, and leave English text and 5G alone", async () => {
    const $ = await loadPage(site.output, english);
    expect($("html").attr("lang")).toBe("en");
    expect($("h1").attr("lang")).toBe("zh");
    expect($(".bs-article__standfirst").attr("lang")).toBeUndefined();
    expect($(".bs-tags a").map((_, a) => `${$(a).text()}:${$(a).attr("lang") ?? ""}`).get()).toEqual(["数字中国:zh", "5G:"]);
    const section = await loadPage(site.output, "/china/");
    const teaser = section(".bs-teaser-list > li").filter((_, item) => section(item).find("a").first().text() === "数字中国建设峰会在港城开幕");
    expect(teaser.find(":is(h2, h3)").attr("lang")).toBe("zh");
    expect(teaser.children("p").last().attr("lang")).toBeUndefined();
    // The mixed headline is English words around Chinese ones: left in the page's language.
    expect((await loadPage(site.output, "/china/2025/04/cjk-title/"))("h1").attr("lang")).toBeUndefined();
    const tag = await loadPage(site.output, "/tags/数字中国/");
    expect(tag("h1").attr("lang")).toBe("zh");
    expect(tag(".bs-list-page__description span[lang=zh]").text()).toBe("数字中国");
    const index = await loadPage(site.output, "/tags/");
    expect(index('.bs-tag-index__link[lang="zh"]').map((_, a) => index(a).text()).get().sort()).toEqual(["人工智能", "数字中国", "碳中和", "非遗"]);
    expect(index(".bs-tag-index__link:not([lang])").map((_, a) => index(a).text()).get()).toContain("5G");
  });

  it("mark an English tag lang=\"en\" in the Chinese edition, and leave Chinese text alone", async () => {
    const $ = await loadPage(site.output, chinese);
    expect($("html").attr("lang")).toBe("zh-Hans");
    expect($("h1").attr("lang")).toBeUndefined();
    expect($(".bs-tags a").map((_, a) => `${$(a).text()}:${$(a).attr("lang") ?? ""}`).get()).toEqual(["数字中国:", "open data:en"]);
    const tag = await loadPage(site.output, "/zh/tags/open-data/");
    expect(tag("h1").attr("lang")).toBe("en");
    expect(tag(".bs-list-page__description").text()).toContain("“open data”");
    expect(tag(".bs-list-page__description span").attr("lang")).toBe("en");
    const index = await loadPage(site.output, "/zh/tags/");
    expect(index('.bs-tag-index__link[lang="en"]').map((_, a) => index(a).text()).get()).toEqual(["open data"]);
    // The hostile Chinese translation's Latin-free headline and its neighbour links carry no lang.
    expect((await loadPage(site.output, "/zh/"))("[lang]:not(html)").map((_, element) => $(element).attr("lang")).get().every((lang) => lang === "en")).toBe(true);
  });
});

describe("Recommended Reading", () => {
  it("has two articles sharing a rare tag recommend each other", async () => {
    const relatedOf = async (url: string) => {
      const $ = await loadPage(site.output, url);
      return $(".bs-related li > a").map((_, a) => $(a).attr("href")).get();
    };
    expect((await relatedOf(hostileUrl)).slice(0, 4)).toContain("/china/2025/04/cjk-title/");
    expect((await relatedOf("/china/2025/04/cjk-title/")).slice(0, 4)).toContain(hostileUrl);
  });

  it("shows the first set only until a script offers more", async () => {
    const $ = await loadPage(site.output, "/economy/2025/01/trade-bulletin-10/");
    expect($(".bs-related li")).toHaveLength(12);
    expect($(".bs-related li:not([hidden])")).toHaveLength(4);
    expect($(".bs-related button")).toHaveLength(0);
    expect($('script[src$="recommended-reading.js"]')).toHaveLength(1);
  });
});

describe("unpublished articles", () => {
  it("leave no page, list entry, tag page or word in any output file", async () => {
    const pages = await listPages(site.output);
    expect(pages.some((page) => page.includes("secret-draft") || page.includes("embargoed-story"))).toBe(false);
    expect(pages.some((page) => page.includes("draft-only-tag") || page.includes("embargo-only-tag"))).toBe(false);
    // Every file the build wrote, whatever its kind (pages, feeds, sitemaps, the search index,
    // whose files are gzipped: read them unzipped). A published article's word proves the scan sees in.
    const files = Object.keys(await fileHashes(site.output));
    expect(files.length).toBeGreaterThan(pages.length);
    let searchText = "";
    for (const file of files) {
      const bytes = await readFile(path.join(site.output, file));
      const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString("utf8");
      if (file.startsWith("pagefind/")) searchText += text;
      expect(text, file).not.toMatch(/zanzibarquokka|pomegranatequasar|Draft that must never appear|Embargoed until July|secret-draft|embargoed-story/);
    }
    expect(searchText).toContain("quokkabeacon");
  });

  it("are counted in the build's summary with the next embargo's time", () => {
    expect(site.stdout).toContain("1 draft and 1 embargoed held back");
    expect(site.stdout).toContain("next embargo lifts 2025-07-01T09:00:00+08:00");
  });
});

describe("the build summary", () => {
  it("states the site's size and file count and the hosts it fits", async () => {
    const size = measureSite(site.output);
    const line = /\[broadsheet\] the site is ([\d.,]+) MB in ([\d,]+) files; it fits GitHub Pages \(1 GB\), GitLab Pages \(1 GB\), Cloudflare Pages' free plan \(20,000 files\) and Cloudflare Pages' paid plans \(100,000 files\)\./.exec(site.stdout);
    expect(line, site.stdout).not.toBeNull();
    expect(Number(line![2]!.replace(/,/g, ""))).toBe(size.files);
    expect(Number(line![1]!.replace(/,/g, ""))).toBeCloseTo(size.bytes / 1e6, 1);
  });
});

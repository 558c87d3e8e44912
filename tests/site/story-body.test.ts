import { readFile } from "node:fs/promises";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { findBrokenLinks, listPages, loadPage, type BuildResult } from "../helpers/site.ts";
import { sharedSite } from "../helpers/shared-sites.ts";
import { runHtmlValidate, runNuChecker } from "../helpers/validators.ts";

// The story body as editors write it (tests/fixtures/story-body/): photos with captions and
// credits, a gallery, a decorative image, embeds, a table, footnotes and the three boxes, in both
// editions, built once and read as files.

const PHOTO_STORY = "/society/2025/05/harbour-photo-story/";
const TABLE_STORY = "/economy/2025/05/ferry-fares-table/";
const VIDEO_STORY = "/society/2025/05/harbour-video/";
const CHINESE_PHOTO_STORY = "/zh/society/2025/05/harbour-photo-story/";

let site: BuildResult;
let photoStory: CheerioAPI;
let tableStory: CheerioAPI;
let videoStory: CheerioAPI;

beforeAll(async () => {
  site = await sharedSite("storyBody");
  expect(site.exitCode, site.stderr).toBe(0);
  [photoStory, tableStory, videoStory] = (await Promise.all([PHOTO_STORY, TABLE_STORY, VIDEO_STORY].map((url) => loadPage(site.output, url)))) as [CheerioAPI, CheerioAPI, CheerioAPI];
});

const policyOf = ($: CheerioAPI) => $('meta[http-equiv="Content-Security-Policy"]').attr("content") ?? "";

describe("every page of the story-body newsroom", () => {
  it("passes html-validate and the Nu HTML Checker", async () => {
    expect(await runHtmlValidate(site.output)).toBe("");
    expect(await runNuChecker(site.output)).toEqual([]);
  }, 120_000);

  it("links only to pages and images that exist, and carries no style attribute", async () => {
    expect(await findBrokenLinks(site.output)).toEqual([]);
    for (const page of await listPages(site.output)) expect(await readFile(path.join(site.output, page), "utf8"), page).not.toMatch(/\sstyle=/);
  });
});

describe("photos in the body", () => {
  it("a photo alone in its paragraph is a figure: a responsive picture, sized, with its caption and credit", () => {
    const figure = photoStory(".bs-article__body > figure.bs-figure").first();
    const img = figure.find("picture > img.bs-figure__image");
    expect(figure.find("picture > source[type='image/webp']").attr("srcset")).toMatch(/^\/img\/\S+-480\.webp 480w, \/img\/\S+-960\.webp 960w$/);
    expect(img.attr("src")).toMatch(/^\/img\/\S+-960\.jpeg$/);
    expect([img.attr("width"), img.attr("height")]).toEqual(["960", "640"]);
    expect(img.attr("alt")).toBe("Dock workers tie up a ferry as the sun rises over the quay");
    expect(img.attr("sizes")).toBe("(min-width: 48rem) 44rem, 100vw");
    expect(figure.find("figcaption").text()).toBe("The six o'clock ferry ties up at Pier 3. Li Wei/Broadsheet");
    expect(figure.find("figcaption .bs-figure__credit").text()).toBe("Li Wei/Broadsheet");
  });

  it("the first photo of a story with no lead photo loads at once; every other body photo is lazy", () => {
    const images = photoStory(".bs-article__body img").toArray().map((element) => photoStory(element));
    expect(images.length).toBe(5);
    expect(images[0]!.attr("fetchpriority")).toBe("high");
    expect(images[0]!.attr("loading")).toBeUndefined();
    for (const image of images.slice(1)) expect(image.attr("loading")).toBe("lazy");
    // A story with a lead photo: that one is above the fold, so its body photos are all lazy.
    expect(tableStory(".bs-article__figure img").attr("fetchpriority")).toBe("high");
  });

  it("every body image has its width and height, and a decorative one an empty alt", () => {
    for (const element of photoStory(".bs-article__body img").toArray()) {
      const image = photoStory(element);
      expect(Number(image.attr("width"))).toBeGreaterThan(0);
      expect(Number(image.attr("height"))).toBeGreaterThan(0);
    }
    expect(photoStory(".bs-article__body p img.bs-body-image--inline").attr("alt")).toBe("");
  });

  it("a gallery is a named, focusable region of figures, one list item each", () => {
    const gallery = photoStory("section.bs-gallery");
    expect(gallery.attr("aria-label")).toBe("Gallery: The quay at dawn");
    expect(gallery.attr("tabindex")).toBe("0");
    const items = gallery.find("ol.bs-gallery__list > li.bs-gallery__item > figure.bs-figure");
    expect(items.length).toBe(3);
    expect(items.find("img").first().attr("sizes")).toBe("(min-width: 36rem) 30rem, 85vw");
    expect(items.eq(0).find("figcaption").text()).toBe("The north crane, idle until eight. Li Wei/Broadsheet");
  });

  it("in the Chinese edition the body's words are Chinese", async () => {
    const $ = await loadPage(site.output, CHINESE_PHOTO_STORY);
    expect($("section.bs-gallery").attr("aria-label")).toBe("图集：清晨的码头");
    expect($(".bs-box--factbox h2").text()).toBe("港口渡轮");
    expect($(".bs-article__body figure.bs-figure figcaption .bs-figure__credit").first().text()).toBe("李伟/Broadsheet");
  });
});

describe("embeds", () => {
  it("are a link and a placeholder, no frame, until the reader asks; the page loads the embed script", () => {
    const embeds = videoStory("figure.bs-embed");
    expect(embeds.length).toBe(2);
    expect(videoStory("iframe").length).toBe(0);
    expect(embeds.eq(0).attr("data-embed-src")).toBe("https://www.youtube-nocookie.com/embed/M7lc1UVf-VE");
    expect(embeds.eq(0).attr("data-embed-title")).toBe("The harbour at dawn (2 min)");
    expect(embeds.eq(0).find("a.bs-embed__link").attr("href")).toBe("https://www.youtube.com/watch?v=M7lc1UVf-VE");
    expect(embeds.eq(1).attr("data-embed-src")).toBe("https://news.example.org/graphics/ferry-traffic/");
    expect(videoStory('script[src="/assets/js/embed.js"]').length).toBe(1);
    expect(photoStory('script[src="/assets/js/embed.js"]').length).toBe(0);
  });

  it("widen the Content-Security-Policy with frame-src for their players, on their page only", async () => {
    expect(policyOf(videoStory)).toMatch(/; frame-src https:\/\/www\.youtube-nocookie\.com https:\/\/news\.example\.org$/);
    for (const page of await listPages(site.output)) {
      if (page === "society/2025/05/harbour-video/index.html") continue;
      expect(await readFile(path.join(site.output, page), "utf8"), page).not.toContain("frame-src");
    }
  });
});

describe("tables, footnotes and boxes", () => {
  it("a table scrolls in a named box of its own, with its caption and header cells for columns", () => {
    const box = tableStory("section.bs-table");
    expect(box.attr("tabindex")).toBe("0");
    expect(box.attr("aria-label")).toBe("Ferry fares by route, June 2025 (yuan)");
    expect(box.find("table > caption").text()).toBe("Ferry fares by route, June 2025 (yuan)");
    expect(box.find("th").toArray().every((th) => tableStory(th).attr("scope") === "col")).toBe(true);
    expect(box.find("td.bs-align-right").length).toBe(12);
    expect(box.find("td.bs-align-center").length).toBe(3);
    // The caption paragraph is the caption, not also a paragraph.
    expect(tableStory(".bs-article__body p").text()).not.toContain("Table:");
  });

  it("footnotes are numbered links to notes at the end, each with a way back; the credit closes the story before them", () => {
    const ref = photoStory("sup.bs-footnote-ref a");
    expect(ref.attr("href")).toBe("#fn1");
    const note = photoStory("section.bs-footnotes li#fn1");
    expect(note.text()).toContain("High tide that morning was at 05:40.");
    expect(note.find("a.bs-footnotes__back").attr("href")).toBe(`#${ref.attr("id")}`);
    expect(note.find("a.bs-footnotes__back").attr("aria-label")).toBe("Back to the text");
  });

  it("an editor's note, a fact box and a pull quote each have their own markup", () => {
    expect(photoStory('div.bs-box--note[role="note"] .bs-box__label').text()).toBe("Editor’s note");
    const factbox = tableStory("aside.bs-box--factbox");
    expect(tableStory(`#${factbox.attr("aria-labelledby")}`).text()).toBe("The harbour ferries");
    expect(factbox.find("li").length).toBe(2);
    expect(tableStory("figure.bs-pullquote blockquote").text().trim()).toBe("Fifty cents is a lot when you ride twice a day.");
    expect(tableStory("figure.bs-pullquote figcaption").text()).toBe("Wang Fang, a commuter");
  });
});

describe("feeds", () => {
  it("carry the body with absolute image URLs, no facade and no script, embeds as plain links", async () => {
    const feed = await readFile(path.join(site.output, "feed.xml"), "utf8");
    expect(feed).toContain('&lt;img src="https://news.example.org/img/');
    expect(feed).not.toContain("data-module");
    expect(feed).not.toContain("srcset");
    expect(feed).toContain('&lt;p class="bs-embed bs-embed--link"&gt;&lt;a class="bs-embed__link" href="https://www.youtube.com/watch?v=M7lc1UVf-VE"');
    const json = JSON.parse(await readFile(path.join(site.output, "feed.json"), "utf8")) as { items: Array<{ url: string; content_html: string }> };
    const story = json.items.find((item) => item.url.endsWith(PHOTO_STORY))!;
    expect(story.content_html).toMatch(/<figure class="bs-figure"><img src="https:\/\/news\.example\.org\/img\/\S+\.jpeg" width="\d+" height="\d+" alt="Dock workers/);
  });
});

describe("structured data and social cards", () => {
  const jsonLd = ($: CheerioAPI) => JSON.parse($('script[type="application/ld+json"]').text()) as { image: Array<{ url: string; width: number; height: number } | string> };

  it("NewsArticle's image is the story's first body photo when it has no lead, in the 16x9, 4x3 and 1x1 crops; og:image the 16x9", () => {
    const images = jsonLd(photoStory).image as Array<{ url: string; width: number; height: number }>;
    expect(images.map((image) => [image.url.replace(/\/img\/[0-9a-f]+-/, "/img/…-"), image.width, image.height])).toEqual([
      ["https://news.example.org/img/…-share-16x9.jpeg", 1200, 675],
      ["https://news.example.org/img/…-share-4x3.jpeg", 1066, 800],
      ["https://news.example.org/img/…-share-1x1.jpeg", 800, 800],
    ]);
    expect(photoStory('meta[property="og:image"]').attr("content")).toBe(images[0]!.url);
    expect(photoStory('meta[property="og:image:alt"]').attr("content")).toBe("Dock workers tie up a ferry as the sun rises over the quay");
  });

  it("a lead photo comes first; a story with no photo falls back to the site's share image", async () => {
    const lead = (jsonLd(tableStory).image as Array<{ url: string; width: number; height: number }>)[0]!;
    // The lead photo is square (800 x 800): its 16x9 crop is as wide as the photo.
    expect([lead.width, lead.height]).toEqual([800, 450]);
    expect(jsonLd(videoStory).image).toEqual(["https://news.example.org/assets/brand/social.png"]);
    for (const crop of jsonLd(photoStory).image as Array<{ url: string }>) {
      expect(await readFile(path.join(site.output, new URL(crop.url).pathname))).toBeTruthy();
    }
  });
});

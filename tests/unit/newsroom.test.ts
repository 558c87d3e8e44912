import { describe, expect, it } from "vitest";
import { buildNewsroom } from "../../src/collections/newsroom.ts";
import { pageWindow, paginate } from "../../src/collections/pagination.ts";
import { makeArticle, settings } from "../helpers/articles.ts";

const day = (n: number) => `2025-05-${String(n).padStart(2, "0")}T10:00:00+08:00`;

describe("buildNewsroom", () => {
  it("sorts newest first, ties by URL, and leads with the newest", () => {
    const newsroom = buildNewsroom(
      [makeArticle("b", { date: day(1) }), makeArticle("c", { date: day(3) }), makeArticle("a", { date: day(1) })],
      settings,
    );
    expect(newsroom.articles.map((article) => article.slug)).toEqual(["c", "a", "b"]);
    expect(newsroom.editions[0]!.lead?.slug).toBe("c");
  });

  it("merges tags that differ in case, keeps C++ and C# apart and counts each", () => {
    const newsroom = buildNewsroom(
      [
        makeArticle("a", { date: day(1), tags: ["Climate", "C++"] }),
        makeArticle("b", { date: day(2), tags: ["climate", "C#"] }),
        makeArticle("c", { date: day(3), tags: [" CLIMATE ", "人工智能"] }),
      ],
      settings,
    );
    expect(newsroom.editions[0]!.tags.map((tag) => [tag.label, tag.url, tag.count])).toEqual([
      ["C#", "/tags/c-sharp/", 1],
      ["C++", "/tags/c-plus-plus/", 1],
      ["Climate", "/tags/climate/", 3],
      ["人工智能", "/tags/人工智能/", 1],
    ]);
    expect(newsroom.articles[0]!.tags).toEqual([
      { label: "Climate", url: "/tags/climate/" },
      { label: "人工智能", url: "/tags/人工智能/" },
    ]);
  });

  it("labels a tag by its most used spelling", () => {
    const newsroom = buildNewsroom(
      [makeArticle("a", { date: day(1), tags: ["AI"] }), makeArticle("b", { date: day(2), tags: ["ai"] }), makeArticle("c", { date: day(3), tags: ["ai"] })],
      settings,
    );
    expect(newsroom.editions[0]!.tags[0]!.label).toBe("ai");
  });

  it("gives distinct tags whose words match different URLs", () => {
    const newsroom = buildNewsroom([makeArticle("a", { tags: ["C++", "c plus plus"] })], settings);
    expect(newsroom.editions[0]!.tags.map((tag) => tag.url).sort()).toEqual(["/tags/c-plus-plus-2/", "/tags/c-plus-plus/"]);
  });

  it("links previous and next within a section only", () => {
    const newsroom = buildNewsroom(
      [
        makeArticle("old", { date: day(1) }),
        makeArticle("elsewhere", { date: day(2), section: "world" }),
        makeArticle("new", { date: day(3) }),
      ],
      settings,
    );
    const [latest, , oldest] = newsroom.articles;
    expect(latest!.previous?.url).toBe("/china/2025/05/old/");
    expect(latest!.next).toBeUndefined();
    expect(oldest!.next?.url).toBe("/china/2025/05/new/");
  });

  it("paginates each section, and a section with no articles still has a page", () => {
    const many = Array.from({ length: 45 }, (_, index) => makeArticle(`s${index}`, { date: `2025-05-01T10:${String(index).padStart(2, "0")}:00+08:00` }));
    const newsroom = buildNewsroom(many, settings);
    const china = newsroom.editions[0]!.sectionPages.filter((page) => page.key === "china");
    expect(china.map((page) => [page.url, page.items.length])).toEqual([
      ["/china/", 20],
      ["/china/page/2/", 20],
      ["/china/page/3/", 5],
    ]);
    expect(newsroom.editions[0]!.sectionPages.filter((page) => page.key === "world")).toHaveLength(1);
    expect(newsroom.sectionPages.filter((page) => page.url === "/zh/china/")).toHaveLength(1);
    expect(newsroom.editions[0]!.sections.find((section) => section.key === "china")!.latest).toHaveLength(settings.site.homeLatestPerSection);
  });
});

describe("paginate", () => {
  it("links previous and next pages", () => {
    const items = buildNewsroom(Array.from({ length: 5 }, (_, index) => makeArticle(`p${index}`)), settings).articles;
    const pages = paginate(items, 2, { kind: "tag", key: "x", heading: "x", description: "", url: "/tags/x/", edition: settings.editions[0]! });
    expect(pages.map((page) => [page.url, page.previousUrl, page.nextUrl])).toEqual([
      ["/tags/x/", undefined, "/tags/x/page/2/"],
      ["/tags/x/page/2/", "/tags/x/", "/tags/x/page/3/"],
      ["/tags/x/page/3/", "/tags/x/page/2/", undefined],
    ]);
    expect(pages[1]!.meta.title).toBe("x (page 2 of 3)");
  });
});

describe("pageWindow", () => {
  it("shows the first, the last and two either side of the current page", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 20)).toEqual([1, 2, 3, 20]);
    expect(pageWindow(6, 20)).toEqual([1, 4, 5, 6, 7, 8, 20]);
    expect(pageWindow(20, 20)).toEqual([1, 18, 19, 20]);
  });
});

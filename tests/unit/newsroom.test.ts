import { describe, expect, it } from "vitest";
import { articlesOnTheirOwn, buildNewsroom, indexEditions } from "../../src/collections/newsroom.ts";
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
    // The first page keeps what is over whole pages of 20 counted from the oldest story.
    expect(china.map((page) => [page.url, page.items.length, page.items.at(-1)!.slug])).toEqual([
      ["/china/", 25, "s20"],
      ["/china/page/1/", 20, "s0"],
    ]);
    expect(newsroom.editions[0]!.sectionPages.filter((page) => page.key === "world")).toHaveLength(1);
    expect(newsroom.sectionPages.filter((page) => page.url === "/zh/china/")).toHaveLength(1);
    expect(newsroom.editions[0]!.sections.find((section) => section.key === "china")!.latest).toHaveLength(settings.site.homeLatestPerSection);
  });
});

describe("articlesOnTheirOwn", () => {
  it("gives each edition's articles, in order, as the newsroom publishes them but for what links them to others", () => {
    const parsed = [
      makeArticle("a", { date: day(1), tags: ["AI", "Ferries"], authors: ["chen-yu"] }),
      makeArticle("zh-a", { date: day(2), lang: "zh", tags: ["渡轮"] }),
      makeArticle("b", { date: day(3), tags: ["ai"], section: "world" }),
      makeArticle("c", { date: day(3), tags: ["ai"] }),
      makeArticle("zh-b", { date: day(4), lang: "zh" }),
    ];
    const own = articlesOnTheirOwn(indexEditions(parsed, settings));
    const published = buildNewsroom(parsed, settings).editions.flatMap((edition) => edition.articles);
    expect(own.map((article) => article.url)).toEqual(published.map((article) => article.url));
    // Every field it has is the published article's, the tags' labels chosen across the edition.
    own.forEach((article, index) => {
      const whole = published[index]!;
      for (const [field, value] of Object.entries(article)) expect([article.url, field, value]).toEqual([article.url, field, whole[field as keyof typeof whole]]);
    });
    expect(own.find((article) => article.url.includes("/a"))?.tags.map((tag) => tag.label)).toEqual(["ai", "Ferries"]);
    expect(own.find((article) => article.url.includes("/a"))?.authors.map((author) => author.key)).toEqual(["chen-yu"]);
  });
});

describe("paginate", () => {
  const items = (count: number) =>
    buildNewsroom(
      Array.from({ length: count }, (_, index) => makeArticle(`p${index}`, { date: new Date(Date.UTC(2025, 0, 1) + index * 3_600_000).toISOString() })),
      settings,
    ).articles;
  const base = { kind: "tag" as const, key: "x", heading: "x", description: "", url: "/tags/x/", edition: settings.editions[0]! };

  it("keeps the newest on the first page and numbers the later pages from the oldest", () => {
    const pages = paginate(items(5), 2, base);
    expect(pages.map((page) => [page.url, page.items.map((story) => story.slug), page.previousUrl, page.nextUrl])).toEqual([
      ["/tags/x/", ["p4"], undefined, "/tags/x/page/2/"],
      ["/tags/x/page/2/", ["p3", "p2"], "/tags/x/", "/tags/x/page/1/"],
      ["/tags/x/page/1/", ["p1", "p0"], "/tags/x/page/2/", undefined],
    ]);
    expect(pages.map((page) => [page.meta.title, page.total, page.pageNumber, page.span])).toEqual([
      ["x", 5, undefined, undefined],
      ["x (page 2)", undefined, 2, "1 Jan 2025"],
      ["x (page 1)", undefined, 1, "1 Jan 2025"],
    ]);
    expect(pages[1]!.pageLinks).toEqual([
      { number: undefined, url: "/tags/x/", current: false, afterGap: false },
      { number: 2, url: "/tags/x/page/2/", current: true, afterGap: false },
      { number: 1, url: "/tags/x/page/1/", current: false, afterGap: false },
    ]);
  });

  it("gives the first page between half a page and one and a half, and one page to a short list", () => {
    const all = items(200);
    for (let count = 0; count <= 200; count++) {
      const pages = paginate(all.slice(0, count), 20, base);
      const first = pages[0]!.items.length;
      if (count <= 20) expect(pages, `${count}`).toHaveLength(1);
      else expect(first >= 10 && first < 30 && pages.slice(1).every((page) => page.items.length === 20), `${count}`).toBe(true);
      expect(pages.flatMap((page) => page.items).length).toBe(count);
    }
  });

  it("leaves every numbered page but the newest four as it was when a story is added", () => {
    const all = items(400);
    for (let count = 20; count < 400; count++) {
      // The list before and after its newest story (lists are newest first).
      const before = paginate(all.slice(400 - count), 20, base);
      const after = paginate(all.slice(400 - count - 1), 20, base);
      const newest = Math.max(...after.map((page) => page.pageNumber ?? 0));
      for (const page of after.slice(1)) {
        if (page.pageNumber! > newest - 4) continue;
        expect(before.find((other) => other.url === page.url), `${count}: ${page.url}`).toEqual(page);
      }
    }
  });
});

describe("pageWindow", () => {
  const numbers = (current: number, numbered: number) => pageWindow(current, numbered).map((link) => link.number ?? "first");
  it("shows the first page, two either side of the current one and page 1, newest first", () => {
    expect(numbers(2, 1)).toEqual(["first", 1]);
    expect(numbers(1, 1)).toEqual(["first", 1]);
    expect(numbers(21, 20)).toEqual(["first", 20, 19, 1]);
    expect(numbers(6, 20)).toEqual(["first", 8, 7, 6, 5, 4, 1]);
    expect(numbers(1, 20)).toEqual(["first", 3, 2, 1]);
    expect(pageWindow(6, 20).filter((link) => link.afterGap).map((link) => link.number)).toEqual([8, 1]);
    expect(pageWindow(2, 3).filter((link) => link.afterGap)).toEqual([]);
  });
});

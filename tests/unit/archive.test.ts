import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/collections/archive.ts";
import { buildNewsroom } from "../../src/collections/newsroom.ts";
import { makeArticle, settings } from "../helpers/articles.ts";

const archiveOf = (articles: ReturnType<typeof makeArticle>[], edition = 0) => buildNewsroom(articles, settings).editions[edition]!.archive;

describe("buildArchive", () => {
  it("puts a story on its day in the site's zone, whatever offset its date was written with", () => {
    const archive = archiveOf([
      makeArticle("shanghai-half-past-midnight", { date: "2025-03-01T00:30:00+08:00" }),
      makeArticle("utc-afternoon", { date: "2025-02-28T16:30:00Z" }), // 00:30 on 1 March in Shanghai
      makeArticle("utc-a-minute-before", { date: "2025-02-28T15:59:00Z" }), // 23:59 on 28 February
      makeArticle("bare-date", { date: "2025-02-28" }), // midnight in Shanghai
    ]);
    const days = archive.years.flatMap((year) => year.months.flatMap((month) => month.days));
    expect(days.map((day) => [day.iso, day.url, day.count])).toEqual([
      ["2025-03-01", "/archive/2025/03/01/", 2],
      ["2025-02-28", "/archive/2025/02/28/", 2],
    ]);
    const first = archive.dayPages.find((page) => page.iso === "2025-03-01")!;
    // One instant: ties go by URL, as in every list.
    expect(first.listPage.items.map((story) => story.slug)).toEqual(["shanghai-half-past-midnight", "utc-afternoon"]);
  });

  it("counts years, months and days, newest first, and leaves out those without stories", () => {
    const archive = archiveOf([
      makeArticle("a", { date: "2024-12-31T23:30:00+08:00" }),
      makeArticle("b", { date: "2024-12-31T16:00:00Z" }), // midnight, 1 January 2025 in Shanghai
      makeArticle("c", { date: "2025-02-03T09:00:00+08:00" }),
      makeArticle("d", { date: "2025-02-03T10:00:00+08:00" }),
      makeArticle("e", { date: "2025-02-14T10:00:00+08:00" }),
      makeArticle("f", { date: "2023-06-01T10:00:00+08:00" }),
    ]);
    expect(archive.url).toBe("/archive/");
    expect(archive.count).toBe(6);
    expect(archive.years.map((year) => [year.iso, year.label, year.count])).toEqual([
      ["2025", "2025", 4],
      ["2024", "2024", 1],
      ["2023", "2023", 1],
    ]);
    expect(archive.years[0]!.months.map((month) => [month.url, month.label, month.heading, month.count])).toEqual([
      ["/archive/2025/02/", "February", "February 2025", 3],
      ["/archive/2025/01/", "January", "January 2025", 1],
    ]);
    expect(archive.years[0]!.months[0]!.days.map((day) => [day.label, day.count])).toEqual([
      ["Friday 14 February", 1],
      ["Monday 3 February", 2],
    ]);
    expect(archive.dayPages.map((page) => page.listPage.url)).toEqual([
      "/archive/2025/02/14/",
      "/archive/2025/02/03/",
      "/archive/2025/01/01/",
      "/archive/2024/12/31/",
      "/archive/2023/06/01/",
    ]);
    expect(archive.dayPages[1]!.listPage.heading).toBe("Monday, 3 February 2025");
    expect(archive.dayPages[1]!.month).toEqual({ label: "February", heading: "February 2025", url: "/archive/2025/02/" });
  });

  it("paginates a busy day like a section, each page dated by its newest change", () => {
    const newsroom = buildNewsroom(
      [1, 2, 3, 4, 5].map((hour) =>
        makeArticle(`s${hour}`, { date: `2025-03-01T0${hour}:00:00+08:00`, ...(hour === 1 ? { updated: "2025-03-09T12:00:00+08:00" } : {}) }),
      ),
      settings,
    );
    const { edition, articles } = newsroom.editions[0]!;
    const archive = buildArchive(articles, edition, 2);
    expect(archive.dayPages.map(({ listPage }) => [listPage.url, listPage.pageNumber, listPage.total, listPage.items.map((story) => story.slug)])).toEqual([
      ["/archive/2025/03/01/", undefined, 5, ["s5"]],
      ["/archive/2025/03/01/page/2/", 2, undefined, ["s4", "s3"]],
      ["/archive/2025/03/01/page/1/", 1, undefined, ["s2", "s1"]],
    ]);
    expect(archive.dayPages[1]!.listPage).toMatchObject({ kind: "day", previousUrl: "/archive/2025/03/01/", nextUrl: "/archive/2025/03/01/page/1/" });
    expect(archive.dayPages.map((page) => page.lastmod)).toEqual(["2025-03-01T05:00:00+08:00", "2025-03-01T04:00:00+08:00", "2025-03-09T12:00:00+08:00"]);
    // The month page changes when a story is published in the month, not when one is updated.
    expect(archive.years[0]!.months[0]!.lastmod).toBe("2025-03-01T05:00:00+08:00");
    expect(archive.lastmod).toBe("2025-03-01T05:00:00+08:00");
  });

  it("gives each edition its own archive, in its language's words", () => {
    const newsroom = buildNewsroom(
      [makeArticle("en", { date: "2025-03-01T00:30:00+08:00" }), makeArticle("zh", { date: "2025-02-28T16:30:00Z", lang: "zh" })],
      settings,
    );
    const [english, chinese] = newsroom.editions.map((edition) => edition.archive);
    expect(english!.count).toBe(1);
    expect(chinese!.url).toBe("/zh/archive/");
    expect(chinese!.count).toBe(1);
    const month = chinese!.years[0]!.months[0]!;
    expect([chinese!.years[0]!.label, month.label, month.heading, month.url]).toEqual(["2025年", "三月", "2025年3月", "/zh/archive/2025/03/"]);
    expect(month.days.map((day) => [day.label, day.url])).toEqual([["3月1日星期六", "/zh/archive/2025/03/01/"]]);
    expect(chinese!.dayPages[0]!.listPage.heading).toBe("2025年3月1日星期六");
    expect(chinese!.dayPages[0]!.listPage.description).toBe("大报日刊2025年3月1日星期六发布的报道，由新到旧。");
  });

  it("has no years and no day pages for an edition without stories", () => {
    const archive = archiveOf([makeArticle("en")], 1);
    expect(archive).toMatchObject({ url: "/zh/archive/", years: [], dayPages: [], count: 0, lastmod: undefined });
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { readFrontChoices, storyPath, type EditionChoices, type FrontChoices } from "../../src/collections/front-page.ts";
import { buildNewsroom } from "../../src/collections/newsroom.ts";
import type { ParsedArticle } from "../../src/content/article-model.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { makeArticle, settings } from "../helpers/articles.ts";

const day = (n: number) => `2025-05-${String(n).padStart(2, "0")}T10:00:00+08:00`;
const url = (slug: string) => `/china/2025/05/${slug}/`;
// The parse context's now is 2026-01-01: a later date is embargoed.
const now = DateTime.fromISO("2026-01-01T00:00:00Z", { zone: "utc" });

const published = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => makeArticle(`s${n}`, { date: day(n) }));
const draft = makeArticle("draft", { date: day(9), draft: true });
const embargoed = makeArticle("later", { date: "2026-03-01T10:00:00+08:00" });
const chinese = makeArticle("zh-story", { date: day(9), lang: "zh" });

function front(en: EditionChoices, parsed: ParsedArticle[] = [...published, chinese]) {
  const choices: FrontChoices = { file: "_data/front.json", editions: { en } };
  const newsroom = buildNewsroom(parsed, settings, new Map(), new Map(), {
    choices,
    now,
    timeZone: settings.site.timeZone,
    siteUrl: "https://news.example.org",
    pathPrefix: "/",
    heldBack: new Map([draft, embargoed].map((article) => [article.url, article])),
  });
  const edition = newsroom.editions[0]!;
  return {
    lead: edition.lead?.slug,
    top: edition.top.map((article) => article.slug),
    latest: edition.latest.map((article) => article.slug),
    breaking: edition.breaking,
    warnings: edition.frontWarnings.map(formatProblem),
    chinaBlock: edition.sections.find((section) => section.key === "china")!.latest.map((article) => article.slug),
  };
}

describe("the edited front page", () => {
  it("leads with the newest story and lists the next five when nothing is chosen", () => {
    expect(front({})).toMatchObject({ lead: "s8", top: [], latest: ["s7", "s6", "s5", "s4", "s3"], warnings: [] });
  });

  it("leads with the chosen story above newer ones, then the top stories in order, then the latest of the rest", () => {
    const result = front({ lead: url("s2"), top: [url("s5"), url("s1")] });
    expect(result.lead).toBe("s2");
    expect(result.top).toEqual(["s5", "s1"]);
    expect(result.latest).toEqual(["s8", "s7", "s6", "s4", "s3"]);
    expect(result.warnings).toEqual([]);
    // The section block leaves out the lead, which heads the page, as before.
    expect(result.chinaBlock).not.toContain("s2");
    expect(result.chinaBlock[0]).toBe("s8");
  });

  it("takes a whole address, percent-encoded or without its closing slash", () => {
    expect(storyPath("https://news.example.org/newsroom/zh/china/2025/05/%E6%B8%A1%E8%BD%AE", "/newsroom/")).toBe("/zh/china/2025/05/渡轮/");
    expect(storyPath("/china/2025/05/s2?utm=x", "/")).toBe("/china/2025/05/s2/");
    expect(storyPath("s2", "/")).toBeUndefined();
    expect(front({ lead: "https://news.example.org/china/2025/05/s2" }).lead).toBe("s2");
  });

  it("ignores a draft, an embargoed, an unknown or another edition's story with a warning naming the file and field", () => {
    const result = front({ lead: draft.url, top: [embargoed.url, "/china/2025/05/nowhere/", chinese.url, "not-a-path", url("s3")] });
    expect(result.lead).toBe("s8");
    expect(result.top).toEqual(["s3"]);
    expect(result.warnings).toEqual([
      `_data/front.json: en.lead: "${draft.url}" is a draft, not published; ignored`,
      `_data/front.json: en.top[0]: "${embargoed.url}" is embargoed until 2026-03-01T10:00:00+08:00; ignored`,
      '_data/front.json: en.top[1]: "/china/2025/05/nowhere/" names no published story; ignored',
      `_data/front.json: en.top[2]: "${chinese.url}" is a story of the zh edition; choose it in "zh"; ignored`,
      '_data/front.json: en.top[3]: "not-a-path" is not a story\'s address; copy it from the browser, e.g. /china/2026/08/harbour-city-opens-night-ferry/; ignored',
    ]);
  });

  it("never leads with a draft a preview build publishes", () => {
    const result = front({ lead: draft.url }, [...published, draft]);
    expect(result.lead).toBe("draft"); // the newest, as any preview shows it
    expect(result.warnings).toEqual([`_data/front.json: en.lead: "${draft.url}" is a draft, not published; ignored`]);
    const pinned = front({ lead: url("s1"), top: [draft.url] }, [...published, draft]);
    expect(pinned.top).toEqual([]);
  });

  it("shows a story once: a top story repeating the lead or another is ignored with a warning", () => {
    const result = front({ lead: url("s2"), top: [url("s2"), url("s4"), url("s4")] });
    expect(result.top).toEqual(["s4"]);
    expect(result.warnings).toEqual([
      '_data/front.json: en.top[0]: "/china/2025/05/s2/" is already on the front page above; ignored',
      '_data/front.json: en.top[2]: "/china/2025/05/s4/" is already on the front page above; ignored',
    ]);
  });

  it("shows a strip until its expiry and drops it afterwards with a warning", () => {
    const strip = { text: "Typhoon warning raised", link: url("s3"), expires: "2026-01-01T08:00:00+08:00" }; // the moment the build runs
    expect(front({ breaking: strip }).breaking).toBeUndefined();
    expect(front({ breaking: strip }).warnings).toEqual([
      '_data/front.json: en.breaking.expires: "2026-01-01T08:00:00+08:00" has passed (the build\'s now is 2026-01-01T08:00:00+08:00); the strip is dropped',
    ]);
    const current = front({ breaking: { ...strip, expires: "2026-01-01T08:00:01+08:00" } });
    expect(current.breaking).toEqual({ text: "Typhoon warning raised", url: "/china/2025/05/s3/", expires: "2026-01-01T08:00:01+08:00" });
    expect(current.warnings).toEqual([]);
  });

  it("links a strip elsewhere as written, or not at all, and drops one whose story is not published", () => {
    const expires = "2026-02-01T00:00:00+08:00";
    expect(front({ breaking: { text: "Live", link: "https://live.example.net/typhoon", expires } }).breaking?.url).toBe("https://live.example.net/typhoon");
    expect(front({ breaking: { text: "Roads closed", expires } }).breaking).toEqual({ text: "Roads closed", url: undefined, expires: "2026-02-01T00:00:00+08:00" });
    const toDraft = front({ breaking: { text: "Live", link: `https://news.example.org${draft.url}`, expires } });
    expect(toDraft.breaking).toBeUndefined();
    expect(toDraft.warnings[0]).toContain("en.breaking.link:");
    const undated = front({ breaking: { text: "Live", expires: "" } });
    expect(undated.breaking).toBeUndefined();
    expect(undated.warnings[0]).toMatch(/^_data\/front\.json: en\.breaking\.expires: is empty/);
    expect(front({ breaking: { text: "Live", expires: "next Tuesday" } }).warnings[0]).toContain('"next Tuesday" is not an ISO 8601 time');
  });
});

describe("readFrontChoices", () => {
  const write = (data: unknown) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "front-"));
    writeFileSync(path.join(dir, "front.json"), typeof data === "string" ? data : JSON.stringify(data));
    return dir;
  };

  it("reads each edition's choices, blank fields as none", () => {
    const dir = write({ en: { lead: " /a/ ", top: ["/b/", ""], breaking: { text: "", link: "", expires: "" } } });
    expect(readFrontChoices(dir, ["en", "zh"])?.editions).toEqual({ en: { lead: "/a/", top: ["/b/"], breaking: { text: undefined, link: undefined, expires: undefined } } });
    expect(readFrontChoices(path.join(dir, "none"), ["en"])).toBeUndefined();
  });

  it("stops on a file of the wrong shape, naming the file and field", () => {
    const errors = [
      [{ fr: {} }, /front\.json: fr: is not an edition of this site; use one of en, zh$/],
      [{ en: { top: "/a/" } }, /front\.json: en\.top: must be a list/],
      [{ en: { lead: 3 } }, /front\.json: en\.lead: must be text, got 3$/],
      [{ en: { breaking: { expires: 1796000000 } } }, /front\.json: en\.breaking\.expires: must be text/],
      [{ en: { headline: "/a/" } }, /front\.json: en\.headline: is not a front-page choice/],
      ["{", /front\.json: .*JSON/],
    ] as const;
    for (const [data, message] of errors) expect(() => readFrontChoices(write(data), ["en", "zh"])).toThrow(message);
  });
});

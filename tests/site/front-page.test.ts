import { copyFile, mkdir, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, loadPage, pageFile, type BuildResult } from "../helpers/site.ts";
import { sharedSite } from "../helpers/shared-sites.ts";
import { runHtmlValidate, runNuChecker } from "../helpers/validators.ts";

// The demo's edited front page (_data/front.json): a pinned lead older than the newest story,
// two top stories and a breaking strip that comes down at 2026-12-01T12:00:00+08:00. The shared
// demo build runs at 2026-11-30T08:53+08:00; a second build runs after the strip's expiry.
const AFTER_EXPIRY = "1796200000"; // 2026-12-02T10:26:40+08:00
const LEAD = "/china/2026/11/west-quay-cranes-last-shift/";
const NEWEST = "/society/2026/11/graduates-face-tighter-job-market/"; // the demo's newest story
const TOP = ["/economy/2026/11/rooftop-solar-district-league-table/", "/sci-tech/2026/11/tianlu-satellite-direct-phone-5g-test/"];

let current: BuildResult;
let expired: BuildResult;
beforeAll(async () => {
  [current, expired] = await Promise.all([sharedSite("demo"), buildSite({ SOURCE_DATE_EPOCH: AFTER_EXPIRY })]);
  expect(current.exitCode, current.stderr).toBe(0);
  expect(expired.exitCode, expired.stderr).toBe(0);
});

const links = ($: Awaited<ReturnType<typeof loadPage>>, selector: string) => $(selector).map((_, link) => $(link).attr("href")).get();

describe("the demo's edited front page", () => {
  it("leads with the editors' story though a newer one exists, then the top stories in order, then the latest", async () => {
    const $ = await loadPage(current.output, "/");
    expect(links($, ".bs-lead__headline a")).toEqual([LEAD]);
    const [top, latest] = [$("#bs-top-heading").closest("section"), $("#bs-latest-heading").closest("section")];
    expect(top.find(".bs-teaser-list :is(h2, h3) a").map((_, link) => $(link).attr("href")).get()).toEqual(TOP);
    const latestLinks = latest.find(".bs-teaser-list :is(h2, h3) a").map((_, link) => $(link).attr("href")).get();
    expect(latestLinks[0]).toBe(NEWEST);
    expect(latestLinks).not.toContain(LEAD);
    for (const url of TOP) expect(latestLinks).not.toContain(url);
    // The newest story is newer than the lead that heads the page above it.
    const leadTime = $(".bs-lead__dateline time").attr("datetime")!;
    // (A teaser is dated by its day; the story's page has the time.)
    const newestTime = (await loadPage(current.output, NEWEST))(".bs-article__dateline time").attr("datetime")!;
    expect(Date.parse(newestTime)).toBeGreaterThan(Date.parse(leadTime));
    // In reading order: the strip, the lead, the top stories, the latest.
    const order = $("#bs-breaking-label, .bs-lead__headline, #bs-top-heading, #bs-latest-heading").map((_, element) => $(element).text().trim()).get();
    expect(order).toEqual(["Breaking news", $(".bs-lead__headline").text().trim(), "Top stories", "Latest"]);
    expect(current.stderr).not.toContain("front.json");
  });

  it("shows the breaking strip as a labelled region on each edition's front page only, while it is current", async () => {
    const $ = await loadPage(current.output, "/");
    const strip = $("section.bs-breaking");
    expect(strip).toHaveLength(1);
    expect($(`#${strip.attr("aria-labelledby")}`).text()).toBe("Breaking news");
    expect(strip.find("a").attr("href")).toBe("/world/2026/10/kestrel-islands-brace-for-cyclone/");
    expect(strip.text()).toContain("Cyclone watch: Kestrel Islands ferries suspended");
    const $zh = await loadPage(current.output, "/zh/");
    expect($zh("section.bs-breaking").text()).toContain("突发新闻");
    expect($zh("section.bs-breaking a")).toHaveLength(0); // the Chinese strip has no link
    expect(links($zh, ".bs-lead__headline a")).toEqual(["/zh/china/2026/11/west-quay-cranes-last-shift/"]);
    expect((await loadPage(current.output, LEAD))(".bs-breaking")).toHaveLength(0);
    expect((await loadPage(current.output, "/world/"))(".bs-breaking")).toHaveLength(0);
  });

  it("drops the strip once it has expired, with a warning naming the file and field, and keeps the pinned stories", async () => {
    for (const home of ["/", "/zh/"]) expect((await loadPage(expired.output, home))(".bs-breaking"), home).toHaveLength(0);
    expect(expired.stderr).toContain('[broadsheet] warning: _data/front.json: en.breaking.expires: "2026-12-01T12:00:00+08:00" has passed');
    expect(expired.stderr).toContain("[broadsheet] warning: _data/front.json: zh.breaking.expires:");
    expect(links(await loadPage(expired.output, "/"), ".bs-lead__headline a")).toEqual([LEAD]);
  });

  it("passes html-validate and the Nu HTML Checker with the strip and the top stories", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "front-pages-"));
    await mkdir(path.join(folder, "zh"));
    await copyFile(pageFile(current.output, "/"), path.join(folder, "index.html"));
    await copyFile(pageFile(current.output, "/zh/"), path.join(folder, "zh/index.html"));
    expect(await runHtmlValidate(folder)).toBe("");
    expect(await runNuChecker(folder)).toEqual([]);
  });
});

import { cp, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, fixtureArticles, FIXTURE_EPOCH, listPages, loadPage, projectRoot, type BuildResult } from "../helpers/site.ts";
import { fileHashes } from "../helpers/files.ts";

const invalidArticles = path.join(projectRoot, "tests/fixtures/invalid");

describe("a build with broken articles", () => {
  let before: Record<string, string>;
  let failed: BuildResult;
  let articlesBefore: Record<string, string>;
  let articlesAfter: Record<string, string>;

  beforeAll(async () => {
    const good = await buildSite({ BROADSHEET_ARTICLES: fixtureArticles, SOURCE_DATE_EPOCH: FIXTURE_EPOCH });
    expect(good.exitCode, good.stderr).toBe(0);
    before = await fileHashes(good.output);
    // Build the broken newsroom from a copy, so we can prove the build left its articles alone.
    const copy = path.join(await mkdtemp(path.join(os.tmpdir(), "broadsheet-invalid-")), "articles");
    await cp(invalidArticles, copy, { recursive: true });
    articlesBefore = await fileHashes(copy);
    failed = await buildSite({ BROADSHEET_ARTICLES: copy, SOURCE_DATE_EPOCH: FIXTURE_EPOCH }, good.output);
    articlesAfter = await fileHashes(copy);
  });

  it("exits non-zero and reports every problem of every article at once, as file: field: reason", () => {
    expect(failed.exitCode).not.toBe(0);
    const lines = failed.stderr.split("\n").map((line) => line.trim());
    const expected = [
      /\/bad-date\/article\.md: date: "1st of March 2025" is not an ISO 8601 date/,
      /\/bad-slug\/article\.md: slug: must be lowercase/,
      /\/broken-yaml\/article\.md: front matter: not valid YAML/,
      /\/draft-not-boolean\/article\.md: draft: must be true or false/,
      /\/duplicate-url\/second\/same-story\.md: slug: same URL \/china\/2025\/03\/same-story\/ as .*\/duplicate-url\/first\/same-story\.md/,
      /\/image-without-alt\/article\.md: image\.alt: required/,
      /\/impossible-date\/article\.md: date: "2025-02-30T09:00:00\+08:00" is not an ISO 8601 date/,
      /\/missing-date\/article\.md: date: required/,
      /\/missing-title\/article\.md: title: required/,
      /\/tags-not-a-list\/article\.md: tags: must be a list of strings/,
      /\/unknown-section\/article\.md: section: unknown section "sport"; expected one of: china, world, economy, sci-tech, culture, society/,
      /\/unknown-author\/article\.md: authors\.1: unknown author "wang-fang"; expected one of: li-wei, chen-yu, amara-okafor, zhou-lan, marta-lind/,
      /\/updated-before-date\/article\.md: updated: must not be before date/,
      /\/unknown-lang\/article\.md: lang: unknown language "jp"; expected one of: en, zh/,
      /\/duplicate-translation\/second\.md: translationKey: "ferry" is already used by .*\/duplicate-translation\/first\.md in the same language \(zh\)/,
      /\/control-character\/article\.md: tags\.2: contains the control character U\+0001; delete it/,
      /\/lone-surrogate\/article\.md: title: contains a lone surrogate U\+D800/,
      /\/body-control-character\/article\.md: body: line 9 contains the control character U\+0007/,
      /\/not-utf8\/article\.md: file: not UTF-8 text \(invalid byte 0xE9 at byte 82, line 6\)/,
      /\/bad-offset\/article\.md: date: "2025-03-01T09:00:00\+24:00" has the offset \+24:00, which no time zone has/,
      /\/unclosed-front-matter\/article\.md: front matter: opened at line 1 is never closed \(add a line with --- after the fields\)/,
      /\/tag-too-long\/article\.md: tags\.0: "港口城市夜间渡轮.*" \(88 characters\) makes a tag page URL segment of 264 bytes/,
      /\/slug-too-long\/article\.md: slug: is 263 bytes long/,
      // The story body, by the line in the file.
      /\/body-image-missing\/article\.md: body: line 8: no image file "cranes\.jpg" next to the article/,
      /\/body-image-without-alt\/article\.md: body: line 10: the image ".*social\.png" has no alt text/,
      /\/body-image-remote\/article\.md: body: line 8: "https:\/\/images\.example\.com\/cranes\.jpg" is a URL/,
      /\/body-image-not-image\/article\.md: body: line 8: "notes\.txt" must be a JPEG, PNG, WebP, AVIF, GIF or TIFF image/,
      /\/embed-host-not-allowed\/article\.md: body: line 8: embed: videos\.example\.net is not a host embeds may come from/,
      /\/embed-without-title\/article\.md: body: line 8: an embed has no title/,
      /\/embed-never-closed\/article\.md: body: line 8: /,
      /\/gallery-with-text\/article\.md: body: line 11: a gallery \(line 8\) holds photos only/,
      // Old URLs (aliases): a site path, not the site's own folders, one story each.
      /\/alias-not-a-path\/article\.md: aliases\.0: "https:\/\/example\.org\/china\/2025\/02\/old-ferry\/" is a web address/,
      /\/alias-reserved\/article\.md: aliases\.0: "\/tags\/ferries\/" is under \/tags\/, a folder the site writes itself/,
      /\/alias-taken\/other\.md: aliases\.0: \/china\/2025\/03\/alias-taken-story\/ is the URL of .*\/alias-taken\/story\.md/,
      /\/alias-shared\/second\.md: aliases\.0: \/china\/2025\/01\/harbour-plan\/ is already an alias of .*\/alias-shared\/first\.md/,
    ];
    for (const pattern of expected) expect(lines.some((line) => pattern.test(line)), String(pattern)).toBe(true);
    // Each fixture's own problem (gallery-with-text also names its photo, whose relative path leaves the copied folder).
    expect(failed.stderr).toContain("36 problems in the articles; nothing was written");
  });

  it("leaves the previous site byte-for-byte as it was", async () => {
    expect(await fileHashes(failed.output)).toEqual(before);
  });

  it("never modifies the articles", () => {
    expect(articlesAfter).toEqual(articlesBefore);
  });
});

describe("reproducible builds", () => {
  it("write byte-identical sites from one commit and one SOURCE_DATE_EPOCH in two folders", async () => {
    const env = { BROADSHEET_ARTICLES: fixtureArticles, SOURCE_DATE_EPOCH: FIXTURE_EPOCH, SITE_URL: "https://news.example.org" };
    const [first, second] = await Promise.all([buildSite(env), buildSite(env)]);
    expect(first.exitCode).toBe(0);
    expect(second.exitCode).toBe(0);
    expect(first.output).not.toBe(second.output);
    const hashes = await fileHashes(first.output);
    expect(Object.keys(hashes).length).toBeGreaterThan(40);
    expect(await fileHashes(second.output)).toEqual(hashes);
  });
});

describe("the build's memory", () => {
  it("is limited to fit the newsroom, unless NODE_OPTIONS sets the limit", async () => {
    const sized = await buildSite({ BROADSHEET_ARTICLES: fixtureArticles, SOURCE_DATE_EPOCH: FIXTURE_EPOCH });
    expect(sized.exitCode, sized.stderr).toBe(0);
    expect(sized.stdout).toMatch(/wrote .* in [\d.]+ s \(heap limit 1024 MiB\)\./);
    const chosen = await buildSite({ BROADSHEET_ARTICLES: fixtureArticles, SOURCE_DATE_EPOCH: FIXTURE_EPOCH, NODE_OPTIONS: "--max-old-space-size=900" });
    expect(chosen.exitCode, chosen.stderr).toBe(0);
    expect(chosen.stdout).toMatch(/\(heap limit 900 MiB\)\./);
  });
});

describe("an embargo", () => {
  it("lifts at its time: the next build after it (as the hourly deploy runs) publishes the article", async () => {
    // 2025-07-01T01:00:00Z is 09:00 in Shanghai, the embargoed article's publication time.
    const lifted = await buildSite({ BROADSHEET_ARTICLES: fixtureArticles, SOURCE_DATE_EPOCH: "1751331600" });
    expect(lifted.exitCode, lifted.stderr).toBe(0);
    const $ = await loadPage(lifted.output, "/economy/2025/07/embargoed-story/");
    expect($("h1").text()).toBe("Embargoed until July");
    expect($(".bs-banner")).toHaveLength(0);
    expect(lifted.stdout).toContain("1 draft and 0 embargoed held back");
    const minuteBefore = await buildSite({ BROADSHEET_ARTICLES: fixtureArticles, SOURCE_DATE_EPOCH: "1751331540" });
    expect((await listPages(minuteBefore.output)).some((page) => page.includes("embargoed-story"))).toBe(false);
  });
});

describe("a preview build (BUILD_DRAFTS=1)", () => {
  let preview: BuildResult;
  beforeAll(async () => {
    preview = await buildSite({ BROADSHEET_ARTICLES: fixtureArticles, SOURCE_DATE_EPOCH: FIXTURE_EPOCH, BUILD_DRAFTS: "1" });
    expect(preview.exitCode, preview.stderr).toBe(0);
  });

  it("shows a draft with a visible Draft banner and noindex", async () => {
    const $ = await loadPage(preview.output, "/society/2025/04/secret-draft/");
    expect($(".bs-banner").text()).toContain("Draft");
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($(".bs-article__body").text()).toContain("zanzibarquokka");
  });

  it("shows an embargoed article with its release time and noindex", async () => {
    const $ = await loadPage(preview.output, "/economy/2025/07/embargoed-story/");
    expect($(".bs-banner").text().replace(/\s+/g, " ")).toContain("Embargoed until 1 July 2025, 09:00");
    expect($(".bs-banner time").attr("datetime")).toBe("2025-07-01T09:00:00+08:00");
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
  });

  it("says in its summary that the held-back articles are previews", () => {
    expect(preview.stdout).toContain("1 draft and 1 embargoed shown as previews");
  });

  it("keeps published pages indexable", async () => {
    const $ = await loadPage(preview.output, "/sci-tech/2025/03/hostile-title/");
    expect($('meta[name="robots"]')).toHaveLength(0);
    expect((await listPages(preview.output)).length).toBeGreaterThan(40);
    const home = await loadPage(preview.output, "/");
    const draftTeaser = home(".bs-teaser-list > li").filter((_, li) => home(li).text().includes("Draft that must never appear"));
    expect(draftTeaser.length).toBeGreaterThan(0);
    draftTeaser.each((_, li) => expect(home(li).find(".bs-teaser__status").text()).toBe("Draft"));
  });
});

import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, fixtureArticles, FIXTURE_EPOCH, findBrokenLinks, loadPage, type BuildResult } from "../helpers/site.ts";
import { runHtmlValidate, runNuChecker } from "../helpers/validators.ts";
import { PUBLISHED_URLS_FILE } from "../../src/collections/published-urls.ts";

// URLs never break: an old URL listed in `aliases:` gets a page sending readers on and a line in
// `_redirects`; a URL a build published that is gone with no alias is named by the next build.
// Three builds of one copy of the fixture newsroom with one cache: as published, after stories
// moved (a new slug; a file renamed, found by its translationKey), one deleted and one made a
// draft, then with an alias for one of the moved stories.
const OLD = "/society/2025/04/updated-story/";
const NEW = "/society/2025/04/clinic-open-late/";
const RENAMED_OLD = "/sci-tech/2025/03/hostile-title/";
const RENAMED_NEW = "/sci-tech/2025/03/rules-for-data/";
const DELETED = "/china/2025/04/cjk-title/";

let work: string;
let articles: string;
let cache: string;
let first: BuildResult;
let moved: BuildResult;
let aliased: BuildResult;
let prefixed: BuildResult;

const editFile = async (file: string, edit: (text: string) => string) => {
  const full = path.join(articles, file);
  await writeFile(full, edit(await readFile(full, "utf8")));
};
const addField = (line: string) => (text: string) => text.replace(/^---\n/, `---\n${line}\n`);

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "broadsheet-redirects-"));
  articles = path.join(work, "articles");
  cache = path.join(work, "cache");
  await cp(fixtureArticles, articles, { recursive: true });
  const env = { BROADSHEET_ARTICLES: articles, SOURCE_DATE_EPOCH: FIXTURE_EPOCH, BROADSHEET_CACHE: cache };
  first = await buildSite(env, path.join(work, "first"));
  expect(first.exitCode, first.stderr).toBe(0);

  await editFile("2025/04/updated-story.md", addField("slug: clinic-open-late"));
  await rename(path.join(articles, "2025/03/hostile-title.md"), path.join(articles, "2025/03/rules-for-data.md"));
  await rm(path.join(articles, "2025/04/cjk-title.md"));
  await editFile("2025/04/bare-date.md", addField("draft: true"));
  moved = await buildSite(env, path.join(work, "moved"));
  expect(moved.exitCode, moved.stderr).toBe(0);

  await editFile("2025/04/updated-story.md", (text) => text.replace(/\n---\n/, `\naliases: [${OLD}, /society/2024/12/clinic/]\n---\n`));
  aliased = await buildSite(env, path.join(work, "aliased"));
  expect(aliased.exitCode, aliased.stderr).toBe(0);
  prefixed = await buildSite({ ...env, BROADSHEET_CACHE: path.join(work, "cache-prefixed"), PATH_PREFIX: "/newsroom/" }, path.join(work, "prefixed"));
  expect(prefixed.exitCode, prefixed.stderr).toBe(0);
}, 600_000);

describe("a published URL that is gone", () => {
  it("is recorded in the cache folder by a production build", async () => {
    const record = JSON.parse(await readFile(path.join(cache, PUBLISHED_URLS_FILE), "utf8")) as { urls: Array<{ url: string }> };
    expect(record.urls.map((entry) => entry.url)).toEqual(expect.arrayContaining([OLD, NEW, RENAMED_NEW, DELETED]));
    expect(first.stderr).not.toMatch(/was published and is gone/);
  });

  it("is named by the next build with the alias to add, and the story's new place when it can be found", () => {
    const gone = moved.stderr.split("\n").filter((line) => line.includes("was published and is gone"));
    expect(gone).toHaveLength(3);
    expect(gone).toContainEqual(
      `[broadsheet] warning: ${OLD} was published and is gone; add aliases: [${OLD}] to the story now at ${NEW} (${path.join(articles, "2025/04/updated-story.md")})`,
    );
    // Renamed: found by its translationKey.
    expect(gone).toContainEqual(
      `[broadsheet] warning: ${RENAMED_OLD} was published and is gone; add aliases: [${RENAMED_OLD}] to the story now at ${RENAMED_NEW} (${path.join(articles, "2025/03/rules-for-data.md")})`,
    );
    expect(gone).toContainEqual(
      `[broadsheet] warning: ${DELETED} was published and is gone (it was ${path.join(articles, "2025/04/cjk-title.md")}); if the story moved, add aliases: [${DELETED}] to it`,
    );
    // A story made a draft is held back on purpose: not named.
    expect(moved.stderr).not.toMatch(/bare-date/);
  });

  it("is not named once an alias covers it; the others are named again until then", () => {
    expect(aliased.stderr).not.toContain(`${OLD} was published`);
    expect(aliased.stderr).toContain(`${RENAMED_OLD} was published and is gone`);
    expect(aliased.stderr).toContain(`${DELETED} was published and is gone`);
  });

  it("stops a build with BROADSHEET_GONE_URLS=error, naming the story's file, and leaves the site as it was", async () => {
    const output = path.join(work, "aliased");
    const before = await readFile(path.join(output, "index.html"), "utf8");
    const strict = await buildSite({ BROADSHEET_ARTICLES: articles, SOURCE_DATE_EPOCH: FIXTURE_EPOCH, BROADSHEET_CACHE: cache, BROADSHEET_GONE_URLS: "error" }, output);
    expect(strict.exitCode).not.toBe(0);
    expect(strict.stderr).toContain("2 problems in the articles; nothing was written");
    expect(strict.stderr).toContain(`${path.join(articles, "2025/03/rules-for-data.md")}: aliases: ${RENAMED_OLD} was published and is gone`);
    expect(await readFile(path.join(output, "index.html"), "utf8")).toBe(before);
    expect(existsSync(path.join(output, OLD.slice(1), "index.html"))).toBe(true);
  }, 120_000);
});

describe("an alias", () => {
  it("is a page that sends readers on: meta refresh, canonical link to the new URL, noindex and a plain link", async () => {
    const $ = await loadPage(aliased.output, OLD);
    expect($('meta[http-equiv="refresh"]').attr("content")).toBe(`0; url=${NEW}`);
    expect($('link[rel="canonical"]').attr("href")).toMatch(new RegExp(`^https?://[^/]+${NEW}$`));
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($(`main a[href="${NEW}"]`).text()).toBe("Updated story with a correction");
    expect($("h1").text()).toBe("This story has moved");
    expect((await loadPage(aliased.output, "/society/2024/12/clinic/"))('meta[http-equiv="refresh"]').attr("content")).toBe(`0; url=${NEW}`);
  });

  it("is counted as a redirect page and left out of the sitemap", async () => {
    expect(aliased.stdout).toMatch(/\[broadsheet\] 2 redirect pages/);
    const sitemap = await readFile(path.join(aliased.output, "sitemap.xml"), "utf8");
    expect(sitemap).toContain(NEW);
    expect(sitemap).not.toContain(OLD);
  });

  it("is listed in _redirects, under PATH_PREFIX when there is one", async () => {
    expect(await readFile(path.join(aliased.output, "_redirects"), "utf8")).toBe(
      ["# Old URLs of stories (aliases: in their front matter) and where each story is now.", `/society/2024/12/clinic/ ${NEW} 301`, `${OLD} ${NEW} 301`, ""].join("\n"),
    );
    expect(await readFile(path.join(prefixed.output, "_redirects"), "utf8")).toContain(`/newsroom${OLD} /newsroom${NEW} 301\n`);
    expect((await loadPage(prefixed.output, OLD))('meta[http-equiv="refresh"]').attr("content")).toBe(`0; url=/newsroom${NEW}`);
    // No alias, no file.
    expect(existsSync(path.join(first.output, "_redirects"))).toBe(false);
  });

  it("pages are valid HTML (html-validate and the Nu checker) and every link resolves", async () => {
    expect(await runHtmlValidate(aliased.output)).toBe("");
    expect(await runNuChecker(aliased.output)).toEqual([]);
    expect(await findBrokenLinks(aliased.output)).toEqual([]);
    expect(await findBrokenLinks(prefixed.output, "/newsroom/")).toEqual([]);
  }, 300_000);
});

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import { describe, expect, it } from "vitest";
import { checkSiteUrl, normalizePathPrefix, readBuildEnv } from "../../src/config/build-env.ts";
import { givenHeapLimitMb, heapLimitMb } from "../../src/config/heap-limit.mjs";
import { findArticleFiles } from "../../src/content/article-files.mjs";
import { checkRebuildWithinHours, checkSectionKeys, readSettings } from "../../src/config/site-settings.ts";
import { PAGE_TYPES, pageSegments } from "../../src/pages/registry.ts";
import { projectRoot } from "../helpers/site.ts";
import path from "node:path";

/** A project folder on disk: `_data/site.json` with `url`, and an `articles/` folder unless told otherwise. */
function project(options: { url?: string; articles?: "folder" | "file" | "none" } = {}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "broadsheet-env-"));
  mkdirSync(path.join(root, "_data"));
  writeFileSync(path.join(root, "_data/site.json"), JSON.stringify({ url: options.url ?? "https://broadsheet.example.org" }));
  const articles = options.articles ?? "folder";
  if (articles === "folder") mkdirSync(path.join(root, "articles"));
  if (articles === "file") writeFileSync(path.join(root, "articles"), "not a folder");
  return root;
}

describe("heapLimitMb", () => {
  it("gives a build 1 GiB, and 10 KB an article beyond 512 MB for a large newsroom", () => {
    expect(heapLimitMb(40)).toBe(1024);
    expect(heapLimitMb(10_000)).toBe(1024);
    expect(heapLimitMb(100_000)).toBe(1489);
    expect(heapLimitMb(400_000)).toBe(4419);
  });

  it("reads a limit given on the command line or in NODE_OPTIONS, in either spelling", () => {
    expect(givenHeapLimitMb(["--import", "tsx", "--max-old-space-size=1489"], "")).toBe(1489);
    expect(givenHeapLimitMb([], "--max_old_space_size=900")).toBe(900);
    expect(givenHeapLimitMb([], "")).toBeUndefined();
  });

  it("sizes the heap by the build's own listing (which the launcher calls): links followed, each real folder and file once", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "broadsheet-count-"));
    const articles = path.join(root, "articles");
    mkdirSync(path.join(articles, "2025/05"), { recursive: true });
    mkdirSync(path.join(root, "elsewhere"));
    for (const file of ["2025/05/a.md", "2025/05/b.md", "2025/05/notes.txt", "top.md"]) writeFileSync(path.join(articles, file), "x");
    writeFileSync(path.join(root, "elsewhere/linked.md"), "x");
    symlinkSync(path.join(root, "elsewhere"), path.join(articles, "linked-in"));
    symlinkSync(articles, path.join(articles, "2025/loop")); // back to a parent: counted once
    symlinkSync(path.join(articles, "top.md"), path.join(articles, "again.md")); // a second way to a file
    symlinkSync(path.join(root, "nowhere.md"), path.join(articles, "dangling.md"));
    symlinkSync(path.join(root, "elsewhere"), path.join(articles, "folder.md")); // a folder, though named .md
    expect(findArticleFiles(articles).files).toHaveLength(4);
    expect(findArticleFiles(articles).skipped.map((skip) => path.relative(articles, skip.file)).sort()).toEqual(["2025/loop", "dangling.md", "linked-in", "top.md"]); // each passed over by its later path in sorted order
    // A missing folder throws; the launcher counts it as 0 and the build reports it.
    expect(() => findArticleFiles(path.join(root, "missing"))).toThrow();
  });
});

describe("readBuildEnv", () => {
  it("takes the build's now from SOURCE_DATE_EPOCH", () => {
    expect(readBuildEnv({ SOURCE_DATE_EPOCH: "1748736000" }, [], project()).now.toISO()).toBe("2025-06-01T00:00:00.000Z");
  });

  it("rejects a SOURCE_DATE_EPOCH that is not whole seconds, and a relative SITE_URL", () => {
    expect(() => readBuildEnv({ SOURCE_DATE_EPOCH: "yesterday" }, [], project())).toThrow(/SOURCE_DATE_EPOCH/);
    expect(() => readBuildEnv({ SITE_URL: "example.org" }, [], project())).toThrow(/SITE_URL/);
  });

  it("previews drafts with BUILD_DRAFTS=1 or --drafts only", () => {
    const root = project();
    expect(readBuildEnv({}, [], root).includeDrafts).toBe(false);
    expect(readBuildEnv({ BUILD_DRAFTS: "1" }, [], root).includeDrafts).toBe(true);
    expect(readBuildEnv({}, ["node", "build", "--drafts"], root).includeDrafts).toBe(true);
  });

  it("reads articles from BROADSHEET_ARTICLES, else articles/", () => {
    const root = project();
    const content = mkdtempSync(path.join(os.tmpdir(), "broadsheet-content-"));
    expect(readBuildEnv({}, [], root).articlesDir).toBe(path.join(root, "articles"));
    expect(readBuildEnv({ BROADSHEET_ARTICLES: path.relative(root, content) }, [], root).articlesDir).toBe(content);
    expect(readBuildEnv({ BROADSHEET_ARTICLES: ` ${content} ` }, [], root).articlesDir).toBe(content);
  });

  it("refuses a BROADSHEET_ARTICLES that names no folder, or a file, naming the variable and the path", () => {
    const root = project();
    writeFileSync(path.join(root, "notes.md"), "a file");
    expect(() => readBuildEnv({ BROADSHEET_ARTICLES: "missing" }, [], root)).toThrow(
      `BROADSHEET_ARTICLES: no folder at ${path.join(root, "missing")}; set it to the folder that holds the articles (or unset it to use articles/)`,
    );
    expect(() => readBuildEnv({ BROADSHEET_ARTICLES: "notes.md" }, [], root)).toThrow(
      `BROADSHEET_ARTICLES: ${path.join(root, "notes.md")} is a file, not a folder; set it to the folder that holds the articles (or unset it to use articles/)`,
    );
    expect(() => readBuildEnv({ BROADSHEET_ARTICLES: "notes.md/2026" }, [], root)).toThrow(/^BROADSHEET_ARTICLES: no folder at /);
    // npm run new makes a missing default folder, but never writes into a mistyped one.
    expect(() => readBuildEnv({ BROADSHEET_ARTICLES: "missing" }, [], root, { createsArticles: true })).toThrow(/^BROADSHEET_ARTICLES: no folder at /);
  });

  it("refuses a missing or non-folder articles/ when BROADSHEET_ARTICLES is not set, naming the variable; npm run new may create it", () => {
    const none = project({ articles: "none" });
    expect(() => readBuildEnv({}, [], none)).toThrow(
      `BROADSHEET_ARTICLES: not set, and articles/ is missing (no folder at ${path.join(none, "articles")}); create articles/, or set BROADSHEET_ARTICLES to the folder that holds the articles`,
    );
    expect(readBuildEnv({}, [], none, { createsArticles: true }).articlesDir).toBe(path.join(none, "articles"));
    const file = project({ articles: "file" });
    expect(() => readBuildEnv({}, [], file)).toThrow(/^BROADSHEET_ARTICLES: not set, and articles\/ is missing \(.* is a file, not a folder\)/);
    expect(() => readBuildEnv({}, [], file, { createsArticles: true })).toThrow(/is a file, not a folder/);
  });
});

describe("PATH_PREFIX", () => {
  const refusal = (raw: string) => {
    try {
      normalizePathPrefix(raw);
    } catch (error) {
      return (error as Error).message;
    }
    return "accepted";
  };

  it("accepts ASCII letters, digits and -._~ in each segment, and normalises the slashes", () => {
    expect(normalizePathPrefix("")).toBe("/");
    expect(normalizePathPrefix(" / ")).toBe("/");
    expect(normalizePathPrefix("my.site_1~x-y")).toBe("/my.site_1~x-y/");
    expect(normalizePathPrefix("/a/b/2026")).toBe("/a/b/2026/");
    // A dot inside a segment is a letter like any other; only whole "." and ".." segments move.
    expect(normalizePathPrefix("/..x/y../")).toBe("/..x/y../");
  });

  it("refuses dot segments, with the fix in one line", () => {
    expect(refusal("../../etc")).toBe('PATH_PREFIX: "../../etc" is not a URL path: no "." or ".." segments; e.g. PATH_PREFIX=/newsroom/');
    expect(refusal("/a/./b/")).toMatch(/no "\." or "\.\." segments/);
    expect(refusal("/newsroom/..")).toMatch(/no "\." or "\.\." segments/);
  });

  it("refuses backslashes, empty segments, ? and #, suggesting the path meant", () => {
    expect(refusal("\\newsroom\\")).toBe('PATH_PREFIX: "\\newsroom\\" is not a URL path: segments are separated by "/", not "\\"; e.g. PATH_PREFIX=/newsroom/');
    expect(refusal("/a//b/")).toBe('PATH_PREFIX: "/a//b/" is not a URL path: no empty segments ("//"); e.g. PATH_PREFIX=/a/b/');
    expect(refusal("/newsroom/?page=2")).toBe('PATH_PREFIX: "/newsroom/?page=2" is not a URL path: no "?" or "#": a prefix is a path only; e.g. PATH_PREFIX=/newsroom/');
    expect(refusal("/news#top")).toMatch(/no "\?" or "#".*e\.g\. PATH_PREFIX=\/news\/$/);
  });

  it("refuses a whole URL, percent-encoding and characters outside ASCII letters, digits and -._~", () => {
    expect(refusal("https://x.github.io/newsroom/")).toBe(
      'PATH_PREFIX: "https://x.github.io/newsroom/" is not a URL path: it is a URL; give its path alone and the origin as SITE_URL; e.g. PATH_PREFIX=/newsroom/',
    );
    expect(refusal("//evil.example/")).toMatch(/it is a URL/);
    expect(refusal("/news%20room/")).toBe('PATH_PREFIX: "/news%20room/" is not a URL path: no percent-encoding: only ASCII letters, digits, "-", ".", "_" and "~"; e.g. PATH_PREFIX=/newsroom/');
    expect(refusal("/news room/")).toBe('PATH_PREFIX: "/news room/" is not a URL path: only ASCII letters, digits, "-", ".", "_" and "~" in a segment, not " "; e.g. PATH_PREFIX=/news-room/');
    expect(refusal("/新闻/")).toBe('PATH_PREFIX: "/新闻/" is not a URL path: only ASCII letters, digits, "-", ".", "_" and "~" in a segment, not "新", "闻"; e.g. PATH_PREFIX=/newsroom/');
    for (const raw of ["/café/", "/caf%C3%A9/", "/a,b/", "/a'b/", '/a"b/', "/a&b/", "/a(b)/", "/a<b>/", "/a;b/", "/a=b/", "/a@b/", "/a+b/", "/a\tb/"]) {
      expect(refusal(raw), raw).toMatch(/^PATH_PREFIX: .* is not a URL path: .*only ASCII letters, digits/);
    }
  });

  it("is checked by readBuildEnv", () => {
    expect(() => readBuildEnv({ PATH_PREFIX: "../../etc" }, [], project())).toThrow(/^PATH_PREFIX: "\.\.\/\.\.\/etc" is not a URL path/);
    expect(readBuildEnv({ PATH_PREFIX: "newsroom" }, [], project()).pathPrefix).toBe("/newsroom/");
  });
});

describe("SITE_URL", () => {
  it("may be the origin or the origin with PATH_PREFIX; the build keeps the origin", () => {
    expect(checkSiteUrl("https://user.github.io", "/")).toBe("https://user.github.io");
    expect(checkSiteUrl("https://user.github.io/", "/newsroom/")).toBe("https://user.github.io");
    expect(checkSiteUrl("https://user.github.io/newsroom", "/newsroom/")).toBe("https://user.github.io");
    expect(checkSiteUrl("https://User.GitHub.io/newsroom/", "/newsroom/")).toBe("https://user.github.io");
    expect(checkSiteUrl("http://localhost:8080", "/")).toBe("http://localhost:8080");
    expect(checkSiteUrl("https://x.org/news~room/", "/news~room/")).toBe("https://x.org");
    expect(checkSiteUrl("https://x.org/news%7Eroom", "/news~room/")).toBe("https://x.org");
    expect(readBuildEnv({ SITE_URL: "https://user.github.io/newsroom/", PATH_PREFIX: "/newsroom/" }, [], project()).siteUrl).toBe("https://user.github.io");
  });

  it("refuses a path that is neither empty nor PATH_PREFIX, with the fix in one line", () => {
    expect(() => checkSiteUrl("https://x.github.io/newsroom", "/")).toThrow(
      "SITE_URL's path /newsroom/ does not match PATH_PREFIX /; set PATH_PREFIX=/newsroom/ or give the origin alone, SITE_URL=https://x.github.io",
    );
    expect(() => checkSiteUrl("https://x.github.io/archive/", "/newsroom/")).toThrow(/^SITE_URL's path \/archive\/ does not match PATH_PREFIX \/newsroom\//);
    expect(() => checkSiteUrl("https://x.github.io/newsroom/index.html", "/newsroom/")).toThrow(/path \/newsroom\/index\.html\/ does not match/);
    // Only a path that is itself a valid prefix is offered as PATH_PREFIX.
    expect(() => checkSiteUrl("https://x.org/a%20b/", "/")).toThrow("SITE_URL's path /a b/ does not match PATH_PREFIX /; give the origin alone, SITE_URL=https://x.org");
  });

  it("refuses what is not http(s), user info (never echoed), a query or a fragment", () => {
    expect(() => checkSiteUrl("example.org", "/")).toThrow('SITE_URL: "example.org" is not an absolute http(s) URL; e.g. SITE_URL=https://news.example.org');
    for (const raw of ["ftp://example.org", "https:example.org", "http:///example.org", "https://", "//example.org", "https://exa mple.org", "javascript:alert(1)"]) {
      expect(() => checkSiteUrl(raw, "/"), raw).toThrow(/^SITE_URL: .* is not an absolute http\(s\) URL/);
    }
    expect(() => checkSiteUrl("https://editor:hunter2@example.org", "/")).toThrow("SITE_URL: must not carry a user name or password; e.g. SITE_URL=https://example.org");
    expect(() => checkSiteUrl("ftp://editor:hunter2@example.org", "/")).toThrow(/^(?!.*hunter2)/);
    expect(() => checkSiteUrl("https://example.org/?utm_source=x", "/")).toThrow(
      'SITE_URL: "https://example.org/?utm_source=x" has a query; give the origin (or the origin and PATH_PREFIX) alone; e.g. SITE_URL=https://example.org',
    );
    expect(() => checkSiteUrl("https://example.org/?", "/")).toThrow(/has a query/);
    expect(() => checkSiteUrl("https://example.org/#top", "/")).toThrow(/has a fragment/);
    expect(() => checkSiteUrl("https://example.org\\newsroom", "/")).toThrow(/has spaces or backslashes/);
  });

  it("checks _data/site.json's url, its default, the same way, naming the file", () => {
    const root = project({ url: "https://x.github.io/newsroom" });
    expect(() => readBuildEnv({}, [], root)).toThrow(
      `_data/site.json: url's path /newsroom/ does not match PATH_PREFIX /; set PATH_PREFIX=/newsroom/ or give the origin alone, "url": "https://x.github.io" (or set SITE_URL)`,
    );
    expect(readBuildEnv({ PATH_PREFIX: "/newsroom/" }, [], root).siteUrl).toBe("https://x.github.io");
    // SITE_URL overrides it, so a bad default does not matter then.
    expect(readBuildEnv({ SITE_URL: "https://news.example.org" }, [], root).siteUrl).toBe("https://news.example.org");
    expect(() => readBuildEnv({}, [], project({ url: "broadsheet.example.org" }))).toThrow(/^_data\/site\.json: url: "broadsheet\.example\.org" is not an absolute http\(s\) URL/);
    expect(readBuildEnv({}, [], projectRoot).siteUrl).toBe("https://broadsheet.example.org");
  });
});

describe("rebuildWithinHours", () => {
  it("is some hours under 48, by default 2", () => {
    expect(checkRebuildWithinHours(1, "site.json")).toBe(1);
    expect(checkRebuildWithinHours(0.5, "site.json")).toBe(0.5);
    expect(checkRebuildWithinHours(undefined, "site.json")).toBe(2);
    for (const value of [0, -1, 48, 72, "1", null, Number.NaN]) {
      expect(() => checkRebuildWithinHours(value, "site.json"), String(value)).toThrow(/^site\.json: rebuildWithinHours: .* is not a number of hours above 0 and below 48/);
    }
    expect(readSettings(path.join(projectRoot, "_data")).site.rebuildWithinHours).toBe(2);
  });
});

describe("normalizePathPrefix", () => {
  it("always has a leading and a trailing slash", () => {
    expect(normalizePathPrefix(undefined)).toBe("/");
    expect(normalizePathPrefix("newsroom")).toBe("/newsroom/");
    expect(normalizePathPrefix("/newsroom")).toBe("/newsroom/");
    expect(normalizePathPrefix("/a/b/")).toBe("/a/b/");
  });
});

describe("checkSectionKeys", () => {
  const editions = readSettings(path.join(projectRoot, "_data")).editions;
  const section = (key: string) => ({ key, label: key, description: "" });
  const reserved = pageSegments(PAGE_TYPES);

  it("accepts the demo's sections", () => {
    expect(() => checkSectionKeys([section("china"), section("sci-tech")], editions, "_data/sections.json", reserved)).not.toThrow();
  });

  it("takes the reserved segments from the page registry: each page type's own", () => {
    expect(reserved).toEqual(expect.arrayContaining(["tags", "search", "page", "404.html"]));
    // A page type added to the registry reserves its segment with no other edit.
    const archive = { ...PAGE_TYPES[0]!, kind: "archive", segments: ["archive"] };
    expect(() => checkSectionKeys([section("archive")], editions, "_data/sections.json", pageSegments([...PAGE_TYPES, archive]))).toThrow(/"archive" is a folder the site writes itself/);
  });

  it("refuses a section named archive: the archive by date's page types reserve it", () => {
    expect(reserved).toContain("archive");
    expect(() => checkSectionKeys([section("archive")], editions, "_data/sections.json", reserved)).toThrow('_data/sections.json: section key "archive" is a folder the site writes itself');
  });

  it("refuses a key the site uses for its own pages, an edition's folder, a repeat or a non-slug, naming the file", () => {
    expect(() => checkSectionKeys([section("search")], editions, "_data/sections.json", reserved)).toThrow('_data/sections.json: section key "search" is a folder the site writes itself');
    expect(() => checkSectionKeys([section("zh")], editions, "_data/sections.json", reserved)).toThrow(/"zh" is a folder the site writes itself/);
    expect(() => checkSectionKeys([section("world"), section("world")], editions, "_data/sections.json", reserved)).toThrow(/"world" is used by another section/);
    expect(() => checkSectionKeys([section("World News")], editions, "_data/sections.json", reserved)).toThrow(/not a lowercase slug/);
  });
});

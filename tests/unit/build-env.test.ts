import { describe, expect, it } from "vitest";
import { normalizePathPrefix, readBuildEnv } from "../../src/config/build-env.ts";
import { givenHeapLimitMb, heapLimitMb } from "../../src/config/heap-limit.ts";
import { checkSectionKeys, readSettings } from "../../src/config/site-settings.ts";
import { projectRoot } from "../helpers/site.ts";
import path from "node:path";

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
});

describe("readBuildEnv", () => {
  it("takes the build's now from SOURCE_DATE_EPOCH", () => {
    expect(readBuildEnv({ SOURCE_DATE_EPOCH: "1748736000" }, []).now.toISO()).toBe("2025-06-01T00:00:00.000Z");
  });

  it("rejects a SOURCE_DATE_EPOCH that is not whole seconds, and a relative SITE_URL", () => {
    expect(() => readBuildEnv({ SOURCE_DATE_EPOCH: "yesterday" }, [])).toThrow(/SOURCE_DATE_EPOCH/);
    expect(() => readBuildEnv({ SITE_URL: "example.org" }, [])).toThrow(/SITE_URL/);
  });

  it("previews drafts with BUILD_DRAFTS=1 or --drafts only", () => {
    expect(readBuildEnv({}, []).includeDrafts).toBe(false);
    expect(readBuildEnv({ BUILD_DRAFTS: "1" }, []).includeDrafts).toBe(true);
    expect(readBuildEnv({}, ["node", "build", "--drafts"]).includeDrafts).toBe(true);
  });

  it("reads articles from BROADSHEET_ARTICLES, else articles/", () => {
    expect(readBuildEnv({}, [], "/repo").articlesDir).toBe("/repo/articles");
    expect(readBuildEnv({ BROADSHEET_ARTICLES: "../content" }, [], "/repo").articlesDir).toBe("/content");
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

  it("accepts the demo's sections", () => {
    expect(() => checkSectionKeys([section("china"), section("sci-tech")], editions, "_data/sections.json")).not.toThrow();
  });

  it("refuses a key the site uses for its own pages, an edition's folder, a repeat or a non-slug, naming the file", () => {
    expect(() => checkSectionKeys([section("search")], editions, "_data/sections.json")).toThrow('_data/sections.json: section key "search" is a folder the site writes itself');
    expect(() => checkSectionKeys([section("zh")], editions, "_data/sections.json")).toThrow(/"zh" is a folder the site writes itself/);
    expect(() => checkSectionKeys([section("world"), section("world")], editions, "_data/sections.json")).toThrow(/"world" is used by another section/);
    expect(() => checkSectionKeys([section("World News")], editions, "_data/sections.json")).toThrow(/not a lowercase slug/);
  });
});

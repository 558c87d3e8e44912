import { createHash } from "node:crypto";
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { linkOrCopy } from "../../src/cache/link-or-copy.ts";
import { checkCachedPages, pageKey, prunePageCache, writeCachedPages, type CachedPage } from "../../src/render/page-cache.ts";

describe("linkOrCopy", () => {
  it("links a cached file into the site, and replaces a file already there without writing through it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "broadsheet-link-"));
    const [older, newer, target] = ["older.html", "newer.html", "index.html"].map((name) => path.join(dir, name));
    writeFileSync(older!, "old page");
    writeFileSync(newer!, "new page");
    linkOrCopy(older!, target!);
    expect(statSync(target!).ino).toBe(statSync(older!).ino);
    // The dev server's output persists between builds: the old link must be replaced, not written into.
    linkOrCopy(newer!, target!);
    expect(readFileSync(target!, "utf8")).toBe("new page");
    expect(readFileSync(older!, "utf8")).toBe("old page");
  });
});

describe("writeCachedPages", () => {
  const setUp = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "broadsheet-pages-"));
    return { site: path.join(dir, "site"), cache: path.join(dir, "cache") };
  };
  /** Pages whose renders are counted; `html` gives each URL's bytes. */
  const pagesOf = (urls: string[], html: (url: string) => string = (url) => `<p>page ${url}</p>\n`) => {
    const rendered: string[] = [];
    const pages: CachedPage[] = urls.map((url) => ({ url, key: pageKey("test", url), render: () => (rendered.push(url), html(url)) }));
    return { pages, rendered };
  };
  const cachedFile = (cache: string, url: string) => {
    const key = pageKey("test", url);
    const names = readdirSync(path.join(cache, "pages")).filter((name) => name.startsWith(`${key}.`));
    expect(names).toHaveLength(1);
    return path.join(cache, "pages", names[0]!);
  };
  const siteFile = (site: string, url: string) => path.join(site, url, "index.html");

  it("caches a rendered page under its key and the hash of its bytes, and links it into the site", async () => {
    const { site, cache } = setUp();
    const { pages } = pagesOf(["/a/"]);
    expect(await writeCachedPages(pages, site, cache, new Set())).toEqual({ written: 1, reused: 0, damaged: [] });
    const file = cachedFile(cache, "/a/");
    const hash = createHash("sha256").update("<p>page /a/</p>\n").digest("hex").slice(0, 32);
    expect(path.basename(file)).toBe(`${pageKey("test", "/a/")}.${hash}.html`);
    expect(statSync(siteFile(site, "/a/")).ino).toBe(statSync(file).ino);
  });

  it("links a cached page that still holds what was written, without rendering it", async () => {
    const { site, cache } = setUp();
    await writeCachedPages(pagesOf(["/a/", "/b/"]).pages, site, cache, new Set());
    const again = pagesOf(["/a/", "/b/"]);
    const used = new Set<string>();
    expect(await writeCachedPages(again.pages, site, cache, used)).toEqual({ written: 0, reused: 2, damaged: [] });
    expect(again.rendered).toEqual([]);
    expect(statSync(siteFile(site, "/b/")).ino).toBe(statSync(cachedFile(cache, "/b/")).ino);
    expect([...used].sort()).toEqual(["/a/", "/b/"].map((url) => path.basename(cachedFile(cache, url))).sort());
  });

  it("renders a damaged cached page again and replaces it, never publishing the damaged bytes", async () => {
    const { site, cache } = setUp();
    await writeCachedPages(pagesOf(["/a/", "/b/"]).pages, site, cache, new Set());
    truncateSync(cachedFile(cache, "/a/"), 5); // a write cut short
    const again = pagesOf(["/a/", "/b/"]);
    expect(await writeCachedPages(again.pages, site, cache, new Set())).toEqual({ written: 1, reused: 1, damaged: ["/a/"] });
    expect(again.rendered).toEqual(["/a/"]);
    expect(readFileSync(siteFile(site, "/a/"), "utf8")).toBe("<p>page /a/</p>\n");
    expect(readFileSync(cachedFile(cache, "/a/"), "utf8")).toBe("<p>page /a/</p>\n");
  });

  it("is not changed by an edit made in place to a page of the built site (a link into the cache)", async () => {
    const { site, cache } = setUp();
    await writeCachedPages(pagesOf(["/a/"]).pages, site, cache, new Set());
    appendFileSync(siteFile(site, "/a/"), "<p>edited in the site</p>\n");
    const again = pagesOf(["/a/"]);
    const rebuilt = path.join(path.dirname(site), "rebuilt");
    expect((await writeCachedPages(again.pages, rebuilt, cache, new Set())).damaged).toEqual(["/a/"]);
    expect(readFileSync(siteFile(rebuilt, "/a/"), "utf8")).toBe("<p>page /a/</p>\n");
  });

  it("checks the cached pages in a worker thread before the pages are written, and still renders a damaged one again", async () => {
    const { site, cache } = setUp();
    expect(await checkCachedPages(cache)).toEqual(new Set()); // no cache yet
    await writeCachedPages(pagesOf(["/a/", "/b/", "/c/"]).pages, site, cache, new Set());
    truncateSync(cachedFile(cache, "/b/"), 0);
    const intact = await checkCachedPages(cache);
    expect([...intact].sort()).toEqual([cachedFile(cache, "/a/"), cachedFile(cache, "/c/")].sort());
    const again = pagesOf(["/a/", "/b/", "/c/"]);
    const rebuilt = path.join(path.dirname(site), "rebuilt");
    expect(await writeCachedPages(again.pages, rebuilt, cache, new Set(), intact)).toEqual({ written: 1, reused: 2, damaged: ["/b/"] });
    expect(readFileSync(siteFile(rebuilt, "/b/"), "utf8")).toBe("<p>page /b/</p>\n");
  });

  it("prunes the cached pages a build did not use, and a killed build's temporary file, by their full names", async () => {
    const { site, cache } = setUp();
    await writeCachedPages(pagesOf(["/a/", "/b/", "/c/"]).pages, site, cache, new Set());
    writeFileSync(path.join(cache, "pages", `${pageKey("test", "/d/")}.html.1234-0.tmp`), "<p>half a pa");
    const used = new Set<string>();
    await writeCachedPages(pagesOf(["/a/", "/c/"]).pages, site, cache, used);
    expect(await prunePageCache(cache, used)).toBe(2);
    expect(readdirSync(path.join(cache, "pages")).sort()).toEqual([...used].sort());
    expect(used.size).toBe(2);
  });
});

import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { kindOf, measureFootprint, perArticle } from "../../tools/site-footprint.ts";

describe("what a site costs by kind of file", () => {
  it("tells article pages from list pages, the search index and the rest", () => {
    expect(kindOf("china/2026/03/harbour-ferry/index.html")).toBe("article pages");
    expect(kindOf("zh/china/2026/03/gang-cheng/index.html")).toBe("article pages");
    // An archive day has an article's depth, and a section's later page an article's folder name.
    expect(kindOf("archive/2026/03/09/index.html")).toBe("list pages");
    expect(kindOf("china/page/2/index.html")).toBe("list pages");
    expect(kindOf("tags/transport/page/3/index.html")).toBe("list pages");
    expect(kindOf("index.html")).toBe("list pages");
    expect(kindOf("pagefind/en/0/fragment/en_1a2b3c.pf_fragment")).toBe("search index");
    expect(kindOf("china/feed.xml")).toBe("other");
    expect(kindOf("assets/css/main.css")).toBe("other");
  });

  it("adds every file's bytes to its kind and to the total", async () => {
    const site = await mkdtemp(path.join(os.tmpdir(), "broadsheet-footprint-"));
    const files: Record<string, number> = { "china/2026/03/a/index.html": 300, "china/2026/03/b/index.html": 200, "china/index.html": 50, "pagefind/en/0/pagefind.js": 40, "sitemap.xml": 10 };
    for (const [file, bytes] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(site, file)), { recursive: true });
      await writeFile(path.join(site, file), "x".repeat(bytes));
    }
    const footprint = measureFootprint(site);
    expect(footprint["article pages"]).toEqual({ bytes: 500, files: 2 });
    expect(footprint["list pages"]).toEqual({ bytes: 50, files: 1 });
    expect(footprint["search index"]).toEqual({ bytes: 40, files: 1 });
    expect(footprint.other).toEqual({ bytes: 10, files: 1 });
    expect(footprint.total).toEqual({ bytes: 600, files: 5 });
    expect(perArticle(footprint.total, 2)).toBe("0.3 KB, 2.50 files");
  });
});

import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hostReport, measureSite } from "../../src/cli/site-size.ts";

describe("hostReport", () => {
  it("names every host a small site fits, and warns of nothing", () => {
    expect(hostReport({ bytes: 12_345_678, files: 812 })).toEqual({
      line: "the site is 12.3 MB in 812 files; it fits GitHub Pages (1 GB), GitLab Pages (1 GB), Cloudflare Pages' free plan (20,000 files) and Cloudflare Pages' paid plans (100,000 files)",
      warnings: [],
    });
  });

  it("warns within 80 % of a limit, and says which limits a site has passed", () => {
    expect(hostReport({ bytes: 329_000_000, files: 17_000 }).warnings).toEqual(["the site (17,000 files) is 85 % of what Cloudflare Pages' free plan takes (20,000 files)"]);
    const large = hostReport({ bytes: 1_200_000_000, files: 22_765 });
    expect(large.line).toBe("the site is 1,200 MB in 22,765 files; it fits Cloudflare Pages' paid plans (100,000 files)");
    expect(large.warnings).toEqual([
      "the site (1,200 MB) does not fit GitHub Pages (1 GB)",
      "the site (1,200 MB) does not fit GitLab Pages (1 GB)",
      "the site (22,765 files) does not fit Cloudflare Pages' free plan (20,000 files)",
    ]);
    expect(hostReport({ bytes: 2e9, files: 200_000 }).line).toMatch(/it fits none of the common hosts' limits$/);
  });
});

describe("measureSite", () => {
  it("counts every file under the site and its bytes", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "broadsheet-size-"));
    await mkdir(path.join(dir, "a/b"), { recursive: true });
    await writeFile(path.join(dir, "index.html"), "x".repeat(100));
    await writeFile(path.join(dir, "a/b/page.html"), "y".repeat(50));
    expect(measureSite(dir)).toEqual({ bytes: 150, files: 2 });
  });
});

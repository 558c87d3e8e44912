import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openFeedCache } from "../../src/feeds/feed-cache.ts";

const KEY = "0123456789abcdef0123456789abcdef";
const OTHER = "fedcba9876543210fedcba9876543210";

describe("the feed cache", () => {
  it("gives a later build the files cached under a key without making them again", () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "broadsheet-feeds-"));
    expect(openFeedCache(cacheDir).files(KEY, () => ["<feed/>", "{}"])).toEqual(["<feed/>", "{}"]);
    let made = 0;
    const files = openFeedCache(cacheDir).files(KEY, () => (made++, ["other"]));
    expect(files).toEqual(["<feed/>", "{}"]);
    expect(made).toBe(0);
  });

  it("makes a damaged entry again (same size, other bytes), and keeps only what a build used", async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "broadsheet-feeds-"));
    const first = openFeedCache(cacheDir);
    first.files(KEY, () => ["<feed>right</feed>"]);
    first.files(OTHER, () => ["<feed>other</feed>"]);
    const dir = path.join(cacheDir, "feeds");
    const entry = path.join(dir, readdirSync(dir).find((name) => name.startsWith(KEY))!);
    writeFileSync(entry, readFileSync(entry, "utf8").replace("right", "wrong"));
    const second = openFeedCache(cacheDir);
    expect(second.files(KEY, () => ["<feed>made again</feed>"])).toEqual(["<feed>made again</feed>"]);
    // OTHER was not asked for by this build: pruned, with the damaged entry.
    expect(await second.prune()).toBe(2);
    expect(readdirSync(dir)).toHaveLength(1);
    expect(openFeedCache(cacheDir).files(KEY, () => ["not this"])).toEqual(["<feed>made again</feed>"]);
  });
});

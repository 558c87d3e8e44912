import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { linkOrCopy } from "../../src/cache/link-or-copy.ts";

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

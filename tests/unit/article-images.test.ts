import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { responsiveImage } from "../../src/images/article-images.ts";
import { projectRoot } from "../helpers/site.ts";

// The fixture's photograph (1,200 px wide): two widths, two formats.
const source = path.join(projectRoot, "tests/fixtures/newsroom/2025/04/clinic-queue.jpg");

describe("responsiveImage and its cache", () => {
  it("records the files it makes, reuses them while they hold what was written, and makes a damaged one again", async () => {
    const cache = mkdtempSync(path.join(tmpdir(), "broadsheet-images-"));
    const first = await responsiveImage(source, cache);
    expect(first.damage).toBeUndefined();
    const images = first.image.files.map((file) => path.basename(file)).sort();
    expect(images).toHaveLength(4);
    const records = readdirSync(cache).filter((name) => name.endsWith(".integrity.json"));
    expect(records).toHaveLength(1);
    expect(readdirSync(cache).sort()).toEqual([...images, ...records].sort());
    const bytes = new Map(first.image.files.map((file) => [file, readFileSync(file)]));
    const jpeg = first.image.files.find((file) => file.endsWith(".jpeg"))!;
    const { ino, mtimeMs } = statSync(jpeg);

    // Intact: reused as it is.
    expect((await responsiveImage(source, cache)).damage).toBeUndefined();
    expect(statSync(jpeg)).toMatchObject({ ino, mtimeMs });

    // A write cut short: found, and made again (eleventy-img alone would keep the stub).
    truncateSync(jpeg, 100);
    const again = await responsiveImage(source, cache);
    expect(again.damage).toBe(`${path.basename(jpeg)} differs from what was written`);
    for (const [file, written] of bytes) expect(readFileSync(file).equals(written)).toBe(true);

    // Files without a record (a build killed before it wrote one) are not trusted either.
    rmSync(path.join(cache, records[0]!));
    truncateSync(jpeg, 100);
    expect((await responsiveImage(source, cache)).damage).toBeUndefined();
    expect(readFileSync(jpeg).equals(bytes.get(jpeg)!)).toBe(true);
    expect(readdirSync(cache)).toContain(records[0]);
  });
});

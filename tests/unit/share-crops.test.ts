import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prepareShareCrops } from "../../src/images/share-crops.ts";
import { projectRoot } from "../helpers/site.ts";

const photo = path.join(projectRoot, "tests/fixtures/newsroom/2025/04/clinic-queue.jpg");

describe("share crops", () => {
  let work: string | undefined;
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  // Two stories may use copies of one photo: their crops have the same names in the cache, and
  // cutting them side by side deleted one's files while the other wrote them (a cold build failed;
  // eight copies made the code before the fix fail this test in two runs of three).
  it("cuts a photo once when two files hold the same bytes, and gives both its crops", async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "broadsheet-share-crops-"));
    const files = await Promise.all(
      ["first.jpg", "second.jpg", "third.jpg", "4.jpg", "5.jpg", "6.jpg", "7.jpg", "8.jpg"].map(async (name) => {
        const file = path.join(work!, name);
        await copyFile(photo, file);
        return file;
      }),
    );
    const crops = await prepareShareCrops(files, path.join(work, "cache"));
    expect(crops.size).toBe(8);
    for (const file of files) expect(crops.get(file)).toEqual(crops.get(files[0]!));
    const [first, second, third] = files.map((file) => crops.get(file)!);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(first!.map((crop) => path.basename(crop.file))).toEqual(expect.arrayContaining([expect.stringMatching(/-share-16x9\.jpeg$/)]));
    for (const crop of first!) expect(existsSync(crop.file)).toBe(true);
  });
});

import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot, type BuildResult } from "../helpers/site.ts";
import { sharedSite } from "../helpers/shared-sites.ts";
import { fileHashes } from "../helpers/files.ts";

// The demo site's pages, feeds, sitemaps, styles and scripts, byte for byte: an optimisation
// must not change them. After an intended change, refresh the record with
//   UPDATE_GOLDEN=1 npx vitest run tests/site/golden.test.ts
// and commit tests/fixtures/demo-golden.json with the change, so the diff shows what moved.
const GOLDEN = path.join(projectRoot, "tests/fixtures/demo-golden.json");
let site: BuildResult;

beforeAll(async () => {
  site = await sharedSite("demo");
  expect(site.exitCode, site.stderr).toBe(0);
});

describe("the demo site", () => {
  it("is byte-identical to the recorded build", async () => {
    // Pagefind's bundle and resized images come from other tools' versions: left out here.
    const hashes = Object.fromEntries(Object.entries(await fileHashes(site.output)).filter(([file]) => !/^(pagefind|img)\//.test(file)));
    if (process.env.UPDATE_GOLDEN === "1") await writeFile(GOLDEN, `${JSON.stringify(hashes, null, 1)}\n`);
    const recorded = JSON.parse(await readFile(GOLDEN, "utf8")) as Record<string, string>;
    expect(hashes).toEqual(recorded);
  });
});

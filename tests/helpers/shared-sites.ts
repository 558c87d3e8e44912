import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { inject } from "vitest";
import { buildSite, fixtureArticles, FIXTURE_EPOCH, storyBodyArticles, type BuildResult } from "./site.ts";

/**
 * The sites more than one suite reads, each built once a vitest run. A suite that changes its
 * build, or needs other settings, builds its own with `buildSite`.
 */
export const SHARED_SITES = {
  /** The demo newsroom at a fixed "now": golden, budgets, browser/article, lighthouse. */
  demo: { SOURCE_DATE_EPOCH: "1796000000" },
  /** The fixture newsroom at the root: fixture-site, editions, browser/accessibility, search, search-shards. */
  fixture: { BROADSHEET_ARTICLES: fixtureArticles, SOURCE_DATE_EPOCH: FIXTURE_EPOCH, SITE_URL: "https://news.example.org" },
  /** The story-body newsroom (photos, a gallery, embeds, a table, footnotes, boxes): story-body, browser/story-body. */
  storyBody: { BROADSHEET_ARTICLES: storyBodyArticles, SOURCE_DATE_EPOCH: FIXTURE_EPOCH, SITE_URL: "https://news.example.org" },
  /** The fixture newsroom as a GitHub Pages project site under /newsroom/: path-prefix, browser/search. */
  fixturePrefixed: { BROADSHEET_ARTICLES: fixtureArticles, SOURCE_DATE_EPOCH: FIXTURE_EPOCH, PATH_PREFIX: "/newsroom/", SITE_URL: "https://editors.example.io" },
} satisfies Record<string, Record<string, string>>;
export type SharedSiteName = keyof typeof SHARED_SITES;

const WAIT_MS = 170_000;
const built = new Map<SharedSiteName, Promise<BuildResult>>();

/**
 * The shared build of a site, read-only: the first caller in the run (in any worker) builds it
 * into the folder the global setup made, the others wait for its result file. Without the global
 * setup (a config that does not register it), each worker builds its own.
 */
export function sharedSite(name: SharedSiteName): Promise<BuildResult> {
  if (!built.has(name)) built.set(name, buildOnce(name));
  return built.get(name)!;
}

async function buildOnce(name: SharedSiteName): Promise<BuildResult> {
  const root = inject("sharedSitesRoot");
  if (!root) return buildSite(SHARED_SITES[name]);
  const folder = path.join(root, name);
  const resultFile = path.join(root, `${name}.json`);
  try {
    await mkdir(folder); // the claim: only one worker makes the folder
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const started = Date.now();
    while (!existsSync(resultFile)) {
      if (Date.now() - started > WAIT_MS) throw new Error(`the shared ${name} site was not built within ${WAIT_MS / 1000} s by the suite that claimed it`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return JSON.parse(await readFile(resultFile, "utf8")) as BuildResult;
  }
  const result = await buildSite(SHARED_SITES[name], path.join(folder, "site"));
  // Written whole, then renamed, so a waiting worker never reads half of it; a failed build too.
  await writeFile(`${resultFile}.partial`, JSON.stringify(result));
  await rename(`${resultFile}.partial`, resultFile);
  return result;
}

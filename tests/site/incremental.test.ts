import { readdirSync, statSync } from "node:fs";
import { appendFile, cp, mkdtemp, open, readFile, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, fixtureArticles, FIXTURE_EPOCH, loadPage, type BuildResult } from "../helpers/site.ts";
import { fileHashes } from "../helpers/files.ts";

// A rebuild reuses cached pages and search shards; it must write exactly what a build from an
// empty cache writes, however the articles changed in between, and whatever happened to the
// cache or the built site (whose files are hard links into the cache) in between.
let firstFiles: Record<string, string>;
let rebuild: BuildResult;
let clean: BuildResult;
let cache: string;
/** Two cached search shards the changes below leave alone, which the test damages. */
let garbledShard: string;
let editedShard: string;

beforeAll(async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), "broadsheet-incremental-"));
  const articles = path.join(work, "articles");
  await cp(fixtureArticles, articles, { recursive: true });
  const env = { BROADSHEET_ARTICLES: articles, SOURCE_DATE_EPOCH: FIXTURE_EPOCH, BROADSHEET_SEARCH_SHARD_SIZE: "16" };
  cache = path.join(work, "cache");
  const output = path.join(work, "site");
  const first = await buildSite({ ...env, BROADSHEET_CACHE: cache }, output);
  expect(first.exitCode, first.stderr).toBe(0);
  firstFiles = await fileHashes(output);

  // Damage the cache, directly and through the built site, in entries the rebuild would reuse:
  // pages and shards of articles the changes below do not touch.
  /** The cache entry (`pages/{name}`, `search/{key}`) holding the file a built file is a hard link to, at `inside` in it. */
  const cacheEntryOf = (builtFile: string, folder: "pages" | "search", inside = "") => {
    const { ino } = statSync(builtFile);
    const name = readdirSync(path.join(cache, folder)).find((candidate) => statSync(path.join(cache, folder, candidate, inside)).ino === ino)!;
    return path.join(cache, folder, name);
  };
  // A cached page cut short, as a killed build or a full disk leaves it.
  const truncated = await open(cacheEntryOf(path.join(output, "sci-tech/2025/02/script-in-headline/index.html"), "pages"), "r+");
  await truncated.truncate(200);
  await truncated.close();
  // Shards the changes below leave alone: neither the newest nor the one holding the edited story.
  const manifest = JSON.parse(await readFile(path.join(output, "pagefind/shards.json"), "utf8")) as { languages: Record<string, Array<{ path: string; oldest: string; newest: string }>> };
  const edited = "2025-01-03T01:03:00Z";
  const untouched = manifest.languages.en!.slice(1).filter((shard) => !(shard.oldest <= edited && edited <= shard.newest));
  [garbledShard, editedShard] = [untouched[0]!.path, untouched[1]!.path];
  // Garbage in one file of a cached search shard, at the same size, so only the hash tells.
  const fragments = path.join(cacheEntryOf(path.join(output, "pagefind", garbledShard, "pagefind-entry.json"), "search", "pagefind-entry.json"), "fragment");
  const garbled = await open(path.join(fragments, readdirSync(fragments)[0]!), "r+");
  await garbled.write(Buffer.from("garbage!"), 0, 8, 10);
  await garbled.close();
  // A resized image cut short in eleventy-img's cache, which skips a file it finds there.
  const image = readdirSync(path.join(cache, "images")).find((name) => name.endsWith("-960.jpeg"))!;
  await truncate(path.join(cache, "images", image), 100);
  // A cached article reading garbled at the same length, so only its line's checksum tells: read
  // as it is, the story would be published under the wrong headline.
  const readings = path.join(cache, "front-matter.jsonl");
  const record = await readFile(readings, "utf8");
  expect(record).toContain('"title":"Trade bulletin no. 1"');
  await writeFile(readings, record.replace('"title":"Trade bulletin no. 1"', '"title":"Trade bulletin no. 7"'));
  // Edits in place to the built site: Eleventy's home page, a cached article page, a shard's file.
  await appendFile(path.join(output, "index.html"), "<!-- edited in _site -->\n");
  await appendFile(path.join(output, "society/2025/04/updated-story/index.html"), "<p>edited in _site</p>\n");
  await appendFile(path.join(output, "pagefind", editedShard, "pagefind-entry.json"), "edited in _site");

  // A new story in a section with several pages, and an edit to an old story's body.
  await writeFile(
    path.join(articles, "2025/05/late-bulletin.md"),
    '---\ntitle: "Late trade bulletin"\ndate: 2025-05-20T09:00:00+08:00\nsection: economy\ntags: [trade, ports]\nsummary: "A story added after the site was built."\n---\n\nPortside cranes resumed work.\n',
  );
  await writeFile(
    path.join(articles, "2025/01/trade-bulletin-03.md"),
    '---\ntitle: "Trade bulletin no. 3"\ndate: 2025-01-03T09:03:00+08:00\nsection: economy\ntags: [trade]\nsummary: "Fixture bulletin number 3 for pagination."\n---\n\nBulletin 3 body text, corrected: quayside.\n',
  );
  rebuild = await buildSite({ ...env, BROADSHEET_CACHE: cache }, output);
  expect(rebuild.exitCode, rebuild.stderr).toBe(0);
  clean = await buildSite(env);
  expect(clean.exitCode, clean.stderr).toBe(0);
});

describe("a rebuild after articles change, with the cache of the last build", () => {
  it("reuses pages and search shards that did not change, and renders the ones that did", () => {
    const counts = (pattern: RegExp) => pattern.exec(rebuild.stdout)?.slice(1).map(Number);
    const [articlePages, articlesRendered, articlesReused] = counts(/(\d+) article pages: (\d+) rendered, (\d+) reused/)!;
    expect(articlesReused).toBeGreaterThan(0);
    // The new story, the edited one, and the neighbours and related lists that now name the new one.
    expect(articlesRendered).toBeGreaterThanOrEqual(2);
    expect(articlesRendered! + articlesReused!).toBe(articlePages);
    const [, sectionsRendered, sectionsReused] = counts(/(\d+) section pages: (\d+) rendered, (\d+) reused/)!;
    const [, tagsRendered, tagsReused] = counts(/(\d+) tag pages: (\d+) rendered, (\d+) reused/)!;
    expect(sectionsRendered! + tagsRendered!).toBeGreaterThan(0);
    expect(sectionsReused! + tagsReused!).toBeGreaterThan(0);
    expect(rebuild.stdout).toMatch(/search index: \d+ articles in \d+ shards, [1-9]\d* reused from the cache/);
  });

  it("finds the damaged cached pages, search shards, images and article readings, says so, and makes them again", () => {
    expect(rebuild.stderr).toContain(
      "[broadsheet] warning: 2 damaged cache entries rebuilt: the cached pages of /society/2025/04/updated-story/, /sci-tech/2025/02/script-in-headline/ differed from what was written and were rendered again.",
    );
    const either = `(?:${garbledShard}|${editedShard})`;
    expect(rebuild.stderr).toMatch(new RegExp(`\\[broadsheet\\] warning: 2 damaged cache entries rebuilt: the cached search shards ${either} \\(.+\\), ${either} \\(.+\\) were indexed again\\.`));
    expect(rebuild.stderr).toContain(`${garbledShard} (fragment/`);
    expect(rebuild.stderr).toMatch(/\[broadsheet\] warning: 1 damaged cache entry rebuilt: the cached images of \S+\/2025\/04\/clinic-queue\.jpg \(\S+-960\.jpeg differs from what was written\) were made again\./);
    expect(rebuild.stderr).toContain(`${editedShard} (pagefind-entry.json differs from what was written or cannot be read)`);
    // Named as its problems would be: outside the project, by its full path.
    expect(rebuild.stderr).toMatch(/\[broadsheet\] warning: 1 damaged cache entry rebuilt: the cached front matter of \/\S+\/articles\/2025\/01\/trade-bulletin-01\.md differed from what was written and was read again\./);
  });

  it("keeps in its cache only the pages and search shards the rebuild used", () => {
    // Every page of the registry is cached, the front, tag index, search and 404 pages too.
    const [pages] = /(\d+) pages and \d+ other files written/.exec(rebuild.stdout)!.slice(1).map(Number);
    expect(readdirSync(path.join(cache, "pages")).length).toBe(pages);
    const [shards] = /in (\d+) shards/.exec(rebuild.stdout)!.slice(1).map(Number);
    expect(readdirSync(path.join(cache, "search")).length).toBe(shards);
  });

  it("writes the same files, byte for byte, as a build from an empty cache", async () => {
    const rebuilt = await fileHashes(rebuild.output);
    expect(Object.keys(rebuilt).length).toBeGreaterThan(100);
    expect(rebuilt).toEqual(await fileHashes(clean.output));
    expect(rebuilt).not.toEqual(firstFiles);
  });

  it("shows the new story at the top of its section and the edited body on its page", async () => {
    const economy = await loadPage(rebuild.output, "/economy/");
    expect(economy(".bs-teaser-list :is(h2, h3)").first().text()).toBe("Late trade bulletin");
    const edited = await loadPage(rebuild.output, "/economy/2025/01/trade-bulletin-03/");
    expect(edited(".bs-article__body").text()).toContain("corrected: quayside");
  });
});

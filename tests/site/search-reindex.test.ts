import { readdirSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../tools/corpus.ts";
import { cutHash, cutSizes, shardLimits } from "../../src/search/shard-plan.ts";
import { buildSite, type BuildResult } from "../helpers/site.ts";
import { fileHashes } from "../helpers/files.ts";

// A generated newsroom of 120 stories in search shards of at most 40 (about a dozen shards), built
// once, then rebuilt with the same cache after an old story is deleted, after another is
// re-dated and after a new newest story: each rebuild indexes only the shards at the story's old
// and new places (for the new story, the newest stretch's small tail), and the last equals a
// build of the same articles from an empty cache.
interface ManifestShard {
  path: string;
  oldest: string;
  newest: string;
  articles: number;
}
const env = { SOURCE_DATE_EPOCH: "1796000000", BROADSHEET_SEARCH_SHARD_SIZE: "40" };
let articles: string;
/** Publication dates of the deleted story and of the re-dated one, before and after. */
const dates = { deleted: "", movedFrom: "", movedTo: "" };
const builds: Record<"first" | "deleted" | "redated" | "newest" | "clean", { result: BuildResult; shards: ManifestShard[] }> = {} as never;
/** The new newest story's file, inside the articles folder (its identity to the shard plan). */
const NEW_STORY = "2026/11/one-more-story.md";
/** The search files the new newest story changed or added, and those it removed. */
const newStoryFiles = { changed: [] as string[], removed: [] as string[] };
/** The stories' identities (paths inside the articles folder), oldest first, after the new story. */
let identities: string[] = [];

async function build(name: keyof typeof builds, cache: string, output: string): Promise<void> {
  const result = await buildSite({ ...env, BROADSHEET_ARTICLES: articles, BROADSHEET_CACHE: cache }, output);
  expect(result.exitCode, result.stderr).toBe(0);
  const manifest = JSON.parse(await readFile(path.join(output, "pagefind/shards.json"), "utf8")) as { languages: Record<string, ManifestShard[]> };
  builds[name] = { result, shards: manifest.languages.en! };
}

/** Every story file, oldest first (the corpus names folders by year and month). */
async function storiesOldestFirst(): Promise<Array<{ file: string; date: string }>> {
  const files = readdirSync(articles, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".md"));
  const dated = await Promise.all(files.map(async (file) => ({ file: path.join(articles, file), date: /^date: (\S+)$/m.exec(await readFile(path.join(articles, file), "utf8"))![1]! })));
  return dated.sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
}

/** What the rebuild's log says it did with the search shards. */
function searchLine(result: BuildResult): { shards: number; reused: number; indexed: number } {
  const [, shards, reused, indexed] = /search index: \d+ articles in (\d+) shards(?:, (\d+) reused from the cache)?(?:, (\d+) indexed)?/.exec(result.stdout)!;
  return { shards: Number(shards), reused: Number(reused ?? 0), indexed: Number(indexed ?? 0) };
}

/** The shard of `shards` (newest first) a story of `date` falls in, and the next newer one. */
function near(shards: ManifestShard[], date: string): ManifestShard[] {
  const index = shards.findIndex((shard) => Date.parse(shard.oldest) <= Date.parse(date));
  return shards.slice(Math.max(0, index - 1), index + 1);
}

/** Shards of `before` that `after` no longer has with the same articles (by folder, span and count). */
const gone = (before: ManifestShard[], after: ManifestShard[]) => before.filter((shard) => !after.some((other) => JSON.stringify(other) === JSON.stringify(shard)));

beforeAll(async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), "broadsheet-reindex-"));
  articles = path.join(work, "articles");
  await writeCorpus(articles, { count: 120 });
  const cache = path.join(work, "cache");
  const output = path.join(work, "site");
  await build("first", cache, output);
  const stories = await storiesOldestFirst();
  dates.deleted = stories[30]!.date;
  await rm(stories[30]!.file);
  await build("deleted", cache, output);
  // Re-dated in its file: the 60th oldest story moves among the newer ones (its URL's month changes too).
  const moved = stories[60]!;
  const text = await readFile(moved.file, "utf8");
  [dates.movedFrom, dates.movedTo] = [moved.date, stories[100]!.date.replace(/:00\+/, ":30+")];
  await writeFile(moved.file, text.replace(/^date: \S+$/m, `date: ${dates.movedTo}`));
  await build("redated", cache, output);
  // A new story after the newest, as the newsroom files one: it joins the newest stretch's tail.
  const before = await fileHashes(path.join(output, "pagefind"));
  const newest = stories.at(-1)!;
  const newestText = await readFile(newest.file, "utf8");
  await writeFile(path.join(articles, NEW_STORY), newestText.replace(/^title: .*$/m, "title: One more story").replace(/^date: \S+$/m, `date: ${new Date(Date.parse(newest.date) + 3_600_000).toISOString()}`));
  await build("newest", cache, output);
  const after = await fileHashes(path.join(output, "pagefind"));
  newStoryFiles.changed = Object.keys(after).filter((file) => after[file] !== before[file]);
  newStoryFiles.removed = Object.keys(before).filter((file) => !(file in after));
  identities = (await storiesOldestFirst()).map((story) => path.relative(articles, story.file).split(path.sep).join("/"));
  await build("clean", path.join(work, "clean-cache"), path.join(work, "clean-site"));
}, 600_000);

describe("a rebuild after an old story changes, with the cache of the last build", () => {
  it("cuts the newsroom into about a dozen shards", () => {
    expect(builds.first.shards.length).toBeGreaterThanOrEqual(6);
    expect(searchLine(builds.first.result).indexed).toBe(builds.first.shards.length);
  });

  it("indexes only the shard that held a deleted story (and at most the next newer one); the others are reused", () => {
    const { shards, reused, indexed } = searchLine(builds.deleted.result);
    const changed = gone(builds.first.shards, builds.deleted.shards);
    expect(changed.length).toBeGreaterThanOrEqual(1);
    expect(changed.every((shard) => near(builds.first.shards, dates.deleted).includes(shard))).toBe(true);
    expect(indexed).toBe(gone(builds.deleted.shards, builds.first.shards).length);
    expect(indexed).toBeLessThanOrEqual(2);
    expect(reused).toBe(shards - indexed);
  });

  it("indexes only the shards at a re-dated story's old and new places", () => {
    const { shards, reused, indexed } = searchLine(builds.redated.result);
    const changed = gone(builds.deleted.shards, builds.redated.shards);
    expect(changed.length).toBeGreaterThanOrEqual(2);
    const places = [...near(builds.deleted.shards, dates.movedFrom), ...near(builds.deleted.shards, dates.movedTo)];
    expect(changed.every((shard) => places.includes(shard)), `changed ${changed.map((shard) => shard.path).join(", ")}`).toBe(true);
    expect(indexed).toBe(gone(builds.redated.shards, builds.deleted.shards).length);
    expect(indexed).toBeLessThanOrEqual(4);
    expect(reused).toBe(shards - indexed);
    expect(reused).toBeGreaterThanOrEqual(shards - 4);
  });

  it("indexes only the newest stretch's tail for a new newest story, and rewrites only its search files", () => {
    // The new story is no minor cut (which would fold the tail into the head, re-indexing both).
    expect(cutHash(NEW_STORY)).toBeGreaterThanOrEqual(1 / shardLimits(40).minorSpacing);
    const { shards, reused, indexed } = searchLine(builds.newest.result);
    expect(indexed).toBe(1);
    expect(reused).toBe(shards - 1);
    const [tail, head] = builds.newest.shards;
    // The shard re-indexed is the newest, the tail, holding the new story; the one it replaced
    // (if the tail was not empty) was the newest before; the head beside it kept its files.
    expect(gone(builds.newest.shards, builds.redated.shards)).toEqual([tail]);
    expect(tail!.newest > builds.redated.shards[0]!.newest).toBe(true);
    expect(gone(builds.redated.shards, builds.newest.shards).every((shard) => shard === builds.redated.shards[0] && shard.path === tail!.path)).toBe(true);
    expect(builds.redated.shards).toContainEqual(head);
    // A small tail beside a head: the shard a new story re-indexes holds fewer articles than the
    // newest shard would without the split (here the open stretch is a head of one article).
    const untailed = cutSizes(identities.map(cutHash), { ...shardLimits(40), minorSpacing: Infinity });
    expect(identities.at(-1)).toBe(NEW_STORY);
    expect(tail!.articles).toBeLessThan(untailed.at(-1)!);
    // Every search file it changed is the tail's, or the manifest.
    expect(newStoryFiles.changed.length).toBeGreaterThan(1);
    expect([...newStoryFiles.changed, ...newStoryFiles.removed].filter((file) => file !== "shards.json" && !file.startsWith(tail!.path))).toEqual([]);
  });

  it("writes the same files, byte for byte, as a build of the same articles from an empty cache", async () => {
    expect(builds.clean.shards).toEqual(builds.newest.shards);
    const rebuilt = await fileHashes(builds.newest.result.output);
    expect(Object.keys(rebuilt).length).toBeGreaterThan(100);
    expect(rebuilt).toEqual(await fileHashes(builds.clean.result.output));
  });
});

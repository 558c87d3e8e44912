import { describe, expect, it } from "vitest";
import { cutHash, cutSizes, naturalStretches, planShards, shardKey, shardLimits, shardOf, type ShardPlan } from "../../src/search/shard-plan.ts";
import { buildNewsroom } from "../../src/collections/newsroom.ts";
import { makeArticle, settings } from "../helpers/articles.ts";
import type { ParsedArticle } from "../../src/content/article-model.ts";

/** A seeded generator, so every run cuts the same lists (Park–Miller). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

const hashes = new Map<string, number>();
const hashOf = (identity: string) => hashes.get(identity) ?? hashes.set(identity, cutHash(identity)).get(identity)!;

/** Shards as lists of the identities they hold, from identities oldest first. */
function cut(identities: readonly string[], size: number): string[][] {
  const shards: string[][] = [];
  let start = 0;
  for (const length of cutSizes(identities.map(hashOf), shardLimits(size))) {
    shards.push(identities.slice(start, start + length));
    start += length;
  }
  return shards;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index]);

/** Indexes (in `before`) of the shards whose membership is not a shard of `after`. */
function changedShards(before: string[][], after: string[][]): number[] {
  return before.flatMap((shard, index) => (after.some((other) => same(shard, other)) ? [] : [index]));
}

describe("cutSizes", () => {
  const size = 60;
  const limits = shardLimits(size);
  const identities = Array.from({ length: 3000 }, (_, index) => `2025/${index}.md`);

  it("holds at most the maximum, and all but the newest two shards (the open stretch's head and tail) at least the minimum, and cuts the same each time", () => {
    const random = seeded(7);
    let shortHeads = 0;
    for (let trial = 0; trial < 20; trial++) {
      const list = identities.filter(() => random() < 0.8).map((identity) => `${trial}/${identity}`);
      const sizes = cutSizes(list.map(cutHash), limits);
      expect(sizes.reduce((sum, length) => sum + length, 0)).toBe(list.length);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(limits.max);
      expect(Math.min(...sizes.slice(0, -2))).toBeGreaterThanOrEqual(limits.min);
      if (sizes.at(-2)! < limits.min) shortHeads++;
      expect(cutSizes(list.map(cutHash), limits)).toEqual(sizes);
    }
    // The head, too, can still be short: the property is "all but the newest two", not one.
    expect(shortHeads).toBeGreaterThan(0);
    // Some stretches had no natural cut for longer than the maximum: the rule that cuts them ran.
    expect(naturalStretches(identities.map(cutHash), limits).some((stretch) => stretch.length > limits.max)).toBe(true);
  });

  it("changes, for one article inserted or removed, only the shard holding its place and at most the next newer one, but inside a stretch longer than the maximum", () => {
    const before = cut(identities, size);
    const random = seeded(11);
    const holding = (shards: string[][], identity: string) => shards.findIndex((shard) => shard.includes(identity));
    const overLong = (list: readonly string[], at: number) => {
      // Whether the stretches between natural cuts around `at` (that one and the next) run past the maximum.
      let start = 0;
      const stretches = naturalStretches(list.map(hashOf), limits);
      for (const [index, stretch] of stretches.entries()) {
        if (at < start + stretch.length) return [stretch, stretches[index + 1]].some((near) => near !== undefined && near.length > limits.max);
        start += stretch.length;
      }
      return false;
    };
    let local = 0;
    const trials = 600;
    for (let trial = 0; trial < trials; trial++) {
      const at = Math.floor(random() * identities.length);
      const list = [...identities];
      if (trial % 2 === 0) list.splice(at, 1);
      else list.splice(at, 0, `new/${trial}.md`);
      const changed = changedShards(before, cut(list, size));
      const home = holding(before, identities[at]!);
      if (changed.every((index) => index === home || index === home + 1)) local++;
      else expect(overLong(identities, at) || overLong(list, at), `change ${trial} at ${at} changed shards ${changed.join(", ")} (holding: ${home})`).toBe(true);
      // Whatever the case, the change stays inside a few shards around its place.
      expect(changed.every((index) => Math.abs(index - home) <= 3)).toBe(true);
    }
    expect(local / trials).toBeGreaterThan(0.9);
  });

  it("changes only the tail when a story is published after the newest, the head too when the story is a minor cut", () => {
    let shards = cut(identities, size);
    for (let story = 0; story < 200; story++) {
      const next = cut([...identities, ...Array.from({ length: story + 1 }, (_, index) => `2026/${index}.md`)], size);
      const changed = changedShards(shards, next);
      const minor = hashOf(`2026/${story}.md`) < 1 / limits.minorSpacing;
      expect(changed.every((index) => index >= shards.length - (minor ? 2 : 1)), `story ${story} changed ${changed.join(", ")} of ${shards.length}`).toBe(true);
      shards = next;
    }
  });
});

describe("cutSizes' newest stretch, at the default shard size", () => {
  const limits = shardLimits(2000);
  const untailed = { ...limits, minorSpacing: Infinity };
  const identities = Array.from({ length: 3000 }, (_, index) => `2025/${index}.md`);
  const hashesOf = (list: readonly string[]) => list.map(hashOf);

  it("splits the open stretch into a head up to its last minor cut and a tail of about one in minorSpacing", () => {
    const tails: number[] = [];
    for (let trial = 0; trial < 40; trial++) {
      const list = identities.map((identity) => `${trial}/${identity}`);
      const sizes = cutSizes(hashesOf(list), limits);
      const untailedSizes = cutSizes(hashesOf(list), untailed);
      const open = naturalStretches(hashesOf(list), limits).at(-1)!;
      expect(open.closed).toBe(false);
      // The shards before the open stretch are cut as without a tail; the open stretch is one
      // or two shards: a head ending at its last minor cut, a tail with none.
      expect(sizes.slice(0, untailedSizes.length - 1)).toEqual(untailedSizes.slice(0, -1));
      // (Past the maximum, the open stretch's newest piece is the one split.)
      const newestPiece = untailedSizes.at(-1)!;
      const newest = sizes.slice(untailedSizes.length - 1);
      expect(newest.reduce((sum, length) => sum + length, 0)).toBe(newestPiece);
      const isMinor = (identity: string) => hashOf(identity) < 1 / limits.minorSpacing;
      const openList = list.slice(-newestPiece);
      const fromEnd = [...openList].reverse().findIndex(isMinor);
      const lastMinor = fromEnd < 0 ? -1 : openList.length - 1 - fromEnd;
      const tail = newestPiece - lastMinor - 1;
      expect(newest).toEqual([lastMinor + 1, tail].filter((length) => length > 0));
      expect(openList.slice(-tail).some(isMinor) && tail > 0).toBe(false);
      tails.push(tail);
    }
    const mean = tails.reduce((sum, tail) => sum + tail, 0) / tails.length;
    expect(mean).toBeGreaterThan(limits.minorSpacing / 3);
    expect(mean).toBeLessThan(limits.minorSpacing * 2);
  });

  it("re-indexes under a fifth as many articles over 500 new stories as one open newest shard would", () => {
    const reindexed = (cutLimits: typeof limits) => {
      let list = [...identities];
      let shards = cutSizes(hashesOf(list), cutLimits);
      let total = 0;
      for (let story = 0; story < 500; story++) {
        list = [...list, `2026/${story}.md`];
        const next = cutSizes(hashesOf(list), cutLimits);
        // The shards that changed: those from the first size that differs, to the end.
        const first = next.findIndex((length, index) => length !== shards[index]);
        total += next.slice(first).reduce((sum, length) => sum + length, 0);
        shards = next;
      }
      return total;
    };
    const [tailed, whole] = [reindexed(limits), reindexed(untailed)];
    expect(tailed * 5, `${tailed} articles re-indexed with a tail, ${whole} without`).toBeLessThan(whole);
  });

  it("changes, for one article inserted or removed in the open stretch, only the shards at its place (head and tail)", () => {
    // A newsroom whose open stretch is long (1,140 articles: a head of 1,097 and a tail of 43).
    const identities = Array.from({ length: 3000 }, (_, index) => `1/2025/${index}.md`);
    const before = cut(identities, 2000);
    const openStart = identities.length - naturalStretches(hashesOf(identities), limits).at(-1)!.length;
    expect([identities.length - openStart, ...before.slice(-2).map((shard) => shard.length)]).toEqual([1140, 1097, 43]);
    const holding = (shards: string[][], identity: string | undefined) => shards.findIndex((shard) => identity !== undefined && shard.includes(identity));
    const random = seeded(5);
    for (let trial = 0; trial < 300; trial++) {
      const at = openStart + Math.floor(random() * (identities.length - openStart));
      const list = [...identities];
      if (trial % 2 === 0) list.splice(at, 1);
      else list.splice(at, 0, `new/${trial}.md`);
      const changed = changedShards(before, cut(list, 2000));
      // Its place: the shard holding the article, or either neighbour's for an insertion that
      // falls on a cut (a minor cut inserted just after the last one joins the head).
      const places = [holding(before, identities[at]), holding(before, identities[at - 1])];
      expect(changed.length).toBeGreaterThan(0);
      expect(changed.every((index) => places.some((place) => index === place || index === place + 1)), `change ${trial} at ${at} changed ${changed.join(", ")}`).toBe(true);
    }
    // Moving the last minor cut changes both: deleting it, or inserting one inside the tail.
    const [head, tail] = [before.length - 2, before.length - 1];
    const lastMinor = identities.indexOf(before[head]!.at(-1)!);
    expect(hashOf(identities[lastMinor]!)).toBeLessThan(1 / limits.minorSpacing);
    expect(changedShards(before, cut(identities.filter((_, index) => index !== lastMinor), 2000))).toEqual([head, tail]);
    const minorStory = Array.from({ length: 1000 }, (_, index) => `minor/${index}.md`).find((identity) => hashOf(identity) < 1 / limits.minorSpacing)!;
    const insideTail = identities.length - Math.ceil(before[tail]!.length / 2);
    expect(changedShards(before, cut([...identities.slice(0, insideTail), minorStory, ...identities.slice(insideTail)], 2000))).toEqual([head, tail]);
  });
});

describe("planShards", () => {
  // Two years of English stories, one a day, with a few Chinese ones; shards of at most 40.
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n, 2)).toISOString().replace(".000Z", "Z");
  const english = Array.from({ length: 730 }, (_, index) => makeArticle(`2024/story-${index}`, { date: day(index) }));
  const chinese = Array.from({ length: 30 }, (_, index) => makeArticle(`zh/story-${index}`, { date: day(index * 20), lang: "zh" }));
  const size = 40;
  const plan = (articles: ParsedArticle[]) => planShards(buildNewsroom(articles, settings).articles, size, "articles");
  const members = (plans: ShardPlan[]) => plans.map((shard) => shard.articles.map((article) => article.sourcePath));
  const keys = (plans: ShardPlan[]) => plans.map((shard) => shardKey(shardOf(shard)));
  const before = plan([...english, ...chinese]);
  const holding = (sourcePath: string) => before.findIndex((shard) => shard.articles.some((article) => article.sourcePath === sourcePath));

  /** The shards of `before` no longer in `after`, by membership; every other keeps its key too. */
  function changedBy(after: ShardPlan[]): number[] {
    const changed = changedShards(members(before), members(after));
    const afterKeys = new Set(keys(after));
    keys(before).forEach((key, index) => {
      if (!changed.includes(index)) expect(afterKeys.has(key), `shard ${before[index]!.path} kept its articles but not its key`).toBe(true);
    });
    return changed;
  }

  it("cuts each language into runs of consecutive articles, oldest first, within the limits, named by their oldest article", () => {
    const { max, min } = shardLimits(size);
    for (const language of ["en", "zh"]) {
      const shards = before.filter((shard) => shard.language === language);
      const inOrder = shards.flatMap((shard) => shard.articles.map((article) => article.sortKey));
      expect(inOrder).toEqual([...inOrder].sort());
      expect(shards.every((shard) => shard.oldest === shard.articles[0]!.sortKey && shard.newest === shard.articles.at(-1)!.sortKey)).toBe(true);
      expect(Math.max(...shards.map((shard) => shard.articles.length))).toBeLessThanOrEqual(max);
      expect(Math.min(...shards.slice(0, -1).map((shard) => shard.articles.length))).toBeGreaterThanOrEqual(min);
    }
    expect(before.filter((shard) => shard.language === "en").length).toBeGreaterThan(40);
    expect(new Set(before.map((shard) => shard.path)).size).toBe(before.length);
    expect(before[0]!.path).toMatch(/^en\/[0-9a-f]{12}\/$/);
    // The same articles, wherever the folder lies and in whatever order they came, cut the same.
    expect(members(planShards(buildNewsroom([...chinese, ...english].reverse(), settings).articles, size, "articles"))).toEqual(members(before));
  });

  it("re-indexes only the newest shard for a new newest story", () => {
    const after = plan([...english, ...chinese, makeArticle("2026/newest", { date: day(800) })]);
    const newest = holding(english.at(-1)!.sourcePath);
    expect(changedBy(after).every((index) => index === newest)).toBe(true);
    expect(after.filter((shard) => shard.language === "en").at(-1)!.articles.at(-1)!.sourcePath).toBe("articles/2026/newest.md");
  });

  it("re-indexes only the shards edited old stories are in, without moving a cut", () => {
    // Headline, standfirst and tags edited in 25 old stories (one in about thirty): no cut moves.
    const edited = new Set(english.filter((_, index) => index % 29 === 3));
    const editedCopies = [...edited].map((old) => makeArticle(old.sourcePath.replace(/^articles\/|\.md$/g, ""), { date: old.sortKey, title: `New headline ${old.title}`, summary: "Another standfirst.", tags: ["energy"] }));
    const after = plan([...english.filter((article) => !edited.has(article)), ...editedCopies, ...chinese]);
    expect(members(after)).toEqual(members(before)); // the same articles in every shard…
    const changedKeys = keys(after).flatMap((key, index) => (key === keys(before)[index] ? [] : [index]));
    expect(changedKeys).toEqual([...new Set([...edited].map((old) => holding(old.sourcePath)))].sort((a, b) => a - b)); // …and only their shards' entries differ
  });

  for (const [what, change] of [
    ["a backdated story", (articles: ParsedArticle[]) => ({ articles: [...articles, makeArticle("2024/backdated", { date: day(300) })], places: [day(300)] })],
    ["a deleted old story", (articles: ParsedArticle[]) => ({ articles: articles.filter((article) => article !== english[200]), places: [english[200]!.sortKey] })],
    ["a re-dated old story", (articles: ParsedArticle[]) => ({ articles: [...articles.filter((article) => article !== english[150]), makeArticle("2024/story-150", { date: day(500) })], places: [english[150]!.sortKey, day(500)] })],
  ] as const) {
    it(`re-indexes only the shards at the old and new places of ${what} (and at most the next newer one each)`, () => {
      const { articles, places } = change([...english, ...chinese]);
      const after = plan(articles);
      const near = places.flatMap((sortKey) => {
        const index = before.findIndex((shard) => shard.language === "en" && shard.newest >= sortKey);
        return [index, index + 1];
      });
      const changed = changedBy(after);
      expect(changed.length).toBeGreaterThan(0);
      expect(changed.every((index) => near.includes(index)), `changed ${changed.join(", ")}, near ${near.join(", ")}`).toBe(true);
      expect(before.length - changed.length).toBeGreaterThan(40);
    });
  }
});

import { appendFileSync, cpSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkStamped, openFileStamps, stateOf } from "../../src/cache/file-stamps.ts";
import { sha256 } from "../../src/cache/integrity.ts";
import { ARTICLE_STAMPS_FILE, loadArticles } from "../../src/content/load-articles.ts";
import { context } from "../helpers/articles.ts";
import { fixtureArticles, projectRoot } from "../helpers/site.ts";

const scratch = () => mkdtempSync(path.join(os.tmpdir(), "broadsheet-file-stamps-"));
/** A time long enough ago for a file last written then to be stamped, in whole seconds. */
const LONG_AGO = new Date("2025-01-01T00:00:00Z");
const settle = (file: string, when: Date = LONG_AGO) => utimesSync(file, when, when);
/** A scratch folder with one file of `bytes`, written long ago, and where its stamps are kept. */
function settledFile(bytes: string): { dir: string; file: string; record: string } {
  const dir = scratch();
  const file = path.join(dir, "a.txt");
  writeFileSync(file, bytes);
  settle(file);
  return { dir, file, record: path.join(dir, "stamps.txt") };
}

describe("file stamps", () => {
  it("know a file's hash while its size, time and inode are as stamped, and not once one moves", () => {
    const { dir, file, record } = settledFile("first");
    const first = openFileStamps(record);
    const { state, hash } = first.check(file);
    expect(hash).toBeUndefined();
    first.record(file, state!, "hash-of-first");
    first.save();
    expect(openFileStamps(record).check(file).hash).toBe("hash-of-first");
    // A write moves the time, even at the same size.
    writeFileSync(file, "fresh");
    expect(openFileStamps(record).check(file).hash).toBeUndefined();
    // Set back to the stamped time, the same bytes' length and inode pass for unchanged: the one
    // case a stamp cannot tell (README "How it is built").
    settle(file);
    expect(openFileStamps(record).check(file).hash).toBe("hash-of-first");
    // Another file put in its place (an editor's save) is another inode.
    writeFileSync(`${file}.new`, "first");
    settle(`${file}.new`);
    renameSync(`${file}.new`, file);
    expect(openFileStamps(record).check(file).hash).toBeUndefined();
    rmSync(dir, { recursive: true });
  });

  it("do not stamp a file written moments ago, and keep only the files a build looked at", () => {
    const dir = scratch();
    const record = path.join(dir, "stamps.txt");
    const [fresh, old, gone] = [path.join(dir, "fresh.txt"), path.join(dir, "old.txt"), path.join(dir, "gone.txt")];
    for (const file of [fresh, old, gone]) writeFileSync(file, "bytes");
    for (const file of [old, gone]) settle(file);
    expect(stateOf(fresh)!.settled).toBe(false);
    const first = openFileStamps(record);
    for (const file of [fresh, old, gone]) first.record(file, first.check(file).state!, "h");
    first.save();
    const second = openFileStamps(record);
    expect(second.check(fresh).hash).toBeUndefined();
    expect(second.check(old).hash).toBe("h");
    second.save(); // gone.txt was not looked at: dropped
    expect(openFileStamps(record).check(gone).hash).toBeUndefined();
    rmSync(dir, { recursive: true });
  });

  it("ignore a record that was edited or cut short", () => {
    const { dir, file, record } = settledFile("bytes");
    const stamps = openFileStamps(record);
    stamps.record(file, stamps.check(file).state!, "h");
    stamps.save();
    writeFileSync(record, readFileSync(record, "utf8").replace(/\th$/, "\tforged"));
    expect(openFileStamps(record).check(file).hash).toBeUndefined();
    writeFileSync(record, `${sha256("")}\n`);
    expect(openFileStamps(record).check(file).hash).toBeUndefined();
    rmSync(dir, { recursive: true });
  });

  it("let a check skip what is stamped with its expected hash, and hash the rest", async () => {
    const dir = scratch();
    const record = path.join(dir, "stamps.txt");
    const [kept, edited] = [path.join(dir, "kept.txt"), path.join(dir, "edited.txt")];
    for (const file of [kept, edited]) {
      writeFileSync(file, "bytes");
      settle(file);
    }
    const expected = sha256("bytes");
    expect(await checkStamped([[kept, expected], [edited, expected]], openFileStamps(record))).toEqual(new Set([kept, edited]));
    appendFileSync(edited, " and more");
    // A stamped file is not read: its bytes are not what a hash check would accept, yet it passes
    // (its stamp says it was checked and has not been written since).
    expect(await checkStamped([[kept, expected], [edited, expected]], openFileStamps(record))).toEqual(new Set([kept]));
    rmSync(dir, { recursive: true });
  });
});

describe("article files and their stamps", () => {
  it("take a stamped, unchanged article's reading from the cache without reading the file", async () => {
    const dir = scratch();
    const articles = path.join(dir, "articles");
    cpSync(fixtureArticles, articles, { recursive: true });
    const bulletin = path.join(articles, "2025/01/trade-bulletin-03.md");
    settle(bulletin);
    const cache = { dir: path.join(dir, "cache"), extraKey: "/" };
    const titleOf = (loaded: Awaited<ReturnType<typeof loadArticles>>) => loaded.articles.find((article) => article.sourcePath.endsWith("trade-bulletin-03.md"))!.title;
    expect(titleOf(await loadArticles(articles, context, projectRoot, cache))).toBe("Trade bulletin no. 3");
    // Same length, time set back: the stamp holds, so the file is not read and the cached reading stands.
    writeFileSync(bulletin, readFileSync(bulletin, "utf8").replace('title: "Trade bulletin no. 3"', 'title: "Trade bulletin no. 8"'));
    settle(bulletin);
    expect(titleOf(await loadArticles(articles, context, projectRoot, cache))).toBe("Trade bulletin no. 3");
    // Any time other than the stamped one: read again.
    settle(bulletin, new Date("2025-01-02T00:00:00Z"));
    expect(titleOf(await loadArticles(articles, context, projectRoot, cache))).toBe("Trade bulletin no. 8");
    // Without the stamps the file is read and hashed, whatever its time.
    writeFileSync(bulletin, readFileSync(bulletin, "utf8").replace('title: "Trade bulletin no. 8"', 'title: "Trade bulletin no. 5"'));
    settle(bulletin, new Date("2025-01-02T00:00:00Z"));
    rmSync(path.join(cache.dir, ARTICLE_STAMPS_FILE));
    expect(titleOf(await loadArticles(articles, context, projectRoot, cache))).toBe("Trade bulletin no. 5");
    rmSync(dir, { recursive: true });
  });
});

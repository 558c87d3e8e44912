import { mkdtemp, mkdir, writeFile, copyFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readAuthors } from "../../src/config/authors.ts";
import { buildNewsroom } from "../../src/collections/newsroom.ts";
import { makeArticle, settings } from "../helpers/articles.ts";
import { projectRoot } from "../helpers/site.ts";

/** A `_data/` folder holding only this `authors.json`. */
async function dataWith(authors: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "broadsheet-authors-"));
  await writeFile(path.join(dir, "authors.json"), JSON.stringify(authors));
  return dir;
}
const reporter = { key: "li-wei", name: { en: "Li Wei", zh: "李伟" } };
const problemOf = async (authors: unknown) => {
  const dir = await dataWith(authors);
  try {
    readAuthors(dir, ["en", "zh"]);
  } catch (error) {
    return (error as Error).message.replace(`${dir}/`, "_data/");
  }
  return "no problem";
};

describe("_data/authors.json", () => {
  it("is optional: no file, no reporters", async () => {
    expect(readAuthors(await mkdtemp(path.join(os.tmpdir(), "broadsheet-authors-")), ["en", "zh"])).toEqual([]);
  });

  it("reads the demo's reporters, names in both editions", () => {
    const authors = readAuthors(path.join(projectRoot, "_data"), ["en", "zh"]);
    expect(authors.length).toBeGreaterThanOrEqual(4);
    for (const author of authors) expect(Object.keys(author.name)).toEqual(["en", "zh"]);
  });

  it.each([
    [{}, "_data/authors.json: authors: must be a list of reporters"],
    [[{ ...reporter, key: "Li Wei" }], '_data/authors.json: [0].key: "Li Wei" is not: a lowercase slug'],
    [[reporter, reporter], "_data/authors.json: li-wei.key: is used by another reporter; choose another"],
    [[{ key: "li-wei", name: { en: "Li Wei" } }], "_data/authors.json: li-wei.name.zh: required: the name in the zh edition"],
    [[{ key: "li-wei", name: { en: "Li Wei", zh: "  " } }], "_data/authors.json: li-wei.name.zh: required: the name in the zh edition"],
    [[{ ...reporter, bio: { fr: "…" } }], "_data/authors.json: li-wei.bio.fr: unknown edition; expected one of: en, zh"],
    [[{ ...reporter, role: "Reporter" }], "_data/authors.json: li-wei.role: must be: a map of the text in each edition"],
    [[{ ...reporter, photo: "authors/nobody.jpg" }], '_data/authors.json: li-wei.photo: no image file "authors/nobody.jpg" under'],
    [[{ ...reporter, photo: "authors/notes.txt" }], "_data/authors.json: li-wei.photo: must be a JPEG, PNG, WebP, AVIF, GIF or TIFF image"],
    [[{ ...reporter, links: ["social.example.org/@li"] }], '_data/authors.json: li-wei.links.0: "social.example.org/@li" is not an absolute http(s) address'],
  ])("refuses %j, naming the file and field", async (authors, expected) => {
    expect(await problemOf(authors)).toContain(expected);
  });

  it("takes an optional field an editor left empty as not given, and finds a photo under _data/", async () => {
    const dir = await dataWith([{ ...reporter, role: { en: "", zh: null }, bio: null, photo: "authors/li-wei.jpg" }]);
    await mkdir(path.join(dir, "authors"));
    await copyFile(path.join(projectRoot, "_data/authors/li-wei.jpg"), path.join(dir, "authors/li-wei.jpg"));
    const [author] = readAuthors(dir, ["en", "zh"]);
    expect(author).toMatchObject({ role: {}, bio: {}, photoFile: path.join(dir, "authors/li-wei.jpg"), links: [] });
  });
});

describe("the newsroom's reporters", () => {
  it("index each edition's bylines in one pass; the default edition lists every reporter, another only those with a story in it", () => {
    const newsroom = buildNewsroom(
      [
        makeArticle("a", { authors: ["li-wei", "chen-yu"], date: "2025-05-02T10:00:00+08:00" }),
        makeArticle("b", { authors: ["li-wei"] }),
        makeArticle("c"),
        makeArticle("zh-a", { authors: ["chen-yu"], lang: "zh" }),
      ],
      settings,
    );
    const [en, zh] = newsroom.editions;
    expect(en!.articles.map((article) => article.authors.map((author) => author.name))).toEqual([["Li Wei", "Chen Yu"], ["Li Wei"], []]);
    expect(en!.authors.map((author) => [author.key, author.count])).toEqual(settings.authors.map((author) => [author.key, { "li-wei": 2, "chen-yu": 1 }[author.key] ?? 0]));
    expect(zh!.authors.map((author) => [author.name, author.url])).toEqual([["陈宇", "/zh/authors/chen-yu/"]]);
    const liWei = newsroom.authorPages.find((page) => page.key === "li-wei")!;
    expect(liWei.items.map((article) => article.slug)).toEqual(["a", "b"]);
    // One byline object per reporter, shared.
    expect(en!.articles[0]!.authors[0]).toBe(en!.articles[1]!.authors[0]);
  });
});

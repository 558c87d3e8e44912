import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/content/parse-article.ts";
import { context } from "../helpers/articles.ts";
import { projectRoot } from "../helpers/site.ts";

const run = promisify(execFile);
// 2026-11-30T16:30:00Z is 2026-12-01T00:30 in Shanghai: the new article belongs in December.
const NOW = "1796056200";

async function newArticle(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/cli/new-article.ts", ...args], {
      cwd: projectRoot,
      env: { ...process.env, BROADSHEET_ARTICLES: dir, SOURCE_DATE_EPOCH: NOW },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe("npm run new", () => {
  it("writes a draft at {yyyy}/{mm}/{slug}.md dated now in the site's zone, which the build accepts", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "broadsheet-new-"));
    const result = await newArticle(dir, ['Data & "AI": <Rules>', "--section", "sci-tech", "--tags", "C++, 人工智能"]);
    expect(result.code, result.stderr).toBe(0);
    const file = path.join(dir, "2026/12/data-and-ai-rules.md");
    const text = await readFile(file, "utf8");
    expect(text).toContain("date: 2026-12-01T00:30:00+08:00");
    const { article, problems } = parseArticle("articles/2026/12/data-and-ai-rules.md", text, context, file);
    expect(problems).toEqual([]);
    expect(article?.title).toBe('Data & "AI": <Rules>');
    expect(article?.sectionKey).toBe("sci-tech");
    expect(article?.rawTags).toEqual(["C++", "人工智能"]);
    expect(article?.status).toBe("draft");
    expect(article?.url).toBe("/sci-tech/2026/12/data-and-ai-rules/");
  });

  it("refuses an unknown section and lists the known ones", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "broadsheet-new-"));
    const result = await newArticle(dir, ["Headline", "--section", "sport"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('unknown section "sport"; known sections: china, world, economy, sci-tech, culture, society');
    expect(await readdir(dir)).toEqual([]);
  });

  it("names reporters with --author, repeated or comma-separated, after the section", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "broadsheet-new-"));
    const result = await newArticle(dir, ["Night ferry", "--section", "china", "--author", "li-wei", "--author", "chen-yu,li-wei"]);
    expect(result.code, result.stderr).toBe(0);
    const file = path.join(dir, "2026/12/night-ferry.md");
    const text = await readFile(file, "utf8");
    expect(text).toMatch(/^section: china\nauthors: \[li-wei, chen-yu\]\n/m);
    const { article, problems } = parseArticle("articles/2026/12/night-ferry.md", text, context, file);
    expect(problems).toEqual([]);
    expect(article?.authorKeys).toEqual(["li-wei", "chen-yu"]);
  });

  it("refuses an unknown --author and lists the known ones", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "broadsheet-new-"));
    const result = await newArticle(dir, ["Headline", "--section", "china", "--author", "wang-fang"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('unknown author "wang-fang"; known authors: li-wei, chen-yu, amara-okafor, zhou-lan, marta-lind');
    expect(await readdir(dir)).toEqual([]);
  });

  it("never overwrites an existing article", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "broadsheet-new-"));
    expect((await newArticle(dir, ["Night ferry", "--section", "china"])).code).toBe(0);
    const file = path.join(dir, "2026/12/night-ferry.md");
    await writeFile(file, "an editor's work in progress");
    const second = await newArticle(dir, ["Night ferry", "--section", "china"]);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain("already exists and was left as it is");
    expect(await readFile(file, "utf8")).toBe("an editor's work in progress");
  });

  it("keeps a Chinese headline as its slug, which the build publishes at a readable URL", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "broadsheet-new-"));
    const result = await newArticle(dir, ["茶叶节开幕：港城迎来采茶季", "--section", "culture", "--lang", "zh"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("茶叶节开幕-港城迎来采茶季.md");
    const file = path.join(dir, "2026/12/茶叶节开幕-港城迎来采茶季.md");
    const { article, problems } = parseArticle("articles/2026/12/茶叶节开幕-港城迎来采茶季.md", await readFile(file, "utf8"), context, file);
    expect(problems).toEqual([]);
    expect(article?.url).toBe("/zh/culture/2026/12/茶叶节开幕-港城迎来采茶季/");
  });

  it("gives a headline with no letters a dated slug, and takes a --slug in any script", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "broadsheet-new-"));
    expect((await newArticle(dir, ["!!! 🦀", "--section", "culture"])).code).toBe(0);
    expect((await newArticle(dir, ["茶叶节开幕", "--section", "culture", "--slug", "cha-ye-jie"])).code).toBe(0);
    expect((await newArticle(dir, ["Tea festival opens", "--section", "culture", "--slug", "茶叶节"])).code).toBe(0);
    expect((await readdir(path.join(dir, "2026/12"))).sort()).toEqual(["article-20261201-003000.md", "cha-ye-jie.md", "茶叶节.md"]);
  });

  it("cuts a very long headline's slug at a word, and refuses a --slug that is not one", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "broadsheet-new-"));
    const long = await newArticle(dir, ["Harbour ".repeat(60), "--section", "china"]);
    expect(long.code, long.stderr).toBe(0);
    const [name] = await readdir(path.join(dir, "2026/12"));
    expect(name).toMatch(/^harbour(?:-harbour)+\.md$/);
    expect(name!.length).toBeLessThanOrEqual(83);
    const bad = await newArticle(dir, ["Headline", "--section", "china", "--slug", "Not/A slug"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--slug "Not/A slug" must be lowercase letters and digits of any script (Latin without accents) joined by single hyphens');
  });
});

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findArticleFiles } from "../../src/content/article-files.mjs";
import { loadArticles } from "../../src/content/load-articles.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { articleText, context } from "../helpers/articles.ts";

// Symlinks are made here at run time: none is committed.
describe("article files behind symlinks", () => {
  let root: string;
  let articles: string;
  const article = (title: string) => articleText({ title, date: "2025-03-01T09:00:00+08:00", section: "china" });

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "broadsheet-links-"));
    articles = path.join(root, "articles");
    const elsewhere = path.join(root, "content-repository");
    mkdirSync(path.join(articles, "2025/03"), { recursive: true });
    mkdirSync(path.join(elsewhere, "desk"), { recursive: true });
    writeFileSync(path.join(articles, "2025/03/plain.md"), article("Plain"));
    writeFileSync(path.join(elsewhere, "linked-file.md"), article("Linked file"));
    writeFileSync(path.join(elsewhere, "desk/in-linked-folder.md"), article("In a linked folder"));
    symlinkSync(path.join(elsewhere, "linked-file.md"), path.join(articles, "2025/03/linked-file.md"));
    symlinkSync(path.join(elsewhere, "desk"), path.join(articles, "desk"));
    symlinkSync(path.join(root, "nowhere.md"), path.join(articles, "dangling.md"));
    symlinkSync(articles, path.join(articles, "2025/03/loop")); // back to the top: a loop
    symlinkSync(path.join(articles, "self.md"), path.join(articles, "self.md")); // a link to itself
    symlinkSync(path.join(articles, "2025/03/plain.md"), path.join(articles, "2025/03/second-way.md"));
    execFileSync("mkfifo", [path.join(articles, "pipe.md")]); // reading it would block forever
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("follows linked files and folders, reads each real file once, and does not loop", () => {
    const { files, skipped } = findArticleFiles(articles);
    expect(files.map((file) => path.relative(articles, file))).toEqual(["2025/03/linked-file.md", "2025/03/plain.md", "desk/in-linked-folder.md"]);
    expect(skipped.map(({ file, reason }) => `${path.relative(articles, file)}: ${reason}`)).toEqual([
      "2025/03/loop: folder already read by another path (a symlink loop or a second link to it); skipped",
      "dangling.md: symlink leads nowhere (dangling); skipped",
      "pipe.md: not a regular file (a pipe, socket or device); skipped",
      "self.md: symlink loops back on itself; skipped",
      "2025/03/second-way.md: the same file as " + path.join(articles, "2025/03/plain.md") + " (a symlink); read once, by that path",
    ]);
  });

  it("lists the files in a stable order: sorted by path, whatever the folder's own order", () => {
    const { files } = findArticleFiles(articles);
    expect(files).toEqual([...files].sort());
  });

  it("loads the linked articles and warns about each link passed over, naming it", async () => {
    const { articles: loaded, problems } = await loadArticles(articles, context, root);
    expect(loaded.map((item) => item.title).sort()).toEqual(["In a linked folder", "Linked file", "Plain"]);
    expect(problems.every((problem) => problem.severity === "warning")).toBe(true);
    expect(problems.map(formatProblem)).toContain("articles/dangling.md: file: symlink leads nowhere (dangling); skipped");
    expect(problems.map(formatProblem)).toContain("articles/2025/03/second-way.md: file: the same file as articles/2025/03/plain.md (a symlink); read once, by that path");
  });
});

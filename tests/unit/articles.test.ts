import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticle, readArticleBody, renderArticleBody } from "../../src/content/articles.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { articleText, context, makeArticle } from "../helpers/articles.ts";

const problemsOf = (fields: Record<string, unknown>, body?: string) =>
  parseArticle("articles/2025/03/x.md", articleText(fields, body), context).problems.map(formatProblem);

const valid = { title: "A headline", date: "2025-03-01T00:30:00+08:00", section: "china" };

describe("parseArticle", () => {
  it("builds the URL from section, the date in the site's zone and the file name", () => {
    expect(makeArticle("night-ferry", { date: "2025-02-28T16:30:00Z", section: "world" }).url).toBe("/world/2025/03/night-ferry/");
  });

  it("uses the slug field over the file name", () => {
    expect(makeArticle("night-ferry", { slug: "ferry" }).url).toBe("/china/2025/05/ferry/");
  });

  it("takes the summary from the first paragraph when there is none", () => {
    const { article } = parseArticle("articles/x.md", articleText(valid, "First *para*\ngraph.\n\nSecond."), context);
    expect(article?.summary).toBe("First para graph.");
  });

  it("renders raw HTML in Markdown as text, so an article cannot add a script", () => {
    expect(renderArticleBody(context.markdown, articleText(valid, "Hi <script>alert(1)</script>"), undefined)).toBe("<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
  });

  it("reads the body from the file when it is written, and stops if the file changed since it was read", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "broadsheet-body-"));
    const file = path.join(dir, "x.md");
    writeFileSync(file, articleText({ ...valid, credit: "New Society" }, "One *line*."));
    const { article } = parseArticle("articles/x.md", readFileSync(file, "utf8"), context, file);
    expect(readArticleBody(context.markdown, article!)).toBe('<p>One <em>line</em>. <span class="bs-article__credit">(New Society)</span></p>\n');
    writeFileSync(file, articleText(valid, "Edited."));
    expect(() => readArticleBody(context.markdown, article!)).toThrow("articles/x.md changed while the site was being built; build again");
    rmSync(dir, { recursive: true });
  });

  it("marks drafts and articles dated after the build's now", () => {
    expect(makeArticle("a", { draft: true }).status).toBe("draft");
    expect(makeArticle("b", { date: "2030-01-01" }).status).toBe("embargoed");
    expect(makeArticle("c").status).toBe("published");
  });
});

describe("the article contract", () => {
  it("names the file and field of each missing required field", () => {
    expect(problemsOf({})).toEqual([
      "articles/2025/03/x.md: title: required: a headline",
      "articles/2025/03/x.md: date: required: the publication time as ISO 8601, e.g. 2025-02-19T09:30:00+08:00",
      "articles/2025/03/x.md: section: required: one of: china, world, economy, sci-tech, culture, society",
    ]);
  });

  it("lists the allowed sections for an unknown one", () => {
    expect(problemsOf({ ...valid, section: "sport" })).toEqual([
      'articles/2025/03/x.md: section: unknown section "sport"; expected one of: china, world, economy, sci-tech, culture, society',
    ]);
  });

  it("rejects an unparseable date, tags that are not a list, an image without alt and a bad slug", () => {
    const problems = problemsOf({ ...valid, date: "March 1st", tags: "climate", image: { src: "a.jpg" }, slug: "Not OK" });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^articles\/2025\/03\/x\.md: date: "March 1st" is not an ISO 8601 date/);
    expect(problems[1]).toMatch(/: tags: must be a list of strings/);
    expect(problems[2]).toMatch(/: image\.alt: required/);
    expect(problems[3]).toMatch(/: slug: must be lowercase letters/);
  });

  it("rejects an update before publication", () => {
    expect(problemsOf({ ...valid, updated: "2025-02-01" })).toEqual(["articles/2025/03/x.md: updated: must not be before date"]);
  });

  it("warns about unknown fields such as a misspelt responsibleEditor, without failing", () => {
    const { article, problems } = parseArticle("articles/x.md", articleText({ ...valid, responsibleEdtior: "Zhou" }), context);
    expect(article).toBeDefined();
    expect(problems).toEqual([
      { file: "articles/x.md", field: "responsibleEdtior", reason: "unknown field (ignored); check its spelling", severity: "warning" },
    ]);
  });

  it("reports broken YAML as a front-matter problem", () => {
    const { problems } = parseArticle("articles/x.md", "---\ntitle: [unclosed\n---\nBody", context);
    expect(problems[0]?.field).toBe("front matter");
    expect(problems[0]?.reason).toMatch(/^not valid YAML/);
  });
});

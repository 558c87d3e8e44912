import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticle, readArticleBody, renderArticleBody } from "../../src/content/parse-article.ts";
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

  it("keeps a Chinese file name as the slug, so two in one month have URLs of their own", () => {
    const first = makeArticle("2025/05/数字中国");
    const second = makeArticle("2025/05/港城夜渡");
    expect([first.slug, second.slug]).toEqual(["数字中国", "港城夜渡"]);
    expect([first.url, second.url]).toEqual(["/china/2025/05/数字中国/", "/china/2025/05/港城夜渡/"]);
  });

  it("takes a slug field in any script, lowercase and in words, and says what a bad one would be", () => {
    expect(makeArticle("x", { slug: "数字中国-2025" }).url).toBe("/china/2025/05/数字中国-2025/");
    expect(makeArticle("x", { slug: "москва" }).url).toBe("/china/2025/05/москва/");
    expect(problemsOf({ ...valid, slug: "数字 中国" })).toEqual([
      'articles/2025/03/x.md: slug: must be lowercase letters and digits of any script (Latin without accents) joined by single hyphens, e.g. night-ferry or 数字中国; "数字 中国" would be "数字-中国"',
    ]);
    expect(problemsOf({ ...valid, slug: "Café" })[0]).toMatch(/"Café" would be "cafe"$/);
    expect(problemsOf({ ...valid, slug: "人".repeat(85) })).toEqual([]); // 255 bytes
    expect(problemsOf({ ...valid, slug: "人".repeat(86) })[0]).toMatch(/slug: is 258 bytes long, more than the 255/);
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

describe("hostile input", () => {
  const lines = (text: string, displayPath = "articles/2025/03/x.md") => parseArticle(displayPath, text, context).problems.map(formatProblem);

  it("names each string with a control character, lone surrogate or noncharacter, wherever it is in the fields", () => {
    expect(
      problemsOf({
        ...valid,
        title: "Bell\u0007",
        tags: ["a", "b", "c\u0001"],
        summary: "half \uD800",
        image: { src: "x.jpg", alt: "fine", caption: "\uFFFE" },
        unknownField: { nested: ["\u0085"] },
      }),
    ).toEqual([
      "articles/2025/03/x.md: title: contains the control character U+0007; delete it",
      "articles/2025/03/x.md: tags.2: contains the control character U+0001; delete it",
      'articles/2025/03/x.md: summary: contains a lone surrogate U+D800 (half of a character, e.g. from a "\\uD800" escape); delete it',
      "articles/2025/03/x.md: image.caption: contains the noncharacter U+FFFE; delete it",
      "articles/2025/03/x.md: unknownField.nested.0: contains the control character U+0085; delete it",
      "articles/2025/03/x.md: unknownField: unknown field (ignored); check its spelling",
    ]);
  });

  it("names a field name with such a character, and escapes it in the line", () => {
    expect(lines('---\ntitle: A\ndate: 2025-03-01\nsection: china\n"tit\\x01le": B\n---\n')).toEqual([
      "articles/2025/03/x.md: tit\\u{1}le: the field's name contains the control character U+0001; delete it",
    ]);
  });

  it("names the body and the file's line of a character in the Markdown, raw or a lone surrogate", () => {
    expect(lines("---\ntitle: A\ndate: 2025-03-01\nsection: china\n---\n\nOne.\n\nTwo \u0000 three.\n")).toEqual([
      "articles/2025/03/x.md: body: line 9 contains the control character U+0000; delete it",
    ]);
    expect(lines("---\r\ntitle: A\r\ndate: 2025-03-01\r\nsection: china\r\n---\r\nHalf \uDC00 and \u001B[31m\r\n")).toEqual([
      "articles/2025/03/x.md: body: line 6 contains a lone surrogate U+DC00 (half of a character, e.g. from a \"\\uDC00\" escape) (and 1 more such character); delete it",
    ]);
  });

  it("names the line of a raw control character in the front matter, which YAML only calls non-printable", () => {
    expect(lines("---\ntitle: A\ndate: 2025-03-01\nsection: ch\u0002ina\n---\nBody\n")).toEqual([
      "articles/2025/03/x.md: front matter: line 4 contains the control character U+0002; delete it",
    ]);
  });

  it("names the front matter and the body at once", () => {
    expect(lines('---\ntitle: "\\x7F"\ndate: 2025-03-01\nsection: china\n---\nBody \u0001\n')).toEqual([
      "articles/2025/03/x.md: body: line 6 contains the control character U+0001; delete it",
      "articles/2025/03/x.md: title: contains the control character U+007F; delete it",
    ]);
  });

  it("counts the strings past the tenth instead of naming each", () => {
    const problems = problemsOf({ ...valid, tags: Array.from({ length: 25 }, (_, index) => `t${index}\u0001`) });
    expect(problems).toHaveLength(11);
    expect(problems[10]).toBe("articles/2025/03/x.md: front matter: 15 more values contain such characters (the control character U+0001, …); delete them");
  });

  it("refuses an unclosed front matter block, with or without a body", () => {
    const message = "articles/2025/03/x.md: front matter: opened at line 1 is never closed (add a line with --- after the fields)";
    expect(lines("---\ntitle: A\ndate: 2025-03-01\nsection: china\n")).toEqual([message]);
    expect(lines("---\ntitle: A\ndate: 2025-03-01\nsection: china\n\nThe body.\n")).toEqual([message]);
  });

  it("refuses a tag or slug too long for a folder name, in Latin and in Chinese, never crashing", () => {
    expect(problemsOf({ ...valid, tags: ["ok", "x".repeat(500)] })).toEqual([
      `articles/2025/03/x.md: tags.1: "${"x".repeat(60)}…" (500 characters) makes a tag page URL segment of 500 bytes; at most 245 fit a folder name on disk (255, less room for a -2 suffix; a Chinese character takes 3); shorten the tag`,
    ]);
    expect(problemsOf({ ...valid, tags: ["人".repeat(81)] })).toEqual([]);
    expect(problemsOf({ ...valid, tags: ["人".repeat(82)] })[0]).toMatch(/: tags\.0: .* makes a tag page URL segment of 246 bytes/);
    expect(problemsOf({ ...valid, slug: "a".repeat(255) })).toEqual([]);
    expect(problemsOf({ ...valid, slug: "a".repeat(256) })).toEqual([
      "articles/2025/03/x.md: slug: is 256 bytes long, more than the 255 a URL segment (a folder name on disk) allows (a Chinese character takes 3); give a shorter slug",
    ]);
  });

  it("refuses a file name whose slug is too long, and says to give a shorter slug", () => {
    const name = `${"a&".repeat(60)}.md`; // 123 bytes on disk; & becomes "and"
    expect(lines(articleText(valid), `articles/2025/03/${name}`)).toEqual([
      `articles/2025/03/${name}: slug: the file name makes the slug "${"a-and-".repeat(10)}…" (359 characters), more than the 255 bytes a URL segment (a folder name on disk) allows; give a shorter slug: in the front matter, or rename the file`,
    ]);
    expect(parseArticle(`articles/2025/03/${name}`, articleText({ ...valid, slug: "short" }), context).article?.slug).toBe("short");
  });

  it("keeps each report line short when a value is 5 MB", () => {
    const huge = "9".repeat(5_000_000);
    const problems = problemsOf({ ...valid, date: huge, section: huge, lang: huge, image: { src: `https://${huge}`, alt: "a" } });
    expect(problems.length).toBeGreaterThanOrEqual(3);
    for (const line of problems) expect(line.length, line.slice(0, 300)).toBeLessThan(300);
    expect(problems[0]).toBe(`articles/2025/03/x.md: date: "${"9".repeat(60)}…" (5,000,000 characters) is not an ISO 8601 date (e.g. 2025-02-19T09:30:00+08:00 or 2025-02-19)`);
    const key = problemsOf({ ...valid, [huge]: 1 });
    expect(key).toEqual([`articles/2025/03/x.md: ${"9".repeat(60)}…: unknown field (ignored); check its spelling`]);
    const translation = parseArticle("articles/x.md", articleText({ ...valid, image: { src: `https://${huge}`, alt: "a" } }), context).problems[0]!;
    expect(formatProblem(translation).length).toBeLessThan(300);
  });

  it("does not let __proto__ or constructor keys reach any object's prototype", () => {
    const text = '---\ntitle: A\ndate: 2025-03-01\nsection: china\n__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n---\nBody\n';
    const { article, problems } = parseArticle("articles/x.md", text, context);
    expect(article).toBeDefined();
    expect(problems.map((problem) => problem.field)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});


describe("one rule for the whole file", () => {
  it("refuses such a character even in a YAML comment, where it reaches no page", () => {
    const text = "---\ntitle: A\ndate: 2025-03-01\nsection: china\n# a note \u0085 here\n---\nBody\n";
    expect(parseArticle("articles/x.md", text, context).problems.map(formatProblem)).toEqual([
      "articles/x.md: front matter: line 5 contains the control character U+0085; delete it",
    ]);
  });
});

import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadArticles } from "../../src/content/load-articles.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { context } from "../helpers/articles.ts";
import { projectRoot } from "../helpers/site.ts";

// One fixture folder per mistake under tests/fixtures/invalid/; each must be named by file and field.
const invalid = path.join(projectRoot, "tests/fixtures/invalid");
const problemsIn = async (folder: string) =>
  (await loadArticles(path.join(invalid, folder), context, projectRoot)).problems.map(formatProblem);
const file = (folder: string, name = "article.md") => `tests/fixtures/invalid/${folder}/${name}`;

describe("each kind of bad input is named by file and field", () => {
  it.each([
    ["missing-title", "title: required: a headline"],
    ["missing-date", "date: required: the publication time as ISO 8601, e.g. 2025-02-19T09:30:00+08:00"],
    ["unknown-section", 'section: unknown section "sport"; expected one of: china, world, economy, sci-tech, culture, society'],
    ["unknown-author", 'authors.1: unknown author "wang-fang"; expected one of: li-wei, chen-yu, amara-okafor, zhou-lan, marta-lind'],
    ["bad-date", 'date: "1st of March 2025" is not an ISO 8601 date (e.g. 2025-02-19T09:30:00+08:00 or 2025-02-19)'],
    ["impossible-date", 'date: "2025-02-30T09:00:00+08:00" is not an ISO 8601 date (e.g. 2025-02-19T09:30:00+08:00 or 2025-02-19)'],
    ["image-without-alt", "image.alt: required: alternative text describing the image"],
    ["tags-not-a-list", "tags: must be a list of strings, e.g. [climate, 5G]"],
    ["updated-before-date", "updated: must not be before date"],
    ["bad-slug", 'slug: must be lowercase letters and digits of any script (Latin without accents) joined by single hyphens, e.g. night-ferry or 数字中国; "Not A Slug" would be "not-a-slug"'],
    ["draft-not-boolean", "draft: must be true or false"],
    ["control-character", "tags.2: contains the control character U+0001; delete it"],
    ["lone-surrogate", 'title: contains a lone surrogate U+D800 (half of a character, e.g. from a "\\uD800" escape); delete it'],
    ["body-control-character", "body: line 9 contains the control character U+0007; delete it"],
    ["not-utf8", "file: not UTF-8 text (invalid byte 0xE9 at byte 82, line 6); save the file as UTF-8"],
    [
      "bad-offset",
      'date: "2025-03-01T09:00:00+24:00" has the offset +24:00, which no time zone has: offsets run from -12:00 to +14:00 with minutes 00-59 (e.g. +08:00, or Z for UTC)',
    ],
    ["unclosed-front-matter", "front matter: opened at line 1 is never closed (add a line with --- after the fields)"],
    ["slug-too-long", "slug: is 263 bytes long, more than the 255 a URL segment (a folder name on disk) allows (a Chinese character takes 3); give a shorter slug"],
    // The story body: each photo a file beside the article with alt text, each embed from an allowed host.
    ["body-image-missing", 'body: line 8: no image file "cranes.jpg" next to the article'],
    [
      "body-image-without-alt",
      'body: line 10: the image "../../../../_data/brand/social.png" has no alt text: describe it in the brackets, ![what it shows](../../../../_data/brand/social.png), or write ![-](../../../../_data/brand/social.png) for an ornament readers may skip',
    ],
    ["body-image-remote", 'body: line 8: "https://images.example.com/cranes.jpg" is a URL; put the image file next to the article and give its relative path'],
    ["body-image-not-image", 'body: line 8: "notes.txt" must be a JPEG, PNG, WebP, AVIF, GIF or TIFF image'],
    ["embed-host-not-allowed", "body: line 8: embed: videos.example.net is not a host embeds may come from (YouTube, Vimeo, Bilibili); link to it instead"],
    ["embed-without-title", "body: line 8: an embed has no title: write what it shows on the line after `::: embed …`, for the link and the frame's title"],
    ["gallery-with-text", "body: line 11: a gallery (line 8) holds photos only, one a line; end it with `:::` before other text"],
    ["embed-never-closed", "body: line 8: `::: embed` is never closed: end it with a line `:::`"],
  ])("%s", async (folder, expected) => {
    expect(await problemsIn(folder)).toEqual([`${file(folder)}: ${expected}`]);
  });

  it("broken-yaml", async () => {
    const [problem, ...rest] = await problemsIn("broken-yaml");
    expect(rest).toEqual([]);
    expect(problem).toMatch(new RegExp(`^${file("broken-yaml")}: front matter: not valid YAML: `));
  });

  it("tag-too-long: a Chinese tag passes the folder-name limit at 82 characters", async () => {
    const [problem, ...rest] = await problemsIn("tag-too-long");
    expect(rest).toEqual([]);
    expect(problem).toMatch(new RegExp(`^${file("tag-too-long")}: tags\\.0: "港口城市夜间渡轮.{52}…" \\(88 characters\\) makes a tag page URL segment of 264 bytes; at most 245 fit`));
  });

  it("duplicate-url names both files", async () => {
    expect(await problemsIn("duplicate-url")).toEqual([
      `${file("duplicate-url", "second/same-story.md")}: slug: same URL /china/2025/03/same-story/ as ${file("duplicate-url", "first/same-story.md")}; give one of them another slug`,
    ]);
  });

  it.each([
    ["alias-not-a-path", 'aliases.0: "https://example.org/china/2025/02/old-ferry/" is a web address; give its site path alone, e.g. /china/2025/02/old-ferry/'],
    ["alias-reserved", 'aliases.0: "/tags/ferries/" is under /tags/, a folder the site writes itself (/tags/, /page/, /search/, /404.html, /authors/, /archive/, /assets/, /img/, /pagefind/); an alias is a story\'s old URL'],
  ])("%s", async (folder, expected) => {
    expect(await problemsIn(folder)).toEqual([`${file(folder)}: ${expected}`]);
  });

  it("alias-taken: an alias that is another story's URL names both files", async () => {
    expect(await problemsIn("alias-taken")).toEqual([
      `${file("alias-taken", "other.md")}: aliases.0: /china/2025/03/alias-taken-story/ is the URL of ${file("alias-taken", "story.md")}; an alias is an old URL no story has now`,
    ]);
  });

  it("alias-shared: one old URL listed by two stories names both files", async () => {
    expect(await problemsIn("alias-shared")).toEqual([
      `${file("alias-shared", "second.md")}: aliases.0: /china/2025/01/harbour-plan/ is already an alias of ${file("alias-shared", "first.md")}; an old URL can send readers to one story only`,
    ]);
  });

  it("a misspelt field is a warning and the article still loads", async () => {
    const { articles, problems } = await loadArticles(path.join(projectRoot, "tests/fixtures/warnings"), context, projectRoot);
    expect(articles).toHaveLength(1);
    expect(problems.map((problem) => [problem.severity, formatProblem(problem)])).toEqual([
      ["warning", "tests/fixtures/warnings/misspelt-field.md: responsibleEdtior: unknown field (ignored); check its spelling"],
    ]);
  });
});

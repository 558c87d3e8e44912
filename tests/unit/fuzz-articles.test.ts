import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadArticles } from "../../src/content/load-articles.ts";
import type { ParsedArticle } from "../../src/content/article-model.ts";
import { decodeUtf8, escapeInvisible, findForbiddenCharacter, hasForbiddenCharacter } from "../../src/content/clean-text.ts";
import { formatProblem, type Problem } from "../../src/content/problems.ts";
import { generateArticleCases, type ArticleCase } from "../fuzz/article-cases.ts";
import { context } from "../helpers/articles.ts";
import { buildSite, projectRoot } from "../helpers/site.ts";

const SEED = 20261130;
const TOTAL = 1200;

/** What the contract makes of a case whatever its generator said: bytes that are not UTF-8, or a forbidden character anywhere (file name included), must be refused. */
function mustBeRejected(fuzzCase: ArticleCase): boolean {
  if (fuzzCase.verdict === "reject") return true;
  const decoded = decodeUtf8(fuzzCase.bytes);
  return !("text" in decoded) || hasForbiddenCharacter(decoded.text) || hasForbiddenCharacter(fuzzCase.file);
}

/** Every string reachable from a value (each object once, over all calls that share `seen`), with its path: what an accepted article carries. */
function stringsIn(value: unknown, seen = new Set<object>()): Array<{ path: string; text: string }> {
  const found: Array<{ path: string; text: string }> = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: "" }];
  while (stack.length > 0) {
    const { value: item, path: at } = stack.pop()!;
    if (typeof item === "string") found.push({ path: at, text: item });
    else if (item && typeof item === "object" && !seen.has(item)) {
      seen.add(item);
      for (const [key, child] of Object.entries(item)) {
        found.push({ path: `${at}.${key}[key]`, text: key });
        stack.push({ value: child, path: `${at}.${key}` });
      }
    }
  }
  return found;
}

describe("the article contract under 1,200 seeded malformed articles", () => {
  let dir: string;
  let cases: ArticleCase[];
  let articles: ParsedArticle[];
  let problems: Problem[];
  let loadError: unknown;
  let seconds: number;
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  const byFile = new Map<string, { article?: ParsedArticle; errors: Problem[]; warnings: Problem[] }>();

  beforeAll(async () => {
    cases = generateArticleCases({ seed: SEED, total: TOTAL });
    dir = mkdtempSync(path.join(tmpdir(), "broadsheet-fuzz-"));
    for (const fuzzCase of cases) {
      mkdirSync(path.dirname(path.join(dir, fuzzCase.file)), { recursive: true });
      writeFileSync(path.join(dir, fuzzCase.file), fuzzCase.bytes);
      byFile.set(fuzzCase.file, { errors: [], warnings: [] });
    }
    const started = performance.now();
    try {
      ({ articles, problems } = await loadArticles(dir, context, dir));
    } catch (error) {
      loadError = error;
    }
    seconds = (performance.now() - started) / 1000;
    for (const article of articles ?? []) byFile.get(article.sourcePath)!.article = article;
    for (const problem of problems ?? []) {
      const entry = byFile.get(problem.file);
      if (entry) (problem.severity === "error" ? entry.errors : entry.warnings).push(problem);
    }
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("generates the same cases from the same seed", () => {
    const again = generateArticleCases({ seed: SEED, total: TOTAL });
    expect(again.map((fuzzCase) => [fuzzCase.file, Buffer.from(fuzzCase.bytes).toString("base64")])).toEqual(
      cases.map((fuzzCase) => [fuzzCase.file, Buffer.from(fuzzCase.bytes).toString("base64")]),
    );
    expect(cases.length).toBeGreaterThanOrEqual(1000);
  });

  it("lets no exception escape, and reads them in a few seconds", () => {
    expect(loadError).toBeUndefined();
    expect(seconds).toBeLessThan(10);
  });

  it("reports every problem as file: field: reason, short, on a file it names, never as an internal failure", () => {
    for (const problem of problems) {
      const line = formatProblem(problem);
      expect(byFile.has(problem.file), line.slice(0, 200)).toBe(true);
      expect(problem.field.length, line.slice(0, 200)).toBeGreaterThan(0);
      expect(problem.reason.length, line.slice(0, 200)).toBeGreaterThan(0);
      expect(problem.reason.length, line.slice(0, 400)).toBeLessThan(300);
      expect(line.startsWith(`${escapeInvisible(problem.file)}: ${problem.field}: `), line.slice(0, 200)).toBe(true);
      expect(line).not.toContain("could not be read as an article");
      expect(findForbiddenCharacter(line), line.slice(0, 200)).toBeUndefined();
    }
  });

  it("accepts each file as an article or reports at least one error on it, and accepts none the contract calls invalid", () => {
    for (const fuzzCase of cases) {
      const { article, errors } = byFile.get(fuzzCase.file)!;
      const what = `${fuzzCase.file} (${fuzzCase.note.slice(0, 120)})`;
      expect(article !== undefined || errors.length > 0, `${what} was neither accepted nor reported`).toBe(true);
      if (mustBeRejected(fuzzCase)) expect(errors.map(formatProblem), `${what} must be rejected`).not.toEqual([]);
      if (fuzzCase.verdict === "accept") expect(errors.map(formatProblem), `${what} must be accepted`).toEqual([]);
      if (fuzzCase.verdict === "accept") expect(article, `${what} must be accepted`).toBeDefined();
    }
  });

  it("lets no forbidden character into any string an accepted article carries", () => {
    const seen = new Set<object>(); // the edition and settings articles share are walked once
    const leaks: string[] = [];
    let strings = 0;
    for (const article of articles) {
      for (const { path: at, text } of stringsIn(article, seen)) {
        strings++;
        const found = findForbiddenCharacter(text);
        if (found) leaks.push(`${article.sourcePath}${at}: U+${found.codePoint.toString(16)}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(strings).toBeGreaterThan(articles.length * 10);
  });

  it("pollutes no prototype", () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  });

  it("prints its figures", () => {
    const rows = new Map<string, { generated: number; accepted: number; rejected: number; mustReject: number }>();
    for (const fuzzCase of cases) {
      const row = rows.get(fuzzCase.category) ?? { generated: 0, accepted: 0, rejected: 0, mustReject: 0 };
      const { errors } = byFile.get(fuzzCase.file)!;
      row.generated++;
      if (errors.length > 0) row.rejected++;
      else row.accepted++;
      if (mustBeRejected(fuzzCase)) row.mustReject++;
      rows.set(fuzzCase.category, row);
    }
    const total = [...rows.values()].reduce((sum, row) => ({
      generated: sum.generated + row.generated,
      accepted: sum.accepted + row.accepted,
      rejected: sum.rejected + row.rejected,
      mustReject: sum.mustReject + row.mustReject,
    }));
    const table = [...rows].map(([category, row]) => `  ${category.padEnd(17)} ${String(row.generated).padStart(5)} ${String(row.accepted).padStart(9)} ${String(row.rejected).padStart(9)} ${String(row.mustReject).padStart(12)}`);
    console.log(
      [
        `fuzz (seed ${SEED}): ${cases.length} files, ${(cases.reduce((sum, fuzzCase) => sum + fuzzCase.bytes.length, 0) / 1e6).toFixed(1)} MB, read in ${seconds.toFixed(2)} s; ${problems.length} problems (${problems.filter((problem) => problem.severity === "warning").length} warnings)`,
        `  ${"category".padEnd(17)} ${"files".padStart(5)} ${"accepted".padStart(9)} ${"rejected".padStart(9)} ${"must reject".padStart(12)}`,
        ...table,
        `  ${"all".padEnd(17)} ${String(total.generated).padStart(5)} ${String(total.accepted).padStart(9)} ${String(total.rejected).padStart(9)} ${String(total.mustReject).padStart(12)}`,
      ].join("\n"),
    );
    expect(total.generated).toBe(cases.length);
  });
});

describe("a site built from odd but valid fuzz articles", () => {
  const forbiddenIn = (file: string, bytes: Buffer) => {
    const decoded = decodeUtf8(bytes);
    if (!("text" in decoded)) return `${file}: not UTF-8`;
    const found = findForbiddenCharacter(decoded.text);
    return found ? `${file}: U+${found.codePoint.toString(16)} on line ${found.line}` : undefined;
  };

  it("writes well-formed XML, parseable JSON and no forbidden character in any file", async () => {
    // Eight odd ones, and those saved with a BOM, CRLF, a CR in a title, an escaped pair: the
    // body is read again from the file when its page is written, and must hash the same.
    const odd = generateArticleCases({ seed: SEED, total: TOTAL })
      .filter((fuzzCase) => fuzzCase.category === "odd-valid")
      .filter((fuzzCase, index) => index < 8 || fuzzCase.note !== "odd but valid text");
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "broadsheet-fuzz-site-")), "articles");
    mkdirSync(path.join(dir, "2025"), { recursive: true });
    for (const fuzzCase of odd) writeFileSync(path.join(dir, "2025", path.basename(fuzzCase.file)), fuzzCase.bytes);
    // One with an image whose text is odd too.
    copyFileSync(path.join(projectRoot, "tests/fixtures/newsroom/2025/04/clinic-queue.jpg"), path.join(dir, "2025/photo.jpg"));
    writeFileSync(
      path.join(dir, "2025/with-image.md"),
      `---\ntitle: "Image <b>&amp;</b> \\"quotes\\" 🦀"\ndate: 2025-06-01T09:00:00+08:00\nsection: culture\ntags: ["<i>", "人工智能", "C++"]\nimage: { src: photo.jpg, alt: "Alt <with> & \\"quotes\\"", caption: "Caption\\twith tab 🦀", credit: "]]> credit" }\n---\n\nBody & <body>.\n`,
    );
    const built = await buildSite({ BROADSHEET_ARTICLES: dir, SOURCE_DATE_EPOCH: "1767225600" });
    expect(built.exitCode, built.stderr).toBe(0);
    const files = readdirSync(built.output, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const failures: string[] = [];
    let xml = 0;
    let json = 0;
    let checked = 0;
    for (const entry of files) {
      const file = path.join(entry.parentPath, entry.name);
      const shown = path.relative(built.output, file);
      const bytes = readFileSync(file);
      if (/\.(html|xml|json|txt|css|js|webmanifest)$/.test(entry.name)) {
        checked++;
        const problem = forbiddenIn(shown, bytes);
        if (problem) failures.push(problem);
      } else if (entry.name.endsWith(".pf_fragment")) {
        // Pagefind's result fragments are gzipped JSON: the text a search result shows.
        checked++;
        const problem = forbiddenIn(shown, gunzipSync(bytes));
        if (problem) failures.push(problem);
      }
      if (entry.name.endsWith(".xml")) {
        xml++;
        const valid = XMLValidator.validate(bytes.toString("utf8"));
        if (valid !== true) failures.push(`${shown}: ${JSON.stringify(valid.err)}`);
      }
      if (entry.name.endsWith(".json")) {
        json++;
        try {
          JSON.parse(bytes.toString("utf8"));
        } catch (error) {
          failures.push(`${shown}: ${(error as Error).message}`);
        }
      }
    }
    console.log(`fuzz site: ${odd.length + 1} articles, ${files.length} files, ${checked} text files checked, ${xml} XML and ${json} JSON files parsed`);
    expect(failures).toEqual([]);
    expect(xml).toBeGreaterThan(3);
    expect(json).toBeGreaterThan(1);
    rmSync(path.dirname(dir), { recursive: true, force: true });
    rmSync(built.output, { recursive: true, force: true });
    rmSync(`${built.output}.cache`, { recursive: true, force: true });
  }, 120_000);
});

import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import * as cheerio from "cheerio";

const run = promisify(execFile);
export const projectRoot = path.resolve(import.meta.dirname, "../..");
export const fixtureArticles = path.join(projectRoot, "tests/fixtures/newsroom");
/** Stories whose bodies use every addition to Markdown: photos, a gallery, embeds, a table, footnotes, boxes. */
export const storyBodyArticles = path.join(projectRoot, "tests/fixtures/story-body");
/** 2025-06-01T00:00:00Z: the fixture's "now", after every fixture article but the embargoed one. */
export const FIXTURE_EPOCH = "1748736000";

export interface BuildResult {
  output: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Runs the real `npm run build` (src/cli/build.mjs) into `output` with the given environment, in
 * the project folder `cwd` (this project, or a copy of it with its own `_data/`).
 */
export async function buildSite(env: Record<string, string>, output?: string, cwd: string = projectRoot): Promise<BuildResult> {
  const target = output ?? path.join(await mkdtemp(path.join(os.tmpdir(), "broadsheet-")), "site");
  const baseEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ["SITE_URL", "PATH_PREFIX", "SOURCE_DATE_EPOCH", "BUILD_DRAFTS", "BROADSHEET_ARTICLES", "BROADSHEET_CACHE"]) delete baseEnv[key];
  // Each build its own cache, so builds running side by side never share half-written files.
  baseEnv.BROADSHEET_CACHE = `${target}.cache`;
  try {
    const { stdout, stderr } = await run(process.execPath, ["src/cli/build.mjs", "--output", target], {
      cwd,
      env: { ...baseEnv, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { output: target, stdout, stderr, exitCode: 0 };
  } catch (error) {
    const failure = error as { stdout: string; stderr: string; code: number };
    return { output: target, stdout: failure.stdout, stderr: failure.stderr, exitCode: failure.code ?? 1 };
  }
}

/**
 * The article pages of a built site: the pages holding an article, not the lists, archive days or
 * an old URL's redirect page that share its URL's shape.
 */
export async function listArticlePages(output: string): Promise<string[]> {
  const pages: string[] = [];
  for (const page of await listPages(output)) if ((await readFile(path.join(output, page), "utf8")).includes('<article class="bs-article">')) pages.push(page);
  return pages;
}

/** Every `.html` file under a built site, as paths relative to it (`china/index.html`). */
export async function listPages(output: string): Promise<string[]> {
  const entries = await readdir(output, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(output, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Reads a built page by its URL path (`/china/` or `/404.html`) and parses it. */
export async function loadPage(output: string, urlPath: string): Promise<cheerio.CheerioAPI> {
  return cheerio.load(await readFile(pageFile(output, urlPath), "utf8"));
}

/** The file a URL path is served from. */
export function pageFile(output: string, urlPath: string): string {
  const decoded = decodeURI(urlPath.split(/[?#]/)[0]!);
  return path.join(output, decoded.endsWith("/") ? `${decoded}index.html` : decoded);
}

export interface BrokenLink {
  page: string;
  href: string;
}

/**
 * Every internal link, stylesheet, script and image on every page must resolve to a built file
 * (under `pathPrefix`), and every `#fragment` to an element on its target page.
 */
export async function findBrokenLinks(output: string, pathPrefix = "/"): Promise<BrokenLink[]> {
  const broken: BrokenLink[] = [];
  const idsByFile = new Map<string, Set<string>>();
  const idsOf = async (file: string) => {
    if (!idsByFile.has(file)) {
      const $ = cheerio.load(await readFile(file, "utf8"));
      idsByFile.set(file, new Set($("[id]").map((_, element) => $(element).attr("id")!).get()));
    }
    return idsByFile.get(file)!;
  };
  for (const page of await listPages(output)) {
    const pageFilePath = path.join(output, page);
    const $ = cheerio.load(await readFile(pageFilePath, "utf8"));
    const refs = $("a[href], link[href], script[src], img[src], source[srcset], form[action]")
      .map((_, element) => $(element).attr("href") ?? $(element).attr("src") ?? $(element).attr("action") ?? $(element).attr("srcset")!.split(/\s/)[0])
      .get();
    for (const href of refs) {
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue; // external, mailto:
      let target = pageFilePath;
      if (!href.startsWith("#")) {
        if (!href.startsWith(pathPrefix)) {
          broken.push({ page, href });
          continue;
        }
        target = pageFile(output, `/${href.slice(pathPrefix.length)}`);
        if (!existsSync(target)) {
          broken.push({ page, href });
          continue;
        }
      }
      const fragment = href.split("#")[1];
      if (fragment && target.endsWith(".html") && !(await idsOf(target)).has(decodeURIComponent(fragment))) {
        broken.push({ page, href });
      }
    }
  }
  return broken;
}

import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { copyFile, link, mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Environment } from "nunjucks";
import type { EleventyConfig } from "@11ty/eleventy";
import type { Article } from "../content/articles.ts";
import type { Newsroom } from "../collections/newsroom.ts";
import type { NewsroomSource } from "../content/newsroom-plugin.ts";
import { readSettings } from "../config/site-settings.ts";
import { contentSecurityPolicy } from "../security/content-security-policy.ts";

/**
 * Article pages are written here rather than by an Eleventy pagination template: Eleventy keeps
 * every page it renders in memory until the build ends and re-renders every page on every
 * build. This writer renders each article with Eleventy's own Nunjucks environment (the same
 * filters, options and templates: `_includes/pages/article.njk` in `layouts/base.njk`), streams
 * it to disk, and keeps each page in `{cacheDir}/pages/` under the hash of everything it shows,
 * so a rebuild copies the pages whose article, neighbours, related list and templates did not
 * change instead of rendering them again.
 */

/** Changes to this file's rendering logic must change this, so cached pages are not reused. */
const RENDERER_VERSION = "1";

/** Hash of every template, partial and layout, so a template edit re-renders every page. */
function templatesHash(includesDir: string): string {
  const hash = createHash("sha256").update(RENDERER_VERSION);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(entry.name).update(readFileSync(file));
    }
  };
  walk(includesDir);
  return hash.digest("hex");
}

/** What an article page shows besides the article: its edition and the others' names. */
function pageContext(article: Article, newsroom: Newsroom, site: unknown, csp: unknown) {
  return { site, csp, newsroom, article, page: { url: article.url } };
}

/** The hash of a page's inputs: the article (with its related list and neighbours), the editions' names and settings. */
function pageKey(base: string, article: Article, newsroom: Newsroom): string {
  const editions = newsroom.editions.map((edition) => [edition.edition.lang, edition.edition.prefix, edition.edition.name]);
  return createHash("sha256").update(base).update(JSON.stringify(article)).update(JSON.stringify(editions)).digest("hex").slice(0, 32);
}

export interface ArticlePagesResult {
  written: number;
  reused: number;
}

/** Renders (or copies from the cache) every article page of the newsroom into `outputDir`. */
export async function writeArticlePages(
  environment: Environment,
  newsroom: Newsroom,
  outputDir: string,
  cacheDir: string,
  settingsKey: string,
): Promise<ArticlePagesResult> {
  const { site } = readSettings();
  const csp = { page: contentSecurityPolicy("page"), search: contentSecurityPolicy("search") };
  const base = `${templatesHash(path.resolve("_includes"))}:${settingsKey}:${JSON.stringify(site)}`;
  const cache = path.join(cacheDir, "pages");
  await mkdir(cache, { recursive: true });
  let written = 0;
  let reused = 0;
  for (const article of newsroom.articles) {
    const target = path.join(outputDir, decodeURI(article.url), "index.html");
    await mkdir(path.dirname(target), { recursive: true });
    const cached = path.join(cache, `${pageKey(base, article, newsroom)}.html`);
    if (existsSync(cached)) {
      reused++;
    } else {
      const context = pageContext(article, newsroom, site, csp);
      const content = environment.render("pages/article.njk", context);
      const html = environment.render("layouts/base.njk", { ...context, content });
      const temporary = `${cached}.${process.pid}`;
      await writeFile(temporary, html);
      await rename(temporary, cached);
      written++;
    }
    // A hard link costs no copy; across file systems, copy.
    await link(cached, target).catch(() => copyFile(cached, target));
  }
  return { written, reused };
}

/**
 * Writes the article pages after Eleventy has written the rest (its Nunjucks environment,
 * with every filter, exists by then).
 */
export function articlePagesPlugin(eleventyConfig: EleventyConfig, options: { source: NewsroomSource; cacheDir: string; settingsKey: string }): void {
  let environment: Environment | undefined;
  eleventyConfig.on("eleventy.engine.njk", ({ environment: created }: { environment: Environment }) => {
    environment = created;
  });
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    if (!environment) throw new Error("Eleventy's Nunjucks environment was not created");
    const { newsroom } = await options.source.load();
    const started = performance.now();
    const result = await writeArticlePages(environment, newsroom, directories.output, options.cacheDir, options.settingsKey);
    console.log(`[broadsheet] ${newsroom.articles.length} article pages: ${result.written} rendered, ${result.reused} reused from the cache, ${((performance.now() - started) / 1000).toFixed(2)} s.`);
  });
}

import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Environment } from "nunjucks";
import type { EleventyConfig } from "@11ty/eleventy";
import type { Article } from "../content/articles.ts";
import type { Newsroom } from "../collections/newsroom.ts";
import type { NewsroomSource } from "../content/newsroom-plugin.ts";
import type { SiteSettings } from "../config/site-settings.ts";
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
function pageContext(article: Article, bodyHtml: string, newsroom: Newsroom, site: unknown, csp: unknown) {
  return { site, csp, newsroom, article, bodyHtml, page: { url: article.url } };
}

/**
 * The hash of a page's inputs. An article's own fields all derive from its file (and the
 * settings, templates and editions hashed once in `base`); what other articles contribute
 * (neighbours, related list, tag labels and URLs, translations, status, image) is added.
 */
function pageKey(base: string, article: Article): string {
  const fromOthers = [article.status, article.previous, article.next, article.related, article.tags, article.translations, article.defaultEditionUrl, article.image?.responsive?.fallback.url];
  return createHash("sha256").update(base).update(article.sourceHash).update(article.sourcePath).update(JSON.stringify(fromOthers)).digest("hex").slice(0, 32);
}

export interface ArticlePagesResult {
  written: number;
  reused: number;
}

/** Renders (or copies from the cache) every article page of the newsroom into `outputDir`. */
export async function writeArticlePages(
  environment: Environment,
  newsroom: Newsroom,
  bodyHtml: (article: Article) => string,
  site: SiteSettings,
  outputDir: string,
  cacheDir: string,
  settingsKey: string,
): Promise<ArticlePagesResult> {
  const csp = { page: contentSecurityPolicy("page"), search: contentSecurityPolicy("search") };
  const editions = newsroom.editions.map((edition) => edition.edition);
  const base = `${templatesHash(path.resolve("_includes"))}:${settingsKey}:${JSON.stringify(site)}:${JSON.stringify(editions)}`;
  const cache = path.join(cacheDir, "pages");
  await mkdir(cache, { recursive: true });
  let written = 0;
  let reused = 0;
  const folders = new Set<string>();
  for (const article of newsroom.articles) {
    const target = path.join(outputDir, decodeURI(article.url), "index.html");
    const folder = path.dirname(target);
    // Synchronous calls: ten thousand tiny file operations cost less without a round trip each.
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    const cached = path.join(cache, `${pageKey(base, article)}.html`);
    if (existsSync(cached)) {
      reused++;
    } else {
      const context = pageContext(article, bodyHtml(article), newsroom, site, csp);
      const content = environment.render("pages/article.njk", context);
      const html = environment.render("layouts/base.njk", { ...context, content });
      const temporary = `${cached}.${process.pid}`;
      await writeFile(temporary, html);
      await rename(temporary, cached);
      written++;
    }
    // A hard link costs no copy; across file systems, copy.
    try {
      linkSync(cached, target);
    } catch {
      copyFileSync(cached, target);
    }
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
    const { newsroom, settings, bodyHtml } = await options.source.load();
    const started = performance.now();
    const result = await writeArticlePages(environment, newsroom, bodyHtml, settings.site, directories.output, options.cacheDir, options.settingsKey);
    console.log(`[broadsheet] ${newsroom.articles.length} article pages: ${result.written} rendered, ${result.reused} reused from the cache, ${((performance.now() - started) / 1000).toFixed(2)} s.`);
  });
}

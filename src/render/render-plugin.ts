import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Environment } from "nunjucks";
import type { EleventyConfig } from "@11ty/eleventy";
import type { NewsroomSource } from "../collections/newsroom-plugin.ts";
import type { AnyPageType, Page, SiteModel } from "../pages/page-type.ts";
import { codeHash } from "../cache/code-hash.ts";
import { checkCachedPages, listCachedPages, outputFileOf, pageKey, prunePageCache, writeCachedPages, type CachedPage } from "./page-cache.ts";
import { viewKey } from "./view-key.ts";
import { spareWritten } from "./spare-site.ts";
import { editionData } from "../config/editions.ts";
import { captureGlobalData, eleventyPostProcessing, type EleventyPageData } from "./eleventy-bridge.ts";

/**
 * Writes every page of the registry once Eleventy has written its own files (feeds, sitemaps):
 * each page type's template inside `layouts/base.njk`, with Eleventy's Nunjucks environment
 * (every filter), its global data and its transforms, so a plugin added the Eleventy way
 * reaches every page. Pages are streamed to disk and cached under the hash of their view.
 * Eleventy itself would keep every page in memory until the build ends and render each again
 * on every build.
 */
export function pagesPlugin(eleventyConfig: EleventyConfig, options: { source: NewsroomSource; types: readonly AnyPageType[]; cacheDir: string; settingsKey: string }): void {
  let environment: Environment | undefined;
  // The cached pages are checked in a worker thread while the articles are read (started here,
  // before the build, and again before each watch rebuild); the page writer reads again only
  // those the check did not find intact.
  let checking: Promise<Set<string>> | undefined = checkCachedPages(options.cacheDir);
  eleventyConfig.on("eleventy.beforeWatch", () => {
    checking = checkCachedPages(options.cacheDir);
  });
  eleventyConfig.on("eleventy.engine.njk", ({ environment: created }: { environment: Environment }) => {
    environment = created;
  });
  const globalData = captureGlobalData(eleventyConfig);
  const postProcess = eleventyPostProcessing(eleventyConfig);

  eleventyConfig.on("eleventy.after", async ({ directories, results }: { directories: { output: string }; results?: unknown[] }) => {
    const nunjucks = environment;
    if (!nunjucks) throw new Error("Eleventy's Nunjucks environment was not created");
    const build = await options.source.load();
    const { settings } = build;
    const model: SiteModel = build;
    const globals = globalData();
    // `site` is the checked settings (defaults filled in); `siteEditions` every edition, the default first.
    const shared = { ...globals, site: settings.site, siteEditions: settings.editions };
    const sharedKey = pageKey(codeHash(), options.settingsKey, viewKey(globals), JSON.stringify(settings.site), JSON.stringify(settings.editions.map(editionData)));

    const render = async (type: AnyPageType, page: Page): Promise<string> => {
      const pageData: EleventyPageData = {
        url: page.url,
        inputPath: `./_includes/${type.template}`,
        outputPath: outputFileOf(directories.output, page.url),
        outputFileExtension: "html",
      };
      const data = { ...shared, ...page.view, pageKind: type.kind, headTemplate: type.headTemplate, page: pageData };
      const content = nunjucks.render(type.template, data);
      return postProcess(nunjucks.render("layouts/base.njk", { ...data, content }), pageData);
    };

    // Eleventy's own files (a plugin's templates may write pages too) stay in a spare site.
    spareWritten(directories.output, (results ?? []).flatMap((result) => { const { outputPath } = result as { outputPath?: unknown }; return typeof outputPath === "string" ? [outputPath] : []; }));
    const used = new Set<string>();
    const intact = (await checking) ?? new Set<string>();
    checking = undefined;
    const damaged: string[] = [];
    let total = 0;
    const pagesCache = path.join(options.cacheDir, "pages");
    mkdirSync(pagesCache, { recursive: true });
    const listing = listCachedPages(pagesCache);
    for (const type of options.types) {
      const started = performance.now();
      let count = 0;
      function* cachedPages(): Generator<CachedPage> {
        for (const page of type.pages(model) as Iterable<Page>) {
          count++;
          yield { url: page.url, key: pageKey(sharedKey, type.kind, type.template, viewKey(page.view)), render: () => render(type, page) };
        }
      }
      const written = await writeCachedPages(cachedPages(), directories.output, options.cacheDir, used, intact, listing);
      damaged.push(...written.damaged);
      total += count;
      console.log(`[broadsheet] ${count} ${type.kind} page${count === 1 ? "" : "s"}: ${written.written} rendered, ${written.reused} reused from the cache, ${((performance.now() - started) / 1000).toFixed(2)} s.`);
    }
    if (damaged.length > 0) {
      const shown = damaged.slice(0, 5).join(", ") + (damaged.length > 5 ? ", …" : "");
      console.warn(`[broadsheet] warning: ${damaged.length} damaged cache entr${damaged.length === 1 ? "y" : "ies"} rebuilt: the cached page${damaged.length === 1 ? "" : "s"} of ${shown} differed from what was written and ${damaged.length === 1 ? "was" : "were"} rendered again.`);
    }
    const pruned = await prunePageCache(options.cacheDir, used);
    if (pruned > 0) console.log(`[broadsheet] ${pruned} cached pages no longer used were deleted.`);
    const others = results?.length ?? 0;
    const warnings = build.warnings.length;
    console.log(`[broadsheet] ${total} pages and ${others} other files written; ${warnings} warning${warnings === 1 ? "" : "s"}.`);
  });
}

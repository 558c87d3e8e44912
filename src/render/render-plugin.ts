import type { Environment } from "nunjucks";
import type { EleventyConfig } from "@11ty/eleventy";
import type { NewsroomSource } from "../collections/newsroom-plugin.ts";
import { PAGE_POLICIES } from "../security/content-security-policy.ts";
import { codeHash } from "../cache/code-hash.ts";
import { checkCachedPages, prunePageCache, writeCachedPages, type WrittenPages } from "./page-cache.ts";
import { articlePages } from "./article-pages.ts";
import { listPages } from "./list-pages.ts";
import type { SharedContext } from "./shared-context.ts";

/**
 * Writes the article pages and the section and tag pages (most of a site) once Eleventy has
 * written the rest: its Nunjucks environment, with every filter, exists by then.
 */
export function renderedPagesPlugin(eleventyConfig: EleventyConfig, options: { source: NewsroomSource; cacheDir: string; settingsKey: string }): void {
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
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    if (!environment) throw new Error("Eleventy's Nunjucks environment was not created");
    const { newsroom, settings, bodyHtml } = await options.source.load();
    const site = settings.site;
    const editions = newsroom.editions.map((edition) => edition.edition);
    const shared: SharedContext = {
      newsroom,
      context: { site, csp: PAGE_POLICIES, newsroom },
      key: [codeHash(), options.settingsKey, JSON.stringify(site), JSON.stringify(editions)].join(":"),
    };
    const report = (what: string, count: number, started: number, result: WrittenPages) =>
      console.log(`[broadsheet] ${count} ${what}: ${result.written} rendered, ${result.reused} reused from the cache, ${((performance.now() - started) / 1000).toFixed(2)} s.`);
    const used = new Set<string>();
    const intact = (await checking) ?? new Set<string>();
    checking = undefined;
    let started = performance.now();
    const articles = await writeCachedPages(articlePages(environment, shared, bodyHtml), directories.output, options.cacheDir, used, intact);
    report("article pages", newsroom.articles.length, started, articles);
    started = performance.now();
    const lists = newsroom.sectionPages.length + newsroom.tagPages.length;
    const listed = await writeCachedPages(listPages(environment, shared), directories.output, options.cacheDir, used, intact);
    report("section and tag pages", lists, started, listed);
    const damaged = [...articles.damaged, ...listed.damaged];
    if (damaged.length > 0) {
      const shown = damaged.slice(0, 5).join(", ") + (damaged.length > 5 ? ", …" : "");
      console.warn(`[broadsheet] warning: ${damaged.length} damaged cache entr${damaged.length === 1 ? "y" : "ies"} rebuilt: the cached page${damaged.length === 1 ? "" : "s"} of ${shown} differed from what was written and ${damaged.length === 1 ? "was" : "were"} rendered again.`);
    }
    const pruned = await prunePageCache(options.cacheDir, used);
    if (pruned > 0) console.log(`[broadsheet] ${pruned} cached pages no longer used were deleted.`);
  });
}

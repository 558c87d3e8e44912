import type { EleventyConfig } from "@11ty/eleventy";
import { readBuildEnv } from "./src/config/build-env.ts";
import { createNewsroomSource, newsroomPlugin } from "./src/collections/newsroom-plugin.ts";
import { filtersPlugin } from "./src/filters/filters-plugin.ts";
import { searchPlugin } from "./src/search/search-plugin.ts";
import { syndicationPlugin } from "./src/feeds/syndication-plugin.ts";
import { structuredDataPlugin } from "./src/structured-data/structured-data-plugin.ts";
import { articleImagesPlugin } from "./src/images/article-images-plugin.ts";
import { minifyCssPlugin } from "./src/styles/minify-css.ts";
import { renderedPagesPlugin } from "./src/render/render-plugin.ts";
import { contentSecurityPolicyPlugin } from "./src/security/content-security-policy.ts";

/** Broadsheet: this file only wires the modules of `src/`; each is a small Eleventy plugin. */
export default function (eleventyConfig: EleventyConfig) {
  const env = readBuildEnv();
  // SITE_URL, else _data/site.json's url, checked against PATH_PREFIX by readBuildEnv.
  const siteUrl = env.siteUrl;

  // --- Data: articles read, validated and indexed once per build
  const source = createNewsroomSource(env);
  eleventyConfig.addPlugin(newsroomPlugin, { env, source });

  // --- Templates: block tags leave no blank lines or trailing spaces in the HTML
  eleventyConfig.setNunjucksEnvironmentOptions({ trimBlocks: true, lstripBlocks: true });

  // --- Images: made while the newsroom loads; the files a build uses are copied to /img/
  eleventyConfig.addPlugin(articleImagesPlugin, { source });

  // --- Article, section and tag pages: rendered with Eleventy's Nunjucks after the rest,
  // streamed to disk and cached page by page
  eleventyConfig.addPlugin(renderedPagesPlugin, {
    source,
    cacheDir: env.cacheDir,
    settingsKey: JSON.stringify({ siteUrl, pathPrefix: env.pathPrefix, previews: env.includeDrafts }),
  });

  // --- Filters
  eleventyConfig.addPlugin(filtersPlugin, { env, siteUrl });

  // --- For machines: feeds, sitemaps, robots.txt, NewsArticle JSON-LD
  eleventyConfig.addPlugin(syndicationPlugin, { env, source, siteUrl });
  eleventyConfig.addPlugin(structuredDataPlugin, { siteUrl, pathPrefix: env.pathPrefix });

  // --- Security: a strict Content-Security-Policy on every page
  eleventyConfig.addPlugin(contentSecurityPolicyPlugin);

  // --- Static assets: stylesheet, favicon, client scripts
  eleventyConfig.addPassthroughCopy({ "src/assets": "assets" });
  eleventyConfig.addPassthroughCopy({ "src/client": "assets/js" });
  eleventyConfig.addPassthroughCopy({ "_data/brand": "assets/brand" });
  eleventyConfig.addPlugin(minifyCssPlugin, { files: ["assets/css/main.css"] });

  // --- Search: a Pagefind index of the articles, built from their data while pages render
  eleventyConfig.addPlugin(searchPlugin, { source, cacheDir: env.cacheDir, shardSize: env.searchShardSize });
}

export const config = {
  // Only Nunjucks pages are templates: articles are data (read above), README.md is not a page.
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
  // No `output` here: `npm run build` writes to a staging folder of its own (src/cli/build-site.ts).
  dir: { input: ".", includes: "_includes", data: "_data" },
  pathPrefix: process.env.PATH_PREFIX ?? "/",
};

import type { EleventyConfig } from "@11ty/eleventy";
import { readBuildEnv } from "./src/config/build-env.ts";
import { createNewsroomSource, newsroomPlugin } from "./src/collections/newsroom-plugin.ts";
import { filtersPlugin } from "./src/filters/filters-plugin.ts";
import { searchPlugin } from "./src/search/search-plugin.ts";
import { syndicationPlugin } from "./src/feeds/syndication-plugin.ts";
import { structuredDataPlugin } from "./src/structured-data/structured-data-plugin.ts";
import { articleImagesPlugin } from "./src/images/article-images-plugin.ts";
import { minifyCssPlugin } from "./src/styles/minify-css.ts";
import { pagesPlugin } from "./src/render/render-plugin.ts";
import { PAGE_TYPES, pageSegments } from "./src/pages/registry.ts";
import { IMAGE_URL_PATH } from "./src/images/article-images.ts";
import { SEARCH_FOLDER } from "./src/search/indexer-pool.ts";
import { contentSecurityPolicyPlugin } from "./src/security/content-security-policy.ts";

/** Broadsheet: this file only wires the modules of `src/`; each is a small Eleventy plugin. */
export default function (eleventyConfig: EleventyConfig) {
  const env = readBuildEnv();
  // SITE_URL, else _data/site.json's url, checked against PATH_PREFIX by readBuildEnv.
  const siteUrl = env.siteUrl;

  // --- Data: articles read, validated and indexed once per build. Section keys are URLs, so
  // none may be a folder the site writes: a page type's segment, the assets, images, search.
  const reservedSegments = [...pageSegments(PAGE_TYPES), "assets", IMAGE_URL_PATH.replaceAll("/", ""), SEARCH_FOLDER];
  const source = createNewsroomSource(env, reservedSegments);
  eleventyConfig.addPlugin(newsroomPlugin, { env, source });

  // --- Templates: block tags leave no blank lines or trailing spaces in the HTML
  eleventyConfig.setNunjucksEnvironmentOptions({ trimBlocks: true, lstripBlocks: true });

  // --- Images: made while the newsroom loads; the files a build uses are copied to /img/
  eleventyConfig.addPlugin(articleImagesPlugin, { source });

  // --- Pages: every page type of the registry, rendered with Eleventy's Nunjucks, global data
  // and transforms after Eleventy's own files, streamed to disk and cached page by page
  eleventyConfig.addPlugin(pagesPlugin, {
    source,
    types: PAGE_TYPES,
    cacheDir: env.cacheDir,
    settingsKey: JSON.stringify({ siteUrl, pathPrefix: env.pathPrefix, previews: env.includeDrafts }),
  });

  // --- Filters
  eleventyConfig.addPlugin(filtersPlugin, { env, siteUrl });

  // --- For machines: feeds, sitemaps, robots.txt, NewsArticle JSON-LD
  eleventyConfig.addPlugin(syndicationPlugin, { env, source, siteUrl, types: PAGE_TYPES });
  eleventyConfig.addPlugin(structuredDataPlugin, { siteUrl, pathPrefix: env.pathPrefix });

  // --- Security: a strict Content-Security-Policy on every page
  eleventyConfig.addPlugin(contentSecurityPolicyPlugin);

  // --- Static assets: stylesheet, favicon, client scripts
  eleventyConfig.addPassthroughCopy({ "src/assets": "assets" });
  eleventyConfig.addPassthroughCopy({ "src/client": "assets/js" });
  eleventyConfig.addPassthroughCopy({ "_data/brand": "assets/brand" });
  eleventyConfig.addPlugin(minifyCssPlugin, { files: ["assets/css/main.css", "assets/css/search.css"] });

  // --- Search: a Pagefind index of the articles, built from their data while pages render
  eleventyConfig.addPlugin(searchPlugin, { source, cacheDir: env.cacheDir, shardSize: env.searchShardSize, articlesDir: env.articlesDir });
}

export const config = {
  // No template files: pages come from the registry (src/pages/), feeds and sitemaps from a
  // virtual JavaScript template; articles are data (read above), README.md is not a page.
  templateFormats: ["njk", "11ty.js"],
  htmlTemplateEngine: "njk",
  // No `output` here: `npm run build` writes to a staging folder of its own (src/cli/build-site.ts).
  dir: { input: ".", includes: "_includes", data: "_data" },
  pathPrefix: process.env.PATH_PREFIX ?? "/",
};

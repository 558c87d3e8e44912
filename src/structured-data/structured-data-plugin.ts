import type { EleventyConfig } from "@11ty/eleventy";
import type { Article } from "../collections/published-article.ts";
import { readSettings } from "../config/site-settings.ts";
import { createUrlMaker } from "../urls/site-urls.ts";
import { jsonForScript, newsArticleData } from "./news-article.ts";

/** `{{ article | newsArticleJsonLd | safe }}`: the article's NewsArticle JSON-LD, safe inside a script block. */
export function structuredDataPlugin(eleventyConfig: EleventyConfig, options: { siteUrl: string; pathPrefix: string }): void {
  const url = createUrlMaker(options.siteUrl, options.pathPrefix);
  const { site } = readSettings();
  eleventyConfig.addFilter("newsArticleJsonLd", (article: Article) => jsonForScript(newsArticleData(article, site, url)));
}

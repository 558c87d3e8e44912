import type { EleventyConfig } from "@11ty/eleventy";
import type { BuildEnv } from "../config/build-env.ts";
import type { NewsroomSource } from "../collections/newsroom-plugin.ts";
import { createUrlMaker } from "../urls/site-urls.ts";
import { buildFeeds } from "./feed-data.ts";
import { renderAtom } from "./atom.ts";
import { renderJsonFeed } from "./json-feed.ts";
import { buildNewsSitemap, buildRobotsTxt, buildSitemapFiles, sitemapEntries } from "../sitemaps/sitemaps.ts";

/** A file the site publishes for machines: a feed, a sitemap, robots.txt. */
export interface MachineFile {
  url: string;
  body: string;
}

/**
 * Feeds (Atom and JSON Feed, site-wide and per section), sitemaps and robots.txt, made once per
 * build as strings; `src/pages/machine-files.njk` writes each to its URL.
 */
export function syndicationPlugin(eleventyConfig: EleventyConfig, options: { env: BuildEnv; source: NewsroomSource; siteUrl: string }): void {
  const { env, source, siteUrl } = options;
  eleventyConfig.addGlobalData("machineFiles", async (): Promise<MachineFile[]> => {
    const { newsroom, settings, bodyHtml } = await source.load();
    const { site } = settings;
    const url = createUrlMaker(siteUrl, env.pathPrefix);
    const files: MachineFile[] = [];
    for (const edition of newsroom.editions) {
      for (const feed of buildFeeds(edition, site, url, bodyHtml)) {
        files.push({ url: `${feed.path}feed.xml`, body: renderAtom(feed) });
        files.push({ url: `${feed.path}feed.json`, body: renderJsonFeed(feed) });
      }
    }
    for (const file of buildSitemapFiles(sitemapEntries(newsroom), url)) files.push({ url: file.path, body: file.body });
    // Only when some article is recent enough: an empty news sitemap is invalid.
    const newsSitemap = buildNewsSitemap(newsroom, env.now, url, site.rebuildWithinHours);
    if (newsSitemap !== undefined) files.push({ url: "/news-sitemap.xml", body: newsSitemap });
    // robots.txt names the sitemaps written above, and no other (the index names its own parts).
    const sitemaps = ["/sitemap.xml", "/news-sitemap.xml"].filter((path) => files.some((file) => file.url === path));
    files.push({ url: "/robots.txt", body: buildRobotsTxt(url, sitemaps) });
    return files;
  });
}

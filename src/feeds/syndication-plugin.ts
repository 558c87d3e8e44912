import type { EleventyConfig } from "@11ty/eleventy";
import type { BuildEnv } from "../config/build-env.ts";
import type { NewsroomSource } from "../collections/newsroom-plugin.ts";
import { createUrlMaker } from "../urls/site-urls.ts";
import { feedOf, planFeeds } from "./feed-data.ts";
import { openFeedCache } from "./feed-cache.ts";
import { codeHash } from "../cache/code-hash.ts";
import { sha256 } from "../cache/integrity.ts";
import { editionData } from "../config/editions.ts";
import { renderAtom } from "./atom.ts";
import { renderJsonFeed } from "./json-feed.ts";
import { buildNewsSitemap, buildRobotsTxt, buildSitemapFiles } from "../sitemaps/sitemaps.ts";
import { sitemapPages } from "../pages/registry.ts";
import { buildRedirects } from "../sitemaps/redirects.ts";
import type { AnyPageType } from "../pages/page-type.ts";

/** A file the site publishes for machines: a feed, a sitemap, robots.txt, `_redirects`. */
export interface MachineFile {
  url: string;
  body: string;
}

/**
 * Feeds (Atom and JSON Feed, site-wide and per section), sitemaps of the registry's pages and
 * robots.txt, made once per build as strings and written by Eleventy, one page of a virtual
 * template each. Their list is that template's data, not global data: pages are keyed by the
 * global data, and every new story changes the sitemap.
 */
export function syndicationPlugin(eleventyConfig: EleventyConfig, options: { env: BuildEnv; source: NewsroomSource; siteUrl: string; types: readonly AnyPageType[] }): void {
  const { env, source, siteUrl, types } = options;
  const machineFiles = async (): Promise<MachineFile[]> => {
    const build = await source.load();
    const { newsroom, settings, bodyHtml } = build;
    const { site } = settings;
    const url = createUrlMaker(siteUrl, env.pathPrefix);
    const files: MachineFile[] = [];
    // A feed's files are keyed by what they are made of: the code, the settings, the feed and its
    // stories as JSON (the fields an entry prints, the body's file hash and what its rendering
    // reads: photos, embeds, edition), so a feed no story of which changed is not written again.
    const feeds = openFeedCache(env.cacheDir);
    const sharedKey = JSON.stringify([codeHash(), siteUrl, env.pathPrefix, env.includeDrafts, site, settings.editions.map(editionData)]);
    for (const edition of newsroom.editions) {
      for (const plan of planFeeds(edition, site, url)) {
        const key = sha256(`${sharedKey}\u0000${JSON.stringify(plan)}`).slice(0, 32);
        const [atom, json] = feeds.files(key, () => {
          const feed = feedOf(plan, url, bodyHtml);
          return [renderAtom(feed), renderJsonFeed(feed)];
        });
        files.push({ url: `${plan.path}feed.xml`, body: atom! });
        files.push({ url: `${plan.path}feed.json`, body: json! });
      }
    }
    await feeds.prune();
    for (const file of buildSitemapFiles(sitemapPages(build, types), url)) files.push({ url: file.path, body: file.body });
    // Only when some article is recent enough: an empty news sitemap is invalid.
    const newsSitemap = buildNewsSitemap(newsroom, env.now, url, site.rebuildWithinHours);
    if (newsSitemap !== undefined) files.push({ url: "/news-sitemap.xml", body: newsSitemap });
    // robots.txt names the sitemaps written above, and no other (the index names its own parts).
    const sitemaps = ["/sitemap.xml", "/news-sitemap.xml"].filter((path) => files.some((file) => file.url === path));
    files.push({ url: "/robots.txt", body: buildRobotsTxt(url, sitemaps) });
    const redirects = buildRedirects(newsroom.articles, env.pathPrefix);
    if (redirects !== undefined) files.push({ url: "/_redirects", body: redirects });
    return files;
  };
  eleventyConfig.addTemplate("broadsheet-machine-files.11ty.js", {
    data: async () => ({
      pagination: { data: "machineFiles", size: 1, alias: "file" },
      permalink: (data: { file: MachineFile }) => data.file.url,
      eleventyExcludeFromCollections: true,
      machineFiles: await machineFiles(),
    }),
    // Each file ends with a line break, as text files do.
    render: (data: { file: MachineFile }) => `${data.file.body}\n`,
  });
}

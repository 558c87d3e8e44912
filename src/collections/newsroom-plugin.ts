import type { EleventyConfig } from "@11ty/eleventy";
import type { DateTime } from "luxon";
import type { BuildEnv } from "../config/build-env.ts";
import { readSettings, type Settings } from "../config/site-settings.ts";
import { createMarkdown } from "../markdown/markdown.ts";
import type { BodyEnv, Picture } from "../markdown/body-env.ts";
import { articlesOnTheirOwn, buildNewsroom, indexEditions, sharePhotoOf, type Newsroom } from "./newsroom.ts";
import { readFrontChoices } from "./front-page.ts";
import { prepareShareCrops } from "../images/share-crops.ts";
import { createParseContext, readArticleBody } from "../content/parse-article.ts";
import { loadArticles } from "../content/load-articles.ts";
import type { ParsedArticle } from "../content/article-model.ts";
import type { Article, ArticleOnItsOwn } from "./published-article.ts";
import { ArticleContractError, formatProblem, type Problem } from "../content/problems.ts";
import { isoDateTime } from "../dates/dates.ts";
import { prepareArticleImages } from "../images/article-images.ts";
import { describeGoneUrl, findGoneUrls, readPublishedUrls, writePublishedUrls, type GoneUrl, type PublishedUrl } from "./published-urls.ts";

/** What one build loaded: the newsroom the templates read and what it held back. */
export interface NewsroomBuild {
  newsroom: Newsroom;
  /** The `_data/` settings this build read, for the plugins that need them too. */
  settings: Settings;
  /** How long reading, validating, indexing the articles and preparing images took. */
  seconds: number;
  warnings: Problem[];
  drafts: number;
  embargoed: number;
  nextEmbargoLift?: DateTime;
  /** Article files whose cached reading was damaged, and so were read again. */
  damagedCache: readonly string[];
  /** Article URLs earlier builds published that no page serves now (a production build's check). */
  goneUrls: GoneUrl[];
  /** What this build records as published, written to the cache when it succeeds; none for a preview. */
  publishedUrls?: PublishedUrl[];
  /** An article's body as HTML, read from its file when a page or feed needs it (never held). */
  bodyHtml: (article: Article, purpose?: BodyPurpose) => string;
}

/**
 * Loads, validates and indexes the articles for one build. Throws `ArticleContractError`
 * naming every problem when any article breaks the contract, before anything is written.
 */
export async function loadNewsroom(
  env: BuildEnv,
  settings: Settings,
  reservedSegments: readonly string[] = [],
  onArticles: (articles: readonly ArticleOnItsOwn[]) => void = () => undefined,
): Promise<NewsroomBuild> {
  const started = performance.now();
  const context = createParseContext(settings, createMarkdown(env.pathPrefix), env.now, embedHostsOf(env.siteUrl, settings), reservedSegments);
  const { articles, problems, damagedCache } = await loadArticles(env.articlesDir, context, undefined, { dir: env.cacheDir, extraKey: env.pathPrefix });
  if (problems.some((problem) => problem.severity === "error")) throw new ArticleContractError(problems);
  const heldBack = (article: ParsedArticle) => article.status !== "published";
  const embargoed = articles.filter((article) => article.status === "embargoed");
  const nextEmbargoLift = embargoed
    .map((article) => article.publishedAt)
    .sort((a, b) => a.toMillis() - b.toMillis())[0];
  const visible = env.includeDrafts ? articles : articles.filter((article) => !heldBack(article));
  // Image URLs are part of the article (pages, feeds, search results), so they are settled here.
  const [responsiveImages, shareCrops] = await Promise.all([
    // Reporters' photos are made the same way, and found by the newsroom in the same map.
    prepareArticleImages([...visible, ...settings.authors.flatMap((author) => (author.photoFile ? [{ image: { file: author.photoFile } }] : []))], env.cacheDir),
    prepareShareCrops(visible.flatMap((article) => sharePhotoOf(article)?.file ?? []), env.cacheDir),
  ]);
  // What can still stop the build (a malformed `_data/front.json`) is read before the articles
  // go out, so no search index starts on a load that then fails.
  const choices = readFrontChoices("_data", settings.editions.map((edition) => edition.lang));
  // The articles as their editions alone settle them go out first (the search index starts on
  // them), and the event loop turns once so their readers begin before the newsroom is built.
  const indexed = indexEditions(visible, settings, responsiveImages);
  onArticles(articlesOnTheirOwn(indexed, responsiveImages));
  await new Promise((resolve) => setImmediate(resolve));
  // The published articles are new objects; the parsed ones are dropped when this returns.
  const newsroom = buildNewsroom(visible, settings, responsiveImages, shareCrops, {
    choices,
    now: env.now,
    timeZone: settings.site.timeZone,
    siteUrl: env.siteUrl,
    pathPrefix: env.pathPrefix,
    heldBack: new Map(articles.filter(heldBack).map((article) => [article.url, article])),
  }, indexed);
  // Only a production build publishes: a preview (drafts shown) neither checks nor records.
  const urls = env.includeDrafts ? undefined : findGoneUrls(readPublishedUrls(env.cacheDir) ?? [], articles, env.goneUrls === "forget");
  return {
    newsroom,
    settings,
    seconds: (performance.now() - started) / 1000,
    warnings: [...problems, ...newsroom.editions.flatMap((edition) => edition.frontWarnings)],
    damagedCache,
    drafts: articles.filter((article) => article.status === "draft").length,
    embargoed: embargoed.length,
    nextEmbargoLift,
    goneUrls: urls?.gone ?? [],
    publishedUrls: urls?.record,
    bodyHtml: (article, purpose = "page") => readArticleBody(context.markdown, article, bodyEnvOf(article, purpose)),
  };
}

/** A page's body, or a feed's (one plain image size, plain links for embeds). */
export type BodyPurpose = "page" | "feed";

/** What rendering an article's body needs of the build: its photos' sizes, its embeds, its edition's words. */
export function bodyEnvOf(article: Article, purpose: BodyPurpose): BodyEnv {
  const pictures = new Map<string, Picture>();
  for (const image of article.bodyImages) if (image.responsive) pictures.set(image.src, image.responsive);
  return {
    pictures,
    embeds: new Map(article.embeds.map((embed) => [embed.address, embed])),
    firstPhotoEager: !article.image,
    forFeed: purpose === "feed",
    words: article.edition.ui,
  };
}

/** The hosts whose pages a body may embed as they are: the site's own, and `_data/site.json` `embedHosts`. */
export function embedHostsOf(siteUrl: string, settings: Settings): string[] {
  return [new URL(siteUrl).hostname, ...(settings.site.embedHosts ?? [])];
}

/** One line for the build log: published, held back, and when the next embargo lifts. */
export function summarizeBuild(build: NewsroomBuild, env: BuildEnv): string {
  const published = build.newsroom.articles.length - (env.includeDrafts ? build.drafts + build.embargoed : 0);
  const held = `${build.drafts} draft${build.drafts === 1 ? "" : "s"} and ${build.embargoed} embargoed`;
  const next = build.nextEmbargoLift ? `; next embargo lifts ${isoDateTime(build.nextEmbargoLift)}` : "";
  const verb = env.includeDrafts ? "shown as previews" : "held back";
  return `[broadsheet] ${published} articles published; ${held} ${verb}${next} (read in ${build.seconds.toFixed(2)} s).`;
}

/** The newsroom of the current build, loaded once and shared by every plugin that needs it. */
export interface NewsroomSource {
  /** The current build's newsroom (loaded on first use). */
  load(): Promise<NewsroomBuild>;
  /**
   * The current build's articles as their editions alone settle them (`ArticleOnItsOwn`),
   * newest first within each edition: ready before the newsroom (loading it on first use).
   */
  articles(): Promise<readonly ArticleOnItsOwn[]>;
  /** Forget it, so the next `load()` reads the articles again (each watch rebuild). */
  reset(): void;
}

/** `reservedSegments`: the folders the site writes itself, which no section key may be. */
export function createNewsroomSource(env: BuildEnv, reservedSegments: readonly string[]): NewsroomSource {
  let current: { build: Promise<NewsroomBuild>; articles: Promise<readonly ArticleOnItsOwn[]> } | undefined;
  const start = () => {
    let given!: (articles: readonly ArticleOnItsOwn[]) => void;
    const articles = new Promise<readonly ArticleOnItsOwn[]>((resolve) => (given = resolve));
    const build = loadNewsroom(env, readSettings(undefined, reservedSegments), reservedSegments, given).catch((error: unknown) => {
      current = undefined; // a failed load is retried by the next build, not remembered
      throw error;
    });
    // A load that fails before the articles are ready fails their readers too (reported where
    // awaited, so not an unhandled rejection when no plugin asks for the articles).
    const ready = Promise.race([articles, build.then(() => articles)]);
    ready.catch(() => undefined);
    return { build, articles: ready };
  };
  return {
    load: () => (current ??= start()).build,
    articles: () => (current ??= start()).articles,
    reset: () => {
      current = undefined;
    },
  };
}

/**
 * The Eleventy plugin that feeds every template: reads `_data/` settings and the articles once per
 * build (in `eleventy.before`, so a contract error stops the build before any file is written).
 */
export function newsroomPlugin(eleventyConfig: EleventyConfig, options: { env: BuildEnv; source: NewsroomSource }): void {
  const { env, source } = options;
  eleventyConfig.addWatchTarget(env.articlesDir);
  // Plugins' `eleventy.before` handlers run concurrently and all load the same newsroom, so it is
  // forgotten between builds (before each watch rebuild), never at the start of one.
  eleventyConfig.on("eleventy.beforeWatch", () => source.reset());
  eleventyConfig.on("eleventy.before", async () => {
    const build = await source.load();
    for (const warning of build.warnings) console.warn(`[broadsheet] warning: ${formatProblem(warning)}`);
    const damaged = build.damagedCache;
    if (damaged.length > 0) {
      const shown = damaged.slice(0, 5).join(", ") + (damaged.length > 5 ? ", …" : "");
      console.warn(`[broadsheet] warning: ${damaged.length} damaged cache entr${damaged.length === 1 ? "y" : "ies"} rebuilt: the cached front matter of ${shown} differed from what was written and ${damaged.length === 1 ? "was" : "were"} read again.`);
    }
    if (env.goneUrls === "error" && build.goneUrls.length > 0) {
      // Before anything is written: the live site keeps serving these URLs.
      throw new ArticleContractError(
        build.goneUrls.map((gone) => ({ file: gone.now?.file ?? gone.file, field: "aliases", reason: describeGoneUrl(gone), severity: "error" })),
      );
    }
    for (const gone of build.goneUrls) console.warn(`[broadsheet] warning: ${describeGoneUrl(gone)}`);
    console.log(summarizeBuild(build, env));
  });
  // Recorded once the site is written: a failed build publishes nothing.
  eleventyConfig.on("eleventy.after", async () => {
    const build = await source.load();
    if (build.publishedUrls) writePublishedUrls(env.cacheDir, build.publishedUrls);
  });
}

import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import Image from "@11ty/eleventy-img";
import type { EleventyConfig } from "@11ty/eleventy";
import type { Article } from "../content/articles.ts";
import type { NewsroomSource } from "../content/newsroom-plugin.ts";

/** One `<source>` (or the `<img>` fallback) of a responsive image. */
export interface ImageSource {
  type: string;
  srcset: string;
}

/** What the templates need to draw an article's image: sizes known, so no layout shift. */
export interface ResponsiveImage {
  /** The generated files, in the cache folder. */
  files: string[];
  sources: ImageSource[];
  fallback: { url: string; width: number; height: number; srcset: string };
  sizes: string;
}

/** Where generated images are served from; they are kept between builds in `{cacheDir}/images`. */
export const IMAGE_URL_PATH = "/img/";
const WIDTHS = [480, 960, 1600];
const FORMATS = ["webp", "jpeg"] as const;
/** The article column is at most ~44rem wide; below that the image fills the screen. */
const SIZES = "(min-width: 48rem) 44rem, 100vw";

interface ImageEntry {
  url: string;
  outputPath: string;
  width: number;
  height: number;
  srcset: string;
  sourceType: string;
}

/**
 * Makes the responsive versions of one source image (WebP and JPEG at up to three widths, never
 * wider than the original) with eleventy-img, which skips files it has already written.
 */
export async function responsiveImage(sourceFile: string, outputDir: string): Promise<ResponsiveImage> {
  const metadata = (await Image(sourceFile, {
    widths: WIDTHS,
    formats: [...FORMATS],
    outputDir,
    urlPath: IMAGE_URL_PATH,
  })) as Record<string, ImageEntry[]>;
  const jpeg = metadata.jpeg!;
  const largest = jpeg[jpeg.length - 1]!;
  const srcset = (entries: ImageEntry[]) => entries.map((entry) => entry.srcset).join(", ");
  return {
    files: Object.values(metadata).flat().map((entry) => entry.outputPath),
    sources: (metadata.webp ?? []).length ? [{ type: "image/webp", srcset: srcset(metadata.webp!) }] : [],
    fallback: { url: largest.url, width: largest.width, height: largest.height, srcset: srcset(jpeg) },
    sizes: SIZES,
  };
}

/**
 * Makes the responsive versions of every image the build publishes, into a cache kept between
 * builds (`{cacheDir}/images`), before any page renders (called while the newsroom loads).
 */
export async function prepareArticleImages(articles: readonly Article[], cacheDir: string): Promise<void> {
  const imageCache = path.join(cacheDir, "images");
  await Promise.all(
    articles.map(async (article) => {
      if (article.image) article.image.responsive = await responsiveImage(path.resolve(article.image.file), imageCache);
    }),
  );
}

/**
 * After the build, copies the image files this build uses to `/img/` (only those: the cache may
 * hold images of other builds and other content folders).
 */
export function articleImagesPlugin(eleventyConfig: EleventyConfig, options: { source: NewsroomSource }): void {
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    const { newsroom } = await options.source.load();
    const files = newsroom.articles.flatMap((article) => article.image?.responsive?.files ?? []);
    if (files.length === 0) return;
    const target = path.join(directories.output, IMAGE_URL_PATH);
    await mkdir(target, { recursive: true });
    await Promise.all([...new Set(files)].map((file) => copyFile(file, path.join(target, path.basename(file)))));
  });
}

import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import Image, { type ImageOptions } from "@11ty/eleventy-img";
import { recordFiles, verifyFiles } from "../cache/integrity.ts";

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

/**
 * What image processing reads of an article (a parsed article is one): its image's source file.
 * Structural, so this module knows nothing of articles.
 */
export interface WithImage {
  readonly image?: { readonly file: string };
  readonly bodyImages?: ReadonlyArray<{ readonly file: string }>;
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

/** eleventy-img's calls beyond the one its declared type has. */
const eleventyImage = Image as unknown as {
  (src: string, options: ImageOptions & { useCache?: boolean }): Promise<Record<string, unknown>>;
  /** Where the files would be written, without making them. */
  statsSync(src: string, options: ImageOptions): Record<string, ImageEntry[]>;
};

/**
 * Makes the responsive versions of one source image (WebP and JPEG at up to three widths, never
 * wider than the original) with eleventy-img, which skips files it has already written and
 * trusts them. So they are checked first against the record written beside them once they were
 * complete (`{id}.integrity.json`: each file's size and SHA-256); files that differ, or have no
 * record (a build killed as it wrote them, a cache from before records), are deleted and made
 * again. `damage` says what was wrong with files that had a record.
 */
export async function responsiveImage(sourceFile: string, outputDir: string): Promise<{ image: ResponsiveImage; damage?: string }> {
  const options: ImageOptions = { widths: WIDTHS, formats: [...FORMATS], outputDir, urlPath: IMAGE_URL_PATH };
  const names = Object.values(eleventyImage.statsSync(sourceFile, options))
    .flat()
    .map((entry) => path.basename(entry.outputPath));
  const first = names[0]!;
  const record = path.join(outputDir, `${first.slice(0, first.lastIndexOf("-"))}.integrity.json`);
  const recorded = existsSync(record);
  const damage = recorded ? verifyFiles(outputDir, names, record) : "no record";
  if (damage !== undefined) for (const name of [...names, path.basename(record)]) rmSync(path.join(outputDir, name), { force: true });
  // `useCache: false` makes eleventy-img write every file, even one its memory says it wrote
  // (the dev server builds many times in one process).
  const metadata = (await eleventyImage(sourceFile, damage === undefined ? options : { ...options, useCache: false })) as Record<string, ImageEntry[]>;
  if (damage !== undefined) recordFiles(outputDir, names, record);
  const jpeg = metadata.jpeg!;
  const largest = jpeg[jpeg.length - 1]!;
  const srcset = (entries: ImageEntry[]) => entries.map((entry) => entry.srcset).join(", ");
  const image: ResponsiveImage = {
    files: Object.values(metadata).flat().map((entry) => entry.outputPath),
    sources: (metadata.webp ?? []).length ? [{ type: "image/webp", srcset: srcset(metadata.webp!) }] : [],
    fallback: { url: largest.url, width: largest.width, height: largest.height, srcset: srcset(jpeg) },
    sizes: SIZES,
  };
  return recorded && damage !== undefined ? { image, damage } : { image };
}

/**
 * Makes the responsive versions of every image the build publishes, into a cache kept between
 * builds (`{cacheDir}/images`), before any page renders (called while the newsroom loads). Each
 * source file is made once, however many articles show it. Returns them by resolved source file
 * (`path.resolve(image.file)`); the articles are only read.
 */
export async function prepareArticleImages(articles: readonly WithImage[], cacheDir: string): Promise<Map<string, ResponsiveImage>> {
  const imageCache = path.join(cacheDir, "images");
  const made = new Map<string, Promise<{ image: ResponsiveImage; damage?: string }>>();
  for (const article of articles) {
    for (const image of article.image ? [article.image, ...(article.bodyImages ?? [])] : (article.bodyImages ?? [])) {
      const source = path.resolve(image.file);
      if (!made.has(source)) made.set(source, responsiveImage(source, imageCache));
    }
  }
  const images = new Map<string, ResponsiveImage>();
  const damaged: string[] = [];
  await Promise.all(
    [...made].map(async ([source, making]) => {
      const { image, damage } = await making;
      images.set(source, image);
      const shown = path.relative(process.cwd(), source);
      if (damage) damaged.push(`${shown.startsWith("..") ? source : shown} (${damage})`);
    }),
  );
  if (damaged.length > 0) {
    console.warn(`[broadsheet] warning: ${damaged.length} damaged cache entr${damaged.length === 1 ? "y" : "ies"} rebuilt: the cached images of ${damaged.join(", ")} were made again.`);
  }
  return images;
}

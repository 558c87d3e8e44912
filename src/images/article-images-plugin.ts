import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { EleventyConfig } from "@11ty/eleventy";
import type { NewsroomSource } from "../collections/newsroom-plugin.ts";
import { IMAGE_URL_PATH } from "./article-images.ts";

/**
 * After the build, copies the image files this build uses (lead and body photos, reporters' photos) to `/img/` (only those: the cache may
 * hold images of other builds and other content folders).
 */
export function articleImagesPlugin(eleventyConfig: EleventyConfig, options: { source: NewsroomSource }): void {
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    const { newsroom } = await options.source.load();
    const files = [
      ...newsroom.articles.flatMap((article) => [...(article.image?.responsive?.files ?? []), ...article.bodyImages.flatMap((image) => image.responsive?.files ?? []), ...(article.share?.crops ?? []).map((crop) => crop.file)]),
      ...newsroom.editions.flatMap((edition) => edition.authors.flatMap((author) => author.photo?.responsive.files ?? [])),
    ];
    if (files.length === 0) return;
    const target = path.join(directories.output, IMAGE_URL_PATH);
    await mkdir(target, { recursive: true });
    await Promise.all([...new Set(files)].map((file) => copyFile(file, path.join(target, path.basename(file)))));
  });
}

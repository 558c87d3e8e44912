import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { recordFiles, verifyFiles } from "../cache/integrity.ts";
import { IMAGE_URL_PATH } from "./article-images.ts";

/** One crop of a story's photo for search engines and social cards. */
export interface ShareCrop {
  url: string;
  width: number;
  height: number;
  /** The file made, in the cache folder. */
  file: string;
}

/** The aspect ratios Google asks article images in (16x9, 4x3, 1x1), widest first: og:image takes the first. */
const RATIOS = [
  [16, 9],
  [4, 3],
  [1, 1],
] as const;
/** Google wants images at least 1,200 px wide for large previews; a smaller photo is not enlarged. */
const WIDTH = 1200;

/** A photo's name in the image cache: the start of its bytes' SHA-256. */
const photoId = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex").slice(0, 12);

/**
 * The 16x9, 4x3 and 1x1 crops of a photo (JPEG, cut around the part sharp's attention strategy
 * finds most salient), named by the photo's bytes, kept in the image cache with an integrity
 * record like the responsive versions and made again when damaged.
 */
async function shareCrops(bytes: Buffer, id: string, outputDir: string): Promise<ShareCrop[]> {
  const { width: sourceWidth = WIDTH, height: sourceHeight = WIDTH } = await sharp(bytes).metadata();
  const crops = RATIOS.map(([across, down]) => {
    // As wide as the photo allows, up to 1,200 px, and never taller than it.
    const width = Math.min(WIDTH, sourceWidth, Math.floor((sourceHeight * across) / down));
    const height = Math.round((width * down) / across);
    const name = `${id}-share-${across}x${down}.jpeg`;
    return { name, width, height, url: `${IMAGE_URL_PATH}${name}`, file: path.join(outputDir, name) };
  });
  const names = crops.map((crop) => crop.name);
  const record = path.join(outputDir, `${id}-share.integrity.json`);
  if (!existsSync(record) || verifyFiles(outputDir, names, record) !== undefined) {
    mkdirSync(outputDir, { recursive: true });
    for (const name of names) rmSync(path.join(outputDir, name), { force: true });
    await Promise.all(crops.map((crop) => sharp(bytes).resize({ width: crop.width, height: crop.height, fit: "cover", position: sharp.strategy.attention }).jpeg({ quality: 80, mozjpeg: true }).toFile(crop.file)));
    recordFiles(outputDir, names, record);
  }
  return crops.map(({ url, width, height, file }) => ({ url, width, height, file }));
}

/** The crops of every photo that stands for a story, each made once, by resolved source file. */
export async function prepareShareCrops(files: readonly string[], cacheDir: string): Promise<Map<string, ShareCrop[]>> {
  const unique = [...new Set(files.map((file) => path.resolve(file)))];
  const outputDir = path.join(cacheDir, "images");
  // Two files with the same bytes share their crops' names, so each photo is cut once: cut
  // side by side, one would delete the other's files while it wrote them.
  const byPhoto = new Map<string, Promise<ShareCrop[]>>();
  const made = await Promise.all(
    unique.map((file) => {
      const bytes = readFileSync(file);
      const id = photoId(bytes);
      if (!byPhoto.has(id)) byPhoto.set(id, shareCrops(bytes, id, outputDir));
      return byPhoto.get(id)!;
    }),
  );
  return new Map(unique.map((file, index) => [file, made[index]!]));
}

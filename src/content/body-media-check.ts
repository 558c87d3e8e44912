import { existsSync } from "node:fs";
import path from "node:path";
import { mayHoldMedia, scanBody } from "../markdown/body-scan.ts";
import { parseEmbed } from "../markdown/embeds.ts";
import type { BodyEmbed, BodyImage, ParseContext } from "./article-model.ts";
import { quote, type Problem } from "./problems.ts";

/** The image files a page may show: what the image step reads. */
export const IMAGE_FILE = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;
/** A URL rather than a path: images live beside the article, never on another server. */
export const REMOTE = /^[a-z][a-z0-9+.-]*:|^\/\//i;

/**
 * The body's photos and embeds, checked when the article is read: each photo a file beside the
 * article with alt text, each embed from an allowed host. Problems name the line in the file.
 */
export function checkBodyMedia(
  body: string,
  bodyLine: number,
  filePath: string,
  displayPath: string,
  context: ParseContext,
  problems: Problem[],
): { bodyImages: BodyImage[]; embeds: BodyEmbed[] } {
  if (!mayHoldMedia(body)) return { bodyImages: [], embeds: [] };
  const scan = scanBody(context.markdown, body, bodyLine);
  const error = (line: number, reason: string) => problems.push({ file: displayPath, field: "body", reason: `line ${line}: ${reason}`, severity: "error" });
  for (const problem of scan.problems) error(problem.line, problem.reason);
  const bodyImages: BodyImage[] = [];
  for (const photo of scan.photos) {
    let written: string;
    try {
      written = decodeURI(photo.src);
    } catch {
      written = photo.src;
    }
    const file = path.resolve(path.dirname(filePath), written);
    if (!photo.alt.trim()) {
      error(photo.line, `the image ${quote(written)} has no alt text: describe it in the brackets, ![what it shows](${written}), or write ![-](${written}) for an ornament readers may skip`);
    } else if (REMOTE.test(written)) {
      error(photo.line, `${quote(written)} is a URL; put the image file next to the article and give its relative path`);
    } else if (!existsSync(file)) {
      error(photo.line, `no image file ${quote(written)} next to the article`);
    } else if (!IMAGE_FILE.test(file)) {
      error(photo.line, `${quote(written)} must be a JPEG, PNG, WebP, AVIF, GIF or TIFF image`);
    } else {
      bodyImages.push({ src: photo.src, file, alt: photo.decorative ? "" : photo.alt, decorative: photo.decorative, caption: photo.caption, credit: photo.credit });
    }
  }
  const embeds: BodyEmbed[] = [];
  for (const reference of scan.embeds) {
    const embed = parseEmbed(reference.address, context.embedHosts);
    if ("problem" in embed) error(reference.line, `embed: ${embed.problem}`);
    else embeds.push({ ...embed, address: reference.address });
  }
  return { bodyImages, embeds };
}

import type MarkdownIt from "markdown-it";
import { bodyPhotos } from "./body-photos.ts";
import { bodyGalleries } from "./body-galleries.ts";
import { bodyEmbeds } from "./body-embeds.ts";
import { bodyBoxes } from "./body-boxes.ts";
import { bodyTables } from "./body-tables.ts";

/**
 * The story body's media and boxes, as markdown-it plugins, in the order their rules must run:
 * photos (pictures and figures), galleries (of those figures), embeds behind a click-to-load
 * facade, the note, fact box and pull quote containers, and tables that scroll in their own
 * box. What the renderer needs of the build comes in markdown-it's `env` (`body-env.ts`).
 */
export function bodyMedia(md: MarkdownIt, pathPrefix: string): void {
  bodyPhotos(md, pathPrefix);
  bodyGalleries(md);
  bodyEmbeds(md);
  bodyBoxes(md);
  bodyTables(md);
}

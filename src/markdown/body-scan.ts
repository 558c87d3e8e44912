import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { altOf, captionAndCredit, DECORATIVE_ALT } from "./body-photos.ts";

/** A photo the body shows, as written. */
export interface PhotoReference {
  src: string;
  alt: string;
  /** `![-](…)`: an ornament readers of the page skip (alt=""). */
  decorative: boolean;
  caption?: string;
  credit?: string;
  /** Its line (the body's first line is `firstLine`). */
  line: number;
}

/** An embed the body shows, as written. */
export interface EmbedReference {
  address: string;
  title: string;
  line: number;
}

export interface BodyScan {
  photos: PhotoReference[];
  embeds: EmbedReference[];
  /** What the body's containers hold that they may not, by line. */
  problems: Array<{ line: number; reason: string }>;
}

/** A line that closes a container: colons alone (inside a quote, after its `>`). */
const CLOSING_FENCE = /^[ \t>]*:{3,}[ \t]*$/;

/** Whether a body may hold anything `scanBody` looks for: most bodies are text alone, and skip it. */
export function mayHoldMedia(body: string): boolean {
  return body.includes("![") || body.includes(":::");
}

/**
 * The photos and embeds of a body, each with its line, parsed with the newsroom's own Markdown
 * (so an image in a code block is no photo), for checking before anything is built. Lines count
 * from `firstLine`, the body's line in its file.
 */
export function scanBody(md: MarkdownIt, body: string, firstLine = 1): BodyScan {
  const scan: BodyScan = { photos: [], embeds: [], problems: [] };
  const tokens = md.parse(body, {});
  // The gallery the tokens are in: its line, how many photos were found before it, and whether it was named already.
  let gallery: { line: number; photosBefore: number; named: boolean } | undefined;
  // A token without a map of its own (a table cell's text, a closing token) is on the line of the last one with a map.
  let line = firstLine;
  const lines = body.split(/\r\n|\r|\n/);
  // The containers open around a token, each with the line that ends it (its `:::`, or its parent's end when left open).
  const containers: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.map) line = token.map[0] + firstLine;
    if (token.type.startsWith("container_") && token.nesting === -1) containers.pop();
    else if (token.type.startsWith("container_") && token.nesting === 1) {
      const end = token.map?.[1] ?? 0;
      const kind = token.type.slice("container_".length, -"_open".length);
      // markdown-it-container closes a box at the first line of colons, its parent's end if none is left: a box
      // inside another of as many colons ends on the outer one's line, one left open on no `:::` at all.
      if (containers.at(-1) === end) scan.problems.push({ line, reason: `\`::: ${kind}\` is never closed: a box inside another ends the outer one at its \`:::\`, so write the outer one with more colons (\`::::\` … \`::::\`)` });
      else if (!CLOSING_FENCE.test(lines[end] ?? "")) scan.problems.push({ line, reason: `\`::: ${kind}\` is never closed: end it with a line \`:::\`` });
      else if (kind === "embed" && (token.meta as { titleOnly?: boolean } | null)?.titleOnly === false) {
        scan.problems.push({ line, reason: "an embed holds its title only, in one paragraph: write what it shows on the line after `::: embed …`, then `:::`" });
      }
      containers.push(end);
    }
    if (gallery && token.type === "container_gallery_close") {
      if (!gallery.named && scan.photos.length === gallery.photosBefore) {
        scan.problems.push({ line: gallery.line, reason: "a gallery holds no photos: write one photo a line between `::: gallery …` and `:::`" });
      }
      gallery = undefined;
    } else if (gallery && !["bs_figure_open", "bs_figure_close", "inline"].includes(token.type)) {
      // Anything else, an embed or another gallery included, would sit in the gallery's list as no item of it.
      scan.problems.push({ line, reason: `a gallery (line ${gallery.line}) holds photos only, one a line; end it with \`:::\` before other text` });
      gallery.named = true;
      while (i + 1 < tokens.length && tokens[i + 1]!.type !== "container_gallery_close") i++;
    } else if (token.type === "container_gallery_open") gallery = { line, photosBefore: scan.photos.length, named: false };
    else if (token.type === "container_embed_open") {
      const address = token.info.trim().replace(/^embed\s*/, "");
      const title = (token.meta as { title?: string } | null)?.title ?? "";
      if (!address) scan.problems.push({ line, reason: "an embed gives no address: write `::: embed https://…` and its title on the next line" });
      else scan.embeds.push({ address, title, line });
      if (address && !title) scan.problems.push({ line, reason: "an embed has no title: write what it shows on the line after `::: embed …`, for the link and the frame's title" });
    }
    if (token.type !== "inline") continue;
    let lineInParagraph = 0;
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") lineInParagraph++;
      if (child.type === "image") {
        scan.photos.push(photoOf(child, line + lineInParagraph));
        lineInParagraph += (child.children ?? []).filter((part) => part.type === "softbreak" || part.type === "hardbreak").length;
      }
    }
  }
  return scan;
}

function photoOf(image: Token, line: number): PhotoReference {
  const alt = altOf(image);
  return { src: image.attrGet("src") ?? "", alt, decorative: alt === DECORATIVE_ALT, ...captionAndCredit(image.attrGet("title")), line };
}

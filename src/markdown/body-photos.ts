import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { srcsetWithPathPrefix, withPathPrefix } from "../urls/site-urls.ts";
import type { BodyEnv } from "./body-env.ts";

/**
 * Photos in the body: each a responsive `<picture>` (the image step's sizes, so nothing shifts),
 * a photo alone in its paragraph a `<figure>` with its caption and credit, `![-](…)` an ornament.
 */

/** A gallery's photos take at most 30rem of the column (85 % of a phone's). */
const GALLERY_SIZES = "(min-width: 36rem) 30rem, 85vw";

/** An image's title is its caption, then ` | ` and the photo credit. */
export function captionAndCredit(title: string | null | undefined): { caption?: string; credit?: string } {
  if (!title) return {};
  const at = title.lastIndexOf(" | ");
  const caption = (at >= 0 ? title.slice(0, at) : title).trim();
  const credit = at >= 0 ? title.slice(at + 3).trim() : "";
  return { caption: caption || undefined, credit: credit || undefined };
}

/** The alt an editor writes for a decorative image, which readers of the page then skip. */
export const DECORATIVE_ALT = "-";

/** An image token's alt text as written (its children's text, a line break as a space). */
export function altOf(token: Token): string {
  return (token.children ?? []).map((child) => (child.type === "softbreak" || child.type === "hardbreak" ? " " : child.content)).join("");
}

/** What the body's rules note on an image token for its renderer. */
export interface PhotoMeta {
  inFigure?: boolean;
  inGallery?: boolean;
}
export const photoMeta = (token: Token): PhotoMeta => (token.meta ?? (token.meta = {})) as PhotoMeta;

/** Whether a paragraph's inline content is one image and nothing else. */
function loneImage(inline: Token | undefined): Token | undefined {
  const children = (inline?.children ?? []).filter((child) => !(child.type === "text" && child.content.trim() === "") && child.type !== "softbreak");
  return children.length === 1 && children[0]!.type === "image" ? children[0] : undefined;
}

export function bodyPhotos(md: MarkdownIt, pathPrefix: string): void {
  const { escapeHtml } = md.utils;
  const href = (path: string) => escapeHtml(withPathPrefix(path, pathPrefix));
  // How many photos (not ornaments) of the body are drawn: the first may load at once.
  let photosSeen = 0;
  md.core.ruler.push("bs_photo_order", (state) => {
    photosSeen = 0;
    // Photos alone in their paragraph become figures; the paragraph's tokens carry the photo.
    const tokens = state.tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (tokens[i]!.type !== "paragraph_open" || tokens[i + 2]!.type !== "paragraph_close") continue;
      const image = loneImage(tokens[i + 1]);
      if (!image) continue;
      tokens[i]!.type = "bs_figure_open";
      tokens[i + 2]!.type = "bs_figure_close";
      tokens[i + 2]!.meta = { image };
    }
  });

  const picture = (token: Token, env: BodyEnv, classes: string): string => {
    const src = token.attrGet("src") ?? "";
    const alt = altOf(token);
    const shownAlt = escapeHtml(alt === DECORATIVE_ALT ? "" : alt);
    const made = env.pictures?.get(src);
    // The first photo (not an ornament) of a story with no lead photo is above the fold: it loads at once.
    const decorative = alt === DECORATIVE_ALT;
    const eager = env.firstPhotoEager === true && !decorative && photosSeen === 0;
    if (!decorative) photosSeen++;
    if (!made) return `<img class="${classes}" src="${escapeHtml(src)}" alt="${shownAlt}">`; // a body rendered without the image step (a unit test)
    const { fallback } = made;
    if (env.forFeed) return `<img src="${href(fallback.url)}" width="${fallback.width}" height="${fallback.height}" alt="${shownAlt}">`;
    const sizes = escapeHtml(photoMeta(token).inGallery ? GALLERY_SIZES : made.sizes);
    const sources = made.sources.map((source) => `<source type="${escapeHtml(source.type)}" srcset="${escapeHtml(srcsetWithPathPrefix(source.srcset, pathPrefix))}" sizes="${sizes}">`).join("");
    const loading = eager ? ` fetchpriority="high"` : ` loading="lazy"`;
    return `<picture>${sources}<img class="${classes}" src="${href(fallback.url)}" srcset="${escapeHtml(srcsetWithPathPrefix(fallback.srcset, pathPrefix))}" sizes="${sizes}" width="${fallback.width}" height="${fallback.height}" alt="${shownAlt}"${loading} decoding="async"></picture>`;
  };
  const figcaption = (image: Token): string => {
    const { caption, credit } = captionAndCredit(image.attrGet("title"));
    if (!caption && !credit) return "";
    const creditHtml = credit ? `${caption ? " " : ""}<span class="bs-figure__credit">${escapeHtml(credit)}</span>` : "";
    return `<figcaption class="bs-figure__caption">${caption ? escapeHtml(caption) : ""}${creditHtml}</figcaption>`;
  };

  md.renderer.rules.image = (tokens, idx, _options, env: BodyEnv) => picture(tokens[idx]!, env, "bs-body-image bs-body-image--inline");
  md.renderer.rules.bs_figure_open = () => `<figure class="bs-figure">`;
  md.renderer.rules.bs_figure_close = (tokens, idx) => `${figcaption((tokens[idx]!.meta as { image: Token }).image)}</figure>\n`;
  // Inside a figure the photo is drawn by the image rule, with the figure's classes.
  const inline = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, idx, options, env: BodyEnv, self) => {
    const token = tokens[idx]!;
    return photoMeta(token).inFigure ? picture(token, env, "bs-figure__image") : inline(tokens, idx, options, env, self);
  };
  md.core.ruler.push("bs_figure_images", (state) => {
    for (const token of state.tokens) {
      if (token.type === "bs_figure_close") photoMeta((token.meta as { image: Token }).image).inFigure = true;
    }
  });

}

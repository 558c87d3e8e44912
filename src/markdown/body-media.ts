import type MarkdownIt from "markdown-it";
import type { PluginWithParams } from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import markdownItContainer from "markdown-it-container";
import { srcsetWithPathPrefix, withPathPrefix } from "../urls/site-urls.ts";
import type { Embed } from "./embeds.ts";

/**
 * The story body's media and boxes, as markdown-it plugins: photos as responsive `<picture>`s
 * and `<figure>`s, galleries, embeds behind a click-to-load facade, tables that scroll in their
 * own box, and the note, fact box and pull quote containers. What the renderer needs of the
 * build (each photo's responsive versions, each embed's player) comes in markdown-it's `env`
 * (`BodyEnv`), so this module knows nothing of articles or images on disk.
 */

/** A photo's responsive versions (the image step's `ResponsiveImage`, structurally). */
export interface Picture {
  sources: ReadonlyArray<{ type: string; srcset: string }>;
  fallback: { url: string; width: number; height: number; srcset: string };
  sizes: string;
}

/** What rendering a body needs besides its Markdown. */
export interface BodyEnv {
  /** Each body photo's responsive versions, by its `src` as written. */
  pictures?: ReadonlyMap<string, Picture>;
  /** Each embed, by its address as written. */
  embeds?: ReadonlyMap<string, Embed>;
  /** True when the page has no lead photo: the first body photo is then above the fold, not lazy. */
  firstPhotoEager?: boolean;
  /** A feed's body: plain `<img>`s (one size, made absolute later) and plain links for embeds. */
  forFeed?: boolean;
  /** The edition's words for what the body adds (`_data/ui.json`); English when not given. */
  words?: BodyWords;
}

/** The interface words a body's boxes, galleries, tables and embeds print. */
export interface BodyWords {
  bodyNote: string;
  bodyFactBox: string;
  /** `{title}`: the gallery's. */
  bodyGallery: string;
  bodyTable: string;
  /** The embed's button: `{title}` and `{provider}`. */
  embedLoad: string;
  footnoteBack: string;
}

const ENGLISH: BodyWords = {
  bodyNote: "Editor’s note",
  bodyFactBox: "Fact box",
  bodyGallery: "Gallery: {title}",
  bodyTable: "Table",
  embedLoad: "Load {title} (from {provider})",
  footnoteBack: "Back to the text",
};

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** A table column's alignment, as the stylesheet's classes. */
const ALIGN_CLASSES = { left: "bs-align-left", right: "bs-align-right", center: "bs-align-center" } as const;

const GALLERY_SIZES = "(min-width: 36rem) 30rem, 85vw";

/** The container names editors write after `:::`. */
export const BOX_KINDS = ["note", "factbox", "pullquote"] as const;
export const CONTAINER_KINDS = [...BOX_KINDS, "gallery", "embed"] as const;

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
interface PhotoMeta {
  inFigure?: boolean;
  inGallery?: boolean;
}
const photoMeta = (token: Token): PhotoMeta => (token.meta ?? (token.meta = {})) as PhotoMeta;

/** Whether a paragraph's inline content is one image and nothing else. */
function loneImage(inline: Token | undefined): Token | undefined {
  const children = (inline?.children ?? []).filter((child) => !(child.type === "text" && child.content.trim() === "") && child.type !== "softbreak");
  return children.length === 1 && children[0]!.type === "image" ? children[0] : undefined;
}

/** markdown-it-container, typed against this project's markdown-it (its types name the CommonJS build's). */
const container = markdownItContainer as unknown as PluginWithParams;

export function bodyMedia(md: MarkdownIt, pathPrefix: string): void {
  const { escapeHtml } = md.utils;
  const href = (path: string) => escapeHtml(withPathPrefix(path, pathPrefix));

  // --- Photos
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
    const eager = env.firstPhotoEager === true && photosSeen === 0;
    photosSeen++;
    if (!made) return `<img class="${classes}" src="${escapeHtml(src)}" alt="${shownAlt}">`; // a body rendered without the image step (a unit test)
    const { fallback } = made;
    if (env.forFeed) return `<img src="${href(fallback.url)}" width="${fallback.width}" height="${fallback.height}" alt="${shownAlt}">`;
    // A gallery's photos take at most 30rem of the column (85 % of a phone's).
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

  // --- Galleries: `::: gallery Title`, one photo a line; a list that scrolls sideways in its
  // own box (scroll snap), reached by Tab and scrolled by the arrow keys, with no script.
  md.use(container, "gallery", {
    render(tokens: Token[], idx: number, _options: unknown, env: BodyEnv) {
      const token = tokens[idx]!;
      if (token.nesting === -1) return `</ol>\n</section>\n`;
      const title = token.info.trim().replace(/^gallery\s*/, "");
      const label = fill((env.words ?? ENGLISH).bodyGallery, { title }).replace(/[\s:：]+$/, "");
      return `<section class="bs-gallery" aria-label="${escapeHtml(label)}" tabindex="0">\n<ol class="bs-gallery__list bs-bare-list">\n`;
    },
  });
  md.core.ruler.before("bs_photo_order", "bs_gallery_items", (state) => {
    // In a gallery each photo is an item, whether or not blank lines part them: a paragraph of
    // photos alone becomes one paragraph a photo (a figure each, below).
    const tokens = state.tokens;
    let depth = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === "container_gallery_open") depth++;
      else if (token.type === "container_gallery_close") depth--;
      if (depth === 0 || token.type !== "paragraph_open" || tokens[i + 2]?.type !== "paragraph_close") continue;
      const inline = tokens[i + 1]!;
      const children = (inline.children ?? []).filter((child) => !(child.type === "text" && child.content.trim() === "") && child.type !== "softbreak");
      if (children.length < 2 || children.some((child) => child.type !== "image")) continue;
      // Each photo keeps its own line (for the checks' messages): the paragraph's, plus the breaks before it.
      let line = inline.map?.[0] ?? 0;
      const lines = new Map<Token, number>();
      for (const child of inline.children ?? []) {
        if (child.type === "softbreak" || child.type === "hardbreak") line++;
        else if (child.type === "image") lines.set(child, line);
      }
      const split = children.flatMap((image) => {
        const open = new state.Token("paragraph_open", "p", 1);
        const content = new state.Token("inline", "", 0);
        content.children = [image];
        const at = lines.get(image)!;
        content.map = [at, at + 1];
        const close = new state.Token("paragraph_close", "p", -1);
        return [open, content, close];
      });
      tokens.splice(i, 3, ...split);
      i += split.length - 1;
    }
  });
  md.core.ruler.push("bs_gallery_figures", (state) => {
    let depth = 0;
    for (const token of state.tokens) {
      if (token.type === "container_gallery_open") depth++;
      else if (token.type === "container_gallery_close") depth--;
      else if (depth > 0 && token.type === "bs_figure_open") token.meta = { ...(token.meta as object), inGallery: true };
      else if (depth > 0 && token.type === "bs_figure_close") photoMeta((token.meta as { image: Token }).image).inGallery = true;
    }
  });
  const figureOpen = md.renderer.rules.bs_figure_open;
  md.renderer.rules.bs_figure_open = (tokens, idx, options, env, self) =>
    (tokens[idx]!.meta as { inGallery?: boolean } | null)?.inGallery ? `<li class="bs-gallery__item">${figureOpen(tokens, idx, options, env, self)}` : figureOpen(tokens, idx, options, env, self);
  const figureClose = md.renderer.rules.bs_figure_close;
  md.renderer.rules.bs_figure_close = (tokens, idx, options, env, self) => {
    const html = figureClose(tokens, idx, options, env, self);
    const open = tokens.slice(0, idx).reverse().find((token) => token.type === "bs_figure_open");
    return (open?.meta as { inGallery?: boolean } | null)?.inGallery ? `${html.trimEnd()}</li>\n` : html;
  };

  // --- Embeds: `::: embed https://…` with the title as its content. Without JavaScript a link
  // to the original page; embed.js turns the placeholder into a button that loads the frame.
  md.use(container, "embed", {
    render(tokens: Token[], idx: number, _options: unknown, env: BodyEnv) {
      const token = tokens[idx]!;
      if (token.nesting === -1) return "";
      const address = token.info.trim().replace(/^embed\s*/, "");
      const title = (token.meta as { title?: string } | null)?.title ?? "";
      const embed = env.embeds?.get(address);
      const link = `<a class="bs-embed__link" href="${escapeHtml(embed?.url ?? address)}" rel="external">${escapeHtml(title || address)}</a>`;
      if (env.forFeed || !embed) return `<p class="bs-embed bs-embed--link">${link}</p>\n`;
      return (
        `<figure class="bs-embed" data-module="embed" data-embed-src="${escapeHtml(embed.frameSrc)}" data-embed-title="${escapeHtml(title)}" data-embed-label="${escapeHtml(fill((env.words ?? ENGLISH).embedLoad, { title, provider: embed.provider }))}">\n` +
        `<div class="bs-embed__placeholder"><p class="bs-embed__notice">${link} <span class="bs-embed__provider">(${escapeHtml(embed.provider)})</span></p></div>\n</figure>\n`
      );
    },
  });
  md.core.ruler.push("bs_embed_title", (state) => {
    // The container's content is its title: kept on the opening token, not printed as a paragraph.
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.type !== "container_embed_open") continue;
      let end = i + 1;
      while (end < tokens.length && tokens[end]!.type !== "container_embed_close") end++;
      const title = tokens
        .slice(i + 1, end)
        .filter((token) => token.type === "inline")
        .map((token) => token.content.trim())
        .join(" ");
      // One paragraph, or nothing: anything more (an embed left open takes the rest of the story) is no title.
      const inner = tokens.slice(i + 1, end).map((token) => token.type);
      const titleOnly = inner.length === 0 || inner.join() === "paragraph_open,inline,paragraph_close";
      tokens[i]!.meta = { title, titleOnly };
      tokens.splice(i + 1, end - i - 1);
    }
  });

  // --- Boxes: `::: note`, `::: factbox Title`, `::: pullquote Who said it`
  let boxes = 0;
  md.core.ruler.push("bs_box_count", () => {
    boxes = 0;
  });
  md.use(container, "note", {
    render: (tokens: Token[], idx: number, _options: unknown, env: BodyEnv) =>
      // A note, not a landmark: a story may carry several, and the correction is an aside already.
      tokens[idx]!.nesting === 1 ? `<div class="bs-box bs-box--note" role="note">\n<p class="bs-box__label bs-kicker bs-kicker--plain">${escapeHtml((env.words ?? ENGLISH).bodyNote)}</p>\n` : `</div>\n`,
  });
  md.use(container, "factbox", {
    render(tokens: Token[], idx: number, _options: unknown, env: BodyEnv) {
      const token = tokens[idx]!;
      if (token.nesting === -1) return `</aside>\n`;
      const title = token.info.trim().replace(/^factbox\s*/, "") || (env.words ?? ENGLISH).bodyFactBox;
      const id = `bs-factbox-${++boxes}`;
      return `<aside class="bs-box bs-box--factbox" aria-labelledby="${id}">\n<h2 class="bs-box__heading" id="${id}">${escapeHtml(title)}</h2>\n`;
    },
  });
  md.use(container, "pullquote", {
    render(tokens: Token[], idx: number) {
      const token = tokens[idx]!;
      const who = token.info.trim().replace(/^pullquote\s*/, "");
      if (token.nesting === 1) return `<figure class="bs-pullquote">\n<blockquote class="bs-pullquote__quote">\n`;
      return `</blockquote>\n${who ? `<figcaption class="bs-pullquote__source">${escapeHtml(who)}</figcaption>\n` : ""}</figure>\n`;
    },
  });
  // The closing token does not carry the opening one's words: copy them over for the renderer.
  md.core.ruler.push("bs_container_info", (state) => {
    const open: Token[] = [];
    for (const token of state.tokens) {
      if (!token.type.startsWith("container_")) continue;
      if (token.nesting === 1) open.push(token);
      else if (token.nesting === -1) token.info = open.pop()?.info ?? "";
    }
  });

  // --- Tables: each in a box of its own that scrolls sideways on a narrow screen (a region
  // reached by Tab, named by its caption); header cells say they head columns; a paragraph `Table: …`
  // just before a table is its caption.
  md.core.ruler.push("bs_tables", (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === "th_open") token.attrSet("scope", "col");
      if (token.type === "th_open" || token.type === "td_open") {
        // Column alignment as a class: a style attribute would break the page's CSP.
        const align = /^text-align:(left|right|center)$/.exec(token.attrGet("style") ?? "")?.[1] as keyof typeof ALIGN_CLASSES | undefined;
        if (token.attrs) token.attrs = token.attrs.filter(([name]) => name !== "style");
        if (align) token.attrJoin("class", ALIGN_CLASSES[align]);
      }
      if (token.type !== "table_open") continue;
      const before = tokens[i - 3];
      const inline = tokens[i - 2];
      let caption: string | undefined;
      if (before?.type === "paragraph_open" && inline?.type === "inline" && tokens[i - 1]?.type === "paragraph_close" && /^Table:\s/.test(inline.content)) {
        caption = inline.content.replace(/^Table:\s*/, "");
        tokens.splice(i - 3, 3);
        i -= 3;
      }
      tokens[i]!.meta = { caption };
    }
  });
  md.renderer.rules.table_open = (tokens, idx, _options, env: BodyEnv) => {
    const caption = (tokens[idx]!.meta as { caption?: string } | null)?.caption;
    const label = escapeHtml(caption ?? (env.words ?? ENGLISH).bodyTable);
    return `<section class="bs-table" aria-label="${label}" tabindex="0">\n<table>\n${caption ? `<caption>${escapeHtml(caption)}</caption>\n` : ""}`;
  };
  md.renderer.rules.table_close = () => `</table>\n</section>\n`;
}

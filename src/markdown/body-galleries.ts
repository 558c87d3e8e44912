import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { fillText } from "../config/editions.ts";
import { container, wordsOf, type BodyEnv } from "./body-env.ts";
import { photoMeta } from "./body-photos.ts";

/** Galleries: after `bodyPhotos`, whose figures become the gallery's items. */
export function bodyGalleries(md: MarkdownIt): void {
  const { escapeHtml } = md.utils;

  // `::: gallery Title`, one photo a line; a list that scrolls sideways in its
  // own box (scroll snap), reached by Tab and scrolled by the arrow keys, with no script.
  md.use(container, "gallery", {
    render(tokens: Token[], idx: number, _options: unknown, env: BodyEnv) {
      const token = tokens[idx]!;
      if (token.nesting === -1) return `</ol>\n</section>\n`;
      const title = token.info.trim().replace(/^gallery\s*/, "");
      const label = fillText(wordsOf(env).bodyGallery, { title }).replace(/[\s:：]+$/, "");
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
  const figureOpen = md.renderer.rules.bs_figure_open!;
  md.renderer.rules.bs_figure_open = (tokens, idx, options, env, self) =>
    (tokens[idx]!.meta as { inGallery?: boolean } | null)?.inGallery ? `<li class="bs-gallery__item">${figureOpen(tokens, idx, options, env, self)}` : figureOpen(tokens, idx, options, env, self);
  const figureClose = md.renderer.rules.bs_figure_close!;
  md.renderer.rules.bs_figure_close = (tokens, idx, options, env, self) => {
    const html = figureClose(tokens, idx, options, env, self);
    const open = tokens.slice(0, idx).reverse().find((token) => token.type === "bs_figure_open");
    return (open?.meta as { inGallery?: boolean } | null)?.inGallery ? `${html.trimEnd()}</li>\n` : html;
  };

}

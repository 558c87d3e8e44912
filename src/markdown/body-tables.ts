import type MarkdownIt from "markdown-it";
import { wordsOf, type BodyEnv } from "./body-env.ts";

/** A table column's alignment, as the stylesheet's classes. */
const ALIGN_CLASSES = { left: "bs-align-left", right: "bs-align-right", center: "bs-align-center" } as const;

/** Tables readable at 320 px. */
export function bodyTables(md: MarkdownIt): void {
  const { escapeHtml } = md.utils;

  // Each table in a box of its own that scrolls sideways on a narrow screen (a region
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
    const label = escapeHtml(caption ?? wordsOf(env).bodyTable);
    return `<section class="bs-table" aria-label="${label}" tabindex="0">\n<table>\n${caption ? `<caption>${escapeHtml(caption)}</caption>\n` : ""}`;
  };
  md.renderer.rules.table_close = () => `</table>\n</section>\n`;
}

import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { container, wordsOf, type BodyEnv } from "./body-env.ts";

/** The editor's note, the fact box and the pull quote: one container syntax. */
export function bodyBoxes(md: MarkdownIt): void {
  const { escapeHtml } = md.utils;

  // `::: note`, `::: factbox Title`, `::: pullquote Who said it`
  let boxes = 0;
  md.core.ruler.push("bs_box_count", () => {
    boxes = 0;
  });
  md.use(container, "note", {
    render: (tokens: Token[], idx: number, _options: unknown, env: BodyEnv) =>
      // A note, not a landmark: a story may carry several, and the correction is an aside already.
      tokens[idx]!.nesting === 1 ? `<div class="bs-box bs-box--note" role="note">\n<p class="bs-box__label bs-kicker bs-kicker--plain">${escapeHtml(wordsOf(env).bodyNote)}</p>\n` : `</div>\n`,
  });
  md.use(container, "factbox", {
    render(tokens: Token[], idx: number, _options: unknown, env: BodyEnv) {
      const token = tokens[idx]!;
      if (token.nesting === -1) return `</aside>\n`;
      const title = token.info.trim().replace(/^factbox\s*/, "") || wordsOf(env).bodyFactBox;
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

}

import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { fillText } from "../config/editions.ts";
import { container, wordsOf, type BodyEnv } from "./body-env.ts";

/** Embeds behind a click-to-load facade (the hosts and players: `embeds.ts`). */
export function bodyEmbeds(md: MarkdownIt): void {
  const { escapeHtml } = md.utils;

  // `::: embed https://…` with the title as its content. Without JavaScript a link
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
        `<figure class="bs-embed" data-module="embed" data-embed-src="${escapeHtml(embed.frameSrc)}" data-embed-title="${escapeHtml(title)}" data-embed-label="${escapeHtml(fillText(wordsOf(env).embedLoad, { title, provider: embed.provider }))}">\n` +
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

}

import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";

/**
 * Body enhancers: small markdown-it plugins, applied in this order. Order matters only where
 * one reads what another wrote; today none do, so the list reads top to bottom as the page.
 */
const bodyEnhancers: Array<(md: MarkdownIt) => void> = [markExternalLinks];

/** External links get `rel="external"` so styles and readers can tell them apart. */
export function markExternalLinks(md: MarkdownIt): void {
  const fallback = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    if (/^https?:\/\//.test(token.attrGet("href") ?? "")) token.attrSet("rel", "external");
    return fallback(tokens, idx, options, env, self);
  };
}

/**
 * The newsroom's Markdown: raw HTML off (an article cannot inject a script and break the
 * Content-Security-Policy), bare URLs linked, typographic quotes.
 */
export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
  for (const enhance of bodyEnhancers) enhance(md);
  return md;
}

/** Plain text of the first paragraph, the default standfirst when `summary` is absent. */
export function firstParagraphText(md: MarkdownIt, markdown: string): string {
  const tokens = md.parse(markdown, {});
  const start = tokens.findIndex((token) => token.type === "paragraph_open");
  const inline = start >= 0 ? tokens[start + 1] : undefined;
  return inline ? inlineText(inline).replace(/\s+/g, " ").trim() : "";
}

function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : child.type === "softbreak" ? " " : ""))
    .join("");
}

import MarkdownIt, { type PluginSimple } from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import markdownItFootnote from "markdown-it-footnote";
import { bodyMedia } from "./body-media.ts";
import type { BodyEnv } from "./body-env.ts";

/**
 * Body enhancers: small markdown-it plugins, applied in this order. Order matters only where
 * one reads what another wrote; today none do, so the list reads top to bottom as the page.
 */
const bodyEnhancers = (pathPrefix: string): Array<(md: MarkdownIt) => void> => [
  markExternalLinks,
  (md) => prefixSiteLinks(md, pathPrefix),
  (md) => bodyMedia(md, pathPrefix),
  footnotes,
];

/**
 * Footnotes (`text[^1]` … `[^1]: The note.`) with markdown-it-footnote: numbered references,
 * the notes listed at the end, each with a link back to where it was cited, named for readers
 * of screen readers in the edition's words.
 */
export function footnotes(md: MarkdownIt): void {
  md.use(markdownItFootnote as unknown as PluginSimple);
  // The plugin's class names, in the theme's own (bs-block__element).
  const classes: Record<string, string> = {
    "footnotes-sep": "bs-footnotes__rule",
    footnotes: "bs-footnotes",
    "footnotes-list": "bs-footnotes__list",
    "footnote-item": "bs-footnotes__item",
    "footnote-ref": "bs-footnote-ref",
    "footnote-backref": "bs-footnotes__back",
  };
  for (const rule of ["footnote_ref", "footnote_block_open", "footnote_open", "footnote_anchor"] as const) {
    const render = md.renderer.rules[rule]!;
    md.renderer.rules[rule] = (tokens, idx, options, env: BodyEnv, self) => {
      const html = render(tokens, idx, options, env, self).replace(/class="([a-z-]+)"/g, (whole, name: string) => (classes[name] ? `class="${classes[name]}"` : whole));
      return rule === "footnote_anchor" ? html.replace('class="bs-footnotes__back"', `class="bs-footnotes__back" aria-label="${md.utils.escapeHtml(env.words?.footnoteBack ?? "Back to the text")}"`) : html;
    };
  }
}

/** Runs `change` on each link token before the default renderer writes it. */
function onLinkOpen(md: MarkdownIt, change: (token: Token) => void): void {
  const fallback = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    change(tokens[idx]!);
    return fallback(tokens, idx, options, env, self);
  };
}

/** External links get `rel="external"` so styles and readers can tell them apart. */
export function markExternalLinks(md: MarkdownIt): void {
  onLinkOpen(md, (token) => {
    if (/^https?:\/\//.test(token.attrGet("href") ?? "")) token.attrSet("rel", "external");
  });
}

/** A link an editor writes as `/china/` still works when the site is served under `PATH_PREFIX`. */
export function prefixSiteLinks(md: MarkdownIt, pathPrefix: string): void {
  if (pathPrefix === "/") return;
  onLinkOpen(md, (token) => {
    const href = token.attrGet("href") ?? "";
    if (href.startsWith("/") && !href.startsWith("//")) token.attrSet("href", pathPrefix + href.slice(1));
  });
}

/**
 * The newsroom's Markdown: raw HTML off (an article cannot inject a script and break the
 * Content-Security-Policy), bare URLs linked, typographic quotes, tables, and the body's media,
 * boxes and footnotes (`body-media.ts`, rendered with a `BodyEnv`).
 */
export function createMarkdown(pathPrefix = "/"): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
  for (const enhance of bodyEnhancers(pathPrefix)) enhance(md);
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

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#39" }[char]};`);

/**
 * Closes the body with the source credit, as newsrooms print it: "(New Society)" at the end of
 * the last paragraph, or in a paragraph of its own when the body ends with a list or quote.
 * @example appendCredit("<p>Text.</p>\n", "New Society") // '<p>Text. <span class="bs-article__credit">(New Society)</span></p>\n'
 */
export function appendCredit(bodyHtml: string, credit: string | undefined): string {
  if (!credit) return bodyHtml;
  // The credit closes the story, before its footnotes.
  const notes = bodyHtml.indexOf('<hr class="bs-footnotes__rule">');
  if (notes >= 0) return appendCredit(bodyHtml.slice(0, notes), credit) + bodyHtml.slice(notes);
  const span = `<span class="bs-article__credit">(${escapeHtml(credit)})</span>`;
  const trimmed = bodyHtml.trimEnd();
  return trimmed.endsWith("</p>") ? `${trimmed.slice(0, -4)} ${span}</p>\n` : `${trimmed}\n<p>${span}</p>\n`;
}

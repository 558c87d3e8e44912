import type { EleventyConfig } from "@11ty/eleventy";
import nunjucks from "nunjucks";
import type { BuildEnv } from "../config/build-env.ts";
import { absoluteUrl, srcsetWithPathPrefix, withPathPrefix } from "../urls/site-urls.ts";
import { fillText, type Edition } from "../config/editions.ts";
import { langAttribute } from "../text/text-language.ts";

/** Longest `<title>` search engines show in full; html-validate's `long-title` rule agrees. */
export const MAX_TITLE_LENGTH = 70;

const ESCAPED_LENGTH: Record<string, number> = { "&": 5, "<": 4, ">": 4, '"': 6, "'": 5 };

/** Length of text once escaped into HTML, which is what `long-title` measures. */
function htmlLength(text: string): number {
  let length = 0;
  for (const char of text) length += ESCAPED_LENGTH[char] ?? char.length;
  return length;
}

/**
 * The `<title>` of a page: "Headline | Site" when that fits in 70 characters (as HTML), else the
 * headline, cut at a word with an ellipsis when even that is too long. Pages without a title
 * (the home page) get `fallback`.
 * @example documentTitle("Night ferry opens", "Broadsheet Daily") // "Night ferry opens | Broadsheet Daily"
 */
export function documentTitle(title: string, siteName: string, fallback = siteName): string {
  if (!title) return htmlLength(fallback) <= MAX_TITLE_LENGTH ? fallback : documentTitle(siteName, siteName);
  const full = `${title} | ${siteName}`;
  if (htmlLength(full) <= MAX_TITLE_LENGTH) return full;
  if (htmlLength(title) <= MAX_TITLE_LENGTH) return title;
  const words = title.split(" ");
  let cut = "";
  for (const word of words) {
    const next = cut ? `${cut} ${word}` : word;
    if (htmlLength(next) > MAX_TITLE_LENGTH - 1) break;
    cut = next;
  }
  // A single word longer than the limit (or unspaced CJK text) is cut by characters.
  if (htmlLength(cut) < MAX_TITLE_LENGTH / 2) {
    cut = "";
    for (const char of title) {
      if (htmlLength(cut + char) > MAX_TITLE_LENGTH - 1) break;
      cut += char;
    }
  }
  return `${cut.trimEnd()}…`;
}

/** Filters the templates use; each is a pure function above with a unit test. */
export function filtersPlugin(eleventyConfig: EleventyConfig, options: { env: BuildEnv; siteUrl: string }): void {
  const { env, siteUrl } = options;
  eleventyConfig.addFilter("href", (path: string) => withPathPrefix(path, env.pathPrefix));
  eleventyConfig.addFilter("srcsetHref", (srcset: string) => srcsetWithPathPrefix(srcset, env.pathPrefix));
  eleventyConfig.addFilter("documentTitle", documentTitle);
  eleventyConfig.addFilter("fill", fillText);
  // `<h1{{ article.title | langAttr(edition) }}>`: ` lang="zh"` on text of another edition's language.
  eleventyConfig.addFilter("langAttr", (text: string | undefined, edition: Edition) => new nunjucks.runtime.SafeString(langAttribute(text ?? "", edition.textLanguages)));
  eleventyConfig.addFilter("absoluteUrl", (path: string) => absoluteUrl(path, siteUrl, env.pathPrefix));
}

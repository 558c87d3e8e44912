import slugify from "@sindresorhus/slugify";

/** Symbols that carry meaning in tag names, spelled out so `C++` and `C#` get different URLs. */
const SYMBOL_WORDS: Record<string, string> = {
  "+": "plus",
  "#": "sharp",
  "&": "and",
  "@": "at",
  "%": "percent",
};

/**
 * The identity of a tag: tags that differ only in case or surrounding/inner spacing are one tag.
 * @example tagKey("  Climate ") === tagKey("climate") // true
 */
export function tagKey(tag: string): string {
  return tag.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
}

/**
 * A URL segment for a tag that keeps letters and digits of any script.
 * @example tagSlug("C++") // "c-plus-plus"
 * @example tagSlug("人工智能") // "人工智能"
 */
export function tagSlug(tag: string): string {
  const words = tagKey(tag)
    .replace(/[+#&@%]/g, (symbol) => ` ${SYMBOL_WORDS[symbol]} `)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  return words.length > 0 ? words.join("-") : "tag";
}

/** A URL-safe article slug: lowercase ASCII letters and digits joined by single hyphens. */
export const ARTICLE_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The default slug of an article, from its file name (or a headline for `npm run new`).
 * @example articleSlug("Harbour City opens night ferry") // "harbour-city-opens-night-ferry"
 */
export function articleSlug(text: string): string {
  return slugify(text, { decamelize: false }) || "article";
}

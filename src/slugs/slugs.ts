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

/**
 * The most bytes one URL segment may take: the page writer makes a folder for each segment
 * (`/tags/{slug}/index.html`), and ext4, XFS, Btrfs, APFS and tmpfs cap one name at 255 bytes
 * (NTFS at 255 UTF-16 units, which UTF-8 bytes never undercount).
 */
export const MAX_SEGMENT_BYTES = 255;
/** Room left after a tag's segment for the `-2`, `-3` that tell apart tags whose words coincide. */
const TAG_NUMBER_ROOM = 10;
/** The most bytes a tag's own URL segment may take. */
export const MAX_TAG_SEGMENT_BYTES = MAX_SEGMENT_BYTES - TAG_NUMBER_ROOM;

/** A URL segment's length on disk: its UTF-8 bytes (a Chinese character is three). */
export function segmentBytes(segment: string): number {
  return Buffer.byteLength(segment, "utf8");
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

/**
 * The slug `npm run new` gives a headline: cut at a word to at most `limit` characters, a URL and
 * file name editors can read (a whole long headline would pass the 255 bytes a file name may have).
 * @example headlineSlug("Harbour City opens night ferry", 20) // "harbour-city-opens"
 */
export function headlineSlug(headline: string, limit = 80): string {
  const slug = articleSlug(headline);
  if (slug.length <= limit) return slug;
  const cut = slug.slice(0, limit + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, limit);
}

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

/** The words of `text` in a URL segment: letters and digits of every script, symbols spelled out. */
function segmentWords(text: string): string {
  return tagKey(text)
    .replace(/[+#&@%]/g, (symbol) => ` ${SYMBOL_WORDS[symbol]} `)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .join("-");
}

/**
 * A URL segment for a tag that keeps letters and digits of any script.
 * @example tagSlug("C++") // "c-plus-plus"
 * @example tagSlug("人工智能") // "人工智能"
 */
export function tagSlug(tag: string): string {
  return segmentWords(tag) || "tag";
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

/** A Latin letter beyond ASCII (`é`, `ß`, `ø`), which slugs spell in ASCII as they always have. */
const LATIN_BEYOND_ASCII = /(?![\p{ASCII}])\p{Script=Latin}/gu;
/** `Conway's`, `don’t`: the apostrophe of a Latin word's `'s` or `'t` is dropped, not a hyphen. */
const CONTRACTION = /([\p{Script=Latin}\d])['\u2019]([ts])(?![\p{L}\p{N}])/giu;

/**
 * The default slug of an article, from its file name (or a headline for `npm run new`), by the
 * tag rule: letters of every script kept and symbols spelled out (`C++` → `c-plus-plus`), with
 * Latin letters in ASCII as slugify spells them (`Café` → `cafe`, so Latin file names keep the
 * slugs they always had).
 * @example articleSlug("Harbour City opens night ferry") // "harbour-city-opens-night-ferry"
 * @example articleSlug("数字中国") // "数字中国"
 */
export function articleSlug(text: string): string {
  return articleWords(text) || "article";
}

function articleWords(text: string): string {
  const ascii = text
    .normalize("NFC")
    .replace(CONTRACTION, "$1$2")
    .replace(LATIN_BEYOND_ASCII, (letter) => slugify(letter, { decamelize: false, lowercase: false }) || letter);
  return segmentWords(ascii);
}

/**
 * Whether the front matter's `slug` is one: what a file of that name would get, so lowercase
 * letters of any script (Latin ones in ASCII) and digits, in words joined by single hyphens.
 * @example isArticleSlug("数字中国") // true
 * @example isArticleSlug("Night Ferry") // false: its slug would be "night-ferry"
 */
export function isArticleSlug(slug: string): boolean {
  return slug !== "" && articleWords(slug) === slug;
}

/**
 * The slug `npm run new` gives a headline: cut at a word to at most `limit` characters, a URL and
 * file name editors can read (a whole long headline would pass the 255 bytes a file name may have;
 * the cut keeps room for `.md` however many bytes its script takes).
 * @example headlineSlug("Harbour City opens night ferry", 20) // "harbour-city-opens"
 * @example headlineSlug("港城开通夜间渡轮") // "港城开通夜间渡轮"
 */
export function headlineSlug(headline: string, limit = 80): string {
  const slug = articleSlug(headline);
  const chars = Array.from(slug);
  let end = Math.min(chars.length, limit);
  while (end > 1 && segmentBytes(chars.slice(0, end).join("")) > MAX_SEGMENT_BYTES - ".md".length) end -= 1;
  if (end === chars.length) return slug;
  // Cut at the last hyphen within the limit when there is one (the word after it would be cut).
  const lastHyphen = chars.lastIndexOf("-", end);
  return lastHyphen > 0 ? chars.slice(0, lastHyphen).join("") : chars.slice(0, end).join("");
}

/**
 * The language of a piece of text printed on a page of another language (WCAG 3.1.2, language of
 * parts): a Chinese headline in the English edition is marked `lang="zh"`, an English tag in the
 * Chinese edition `lang="en"`. Only the editions' languages are known, so a text is told apart by
 * its script, and only when another edition writes that script. The rule, in full:
 *
 * - Only letters count (`\p{L}`); digits, symbols, punctuation and spaces belong to no language.
 * - An edition whose script is of characters (Han, Kana, Hangul: one character a syllable or a
 *   word) carries a text when its characters are more than half of the text's letters:
 *   `AI大模型进入千行百业` and `5G网络` are Chinese, `人工智能 reshapes 碳中和 plans` is not.
 * - An edition whose script is an alphabet (Latin, Cyrillic…) carries a text when the text has no
 *   letter of the page's own script and at least three letters of that alphabet, most of its
 *   letters: `open data` and `GDP` on a Chinese page are English; `5G`, `C++` and `AI` are not
 *   words of a language but terms, and WCAG exempts those (and proper names).
 * - The first other edition (the default first) that carries the text gives its `lang`; anything
 *   else, mixed or neutral, is left unmarked and read in the page's language. Editions that
 *   write one script (English and French) cannot be told apart, and are not.
 *
 * `src/client/search-page.js` applies the same rule to search results, from the table of
 * `textLanguages` the search page carries; `tests/unit/text-language.test.ts` holds both to it.
 */

/** The script an edition writes, as the pages of other editions need to know it. */
export interface WritingSystem {
  /** The `lang` a text in this script is marked with: the edition's language (`zh`, `en`). */
  lang: string;
  /** Unicode script names (`Han`, `Latin`) whose letters are this edition's. */
  scripts: string[];
  /** True for scripts of characters (Han, Kana, Hangul), where one character is a syllable or word. */
  characters: boolean;
}

/** What the pages of one edition need to tell the language of a text: their script and the others'. */
export interface TextLanguages {
  own: WritingSystem;
  /** The other editions' scripts, the default edition first. */
  others: WritingSystem[];
}

/** ISO 15924 codes `Intl.Locale` gives, as the Unicode scripts whose letters they write. */
const SCRIPT_SETS: Record<string, string[]> = {
  Hans: ["Han"],
  Hant: ["Han"],
  Hani: ["Han"],
  Jpan: ["Han", "Hiragana", "Katakana"],
  Kore: ["Hangul", "Han"],
};

/** Scripts of characters rather than letters: one character is a syllable or a word. */
const CHARACTER_SCRIPTS = new Set(["Han", "Hiragana", "Katakana", "Hangul", "Yi"]);

/** The fewest letters of an alphabet that make a word of its language rather than a term (`AI`, `5G`). */
export const MIN_ALPHABET_LETTERS = 3;

/**
 * An edition's writing system, from its languages: the script its `htmlLang` (else `lang`) is
 * written in, as Unicode's likely-subtags data gives it (`en` → Latin, `zh-Hans` → Han).
 * @example writingSystemOf("zh", "zh-Hans") // { lang: "zh", scripts: ["Han"], characters: true }
 */
export function writingSystemOf(lang: string, htmlLang: string = lang): WritingSystem {
  const code = new Intl.Locale(htmlLang).maximize().script ?? new Intl.Locale(lang).maximize().script ?? "Latn";
  const scripts = SCRIPT_SETS[code] ?? [code];
  return { lang, scripts, characters: scripts.every((script) => CHARACTER_SCRIPTS.has(script)) };
}

/**
 * The table a page of `editions[index]` tells languages with: its own script and the others'.
 * `editions` are the site's, the default first.
 */
export function textLanguagesOf(editions: ReadonlyArray<{ lang: string; htmlLang: string }>, index: number): TextLanguages {
  const systems = editions.map((edition) => writingSystemOf(edition.lang, edition.htmlLang));
  return { own: systems[index]!, others: systems.filter((_, other) => other !== index) };
}

const patterns = new Map<string, RegExp>();

/** One regular expression matching a letter of any of `scripts` (`\p{Script=Han}`), made once. */
function scriptPattern(scripts: readonly string[]): RegExp {
  const key = scripts.join(",");
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = new RegExp(scripts.map((script) => `\\p{Script=${script}}`).join("|"), "u");
    patterns.set(key, pattern);
  }
  return pattern;
}

const LETTER = /\p{L}/u;

/**
 * The language of `text` when it is another edition's, else `undefined` (see the rule above).
 * @example textLanguage("人工智能", englishPages) // "zh"
 * @example textLanguage("5G", chinesePages) // undefined
 */
export function textLanguage(text: string, languages: TextLanguages): string | undefined {
  const own = scriptPattern(languages.own.scripts);
  const others = languages.others.map((other) => scriptPattern(other.scripts));
  let letters = 0;
  let ownLetters = 0;
  const counts = others.map(() => 0);
  for (const char of text) {
    if (!LETTER.test(char)) continue;
    letters += 1;
    if (own.test(char)) {
      ownLetters += 1;
      continue;
    }
    others.forEach((pattern, index) => {
      if (pattern.test(char)) counts[index]! += 1;
    });
  }
  const carrier = languages.others.findIndex((other, index) => {
    const count = counts[index]!;
    if (count * 2 <= letters) return false;
    return other.characters || (ownLetters === 0 && count >= MIN_ALPHABET_LETTERS);
  });
  return carrier === -1 ? undefined : languages.others[carrier]!.lang;
}

/**
 * ` lang="zh"` for text of another edition's language, else nothing: printed inside the element
 * that holds the text (`<h1{{ title | langAttr(edition) }}>`).
 */
export function langAttribute(text: string, languages: TextLanguages): string {
  const lang = textLanguage(text, languages);
  return lang ? ` lang="${lang.replace(/[^A-Za-z0-9-]/g, "")}"` : "";
}

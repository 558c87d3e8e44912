// The language of a text printed on a page of another language (WCAG 3.1.2), for what the browser
// prints: the rule of src/text/text-language.ts, which the build applies to every other page (read
// the rule there). `languages` is the table the page carries: `{ own, others }`, each a script
// with its `lang`, its Unicode scripts and whether they are scripts of characters (Han, Kana,
// Hangul). tests/unit/text-language.test.ts holds the two to the same answers.

const MIN_ALPHABET_LETTERS = 3;
const LETTER = /\p{L}/u;
const scriptPattern = (scripts) => new RegExp(scripts.map((script) => `\\p{Script=${script}}`).join("|"), "u");

/** The language of `text` when it is another edition's, else undefined. */
export function textLanguage(text, languages) {
  const own = scriptPattern(languages.own.scripts);
  const others = languages.others.map((other) => scriptPattern(other.scripts));
  const counts = others.map(() => 0);
  let letters = 0;
  let ownLetters = 0;
  for (const char of String(text)) {
    if (!LETTER.test(char)) continue;
    letters += 1;
    if (own.test(char)) ownLetters += 1;
    else others.forEach((pattern, index) => (counts[index] += pattern.test(char) ? 1 : 0));
  }
  const carrier = languages.others.find((other, index) => counts[index] * 2 > letters && (other.characters || (ownLetters === 0 && counts[index] >= MIN_ALPHABET_LETTERS)));
  return carrier?.lang;
}

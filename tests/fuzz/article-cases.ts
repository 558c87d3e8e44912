/**
 * A seeded generator of malformed (and some odd-but-valid) article files for the fuzz test
 * (tests/unit/fuzz-articles.test.ts). Each case carries what the contract says about it:
 * `reject` (SPEC §4 and the README's "Bad input" call it invalid), `accept` (valid, however
 * odd its text) or `either` (the contract does not say; it must only be handled cleanly).
 * The same seed gives the same cases, byte for byte.
 */
import { createRandom } from "../../tools/corpus.ts";

export type Verdict = "reject" | "accept" | "either";

export interface ArticleCase {
  /** Path under the fuzz folder: `{category}/{index}.md`, or an odd file name. */
  file: string;
  bytes: Uint8Array;
  category: string;
  verdict: Verdict;
  /** What the case is, for a failing assertion's message. */
  note: string;
}

/** The bench corpus's seeded generator (mulberry32), so every run makes the same cases. */
export const seededRandom = createRandom;

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Array<Uint8Array | string>) => {
  const arrays = parts.map((part) => (typeof part === "string" ? utf8(part) : part));
  const out = new Uint8Array(arrays.reduce((sum, array) => sum + array.length, 0));
  let at = 0;
  for (const array of arrays) {
    out.set(array, at);
    at += array.length;
  }
  return out;
};

/** Headlines, tags and bodies that are valid however odd: markup characters, scripts, emoji, tabs. */
export const ODD_TITLES = [
  'Data & "AI": who sets the <rules>?',
  "It's 5 > 4 && 3 < 4",
  "</script><script>alert(1)</script>",
  "Night ferry 🦀🚢 sails at dawn",
  "人工智能与“规则”：谁说了算",
  "Tabs\tinside\ta headline",
  "Family 👨‍👩‍👧 emoji joined by ZWJ",
  "RTL: שלום and عربى side by side",
  "Combining: e\u0301 and ñ and a\u030A",
  "Replacement � and BOM-like \uFEFF inside",
  "Line\u2028separator and paragraph\u2029separator",
  "]]> ends a CDATA section",
  "&amp; already escaped, &lt;b&gt; too",
  "{{ nunjucks }} {% raw %} ${template}",
  "Back\\slash and \\u0001 written out",
  "--> closes a comment <!--",
  "Zero\u200Bwidth and non\u00A0breaking",
  "𠜎 outside the BMP and 🦀 again",
  "Ünïcödé ÀÉÎÕÜ ß æ ø",
  "Fullwidth ＡＢＣ and ideographic\u3000space",
];
const ODD_TAGS = ["C++", "C#", "5G", "人工智能", "AT&T", "<b>", '"quoted"', "tab\tsep", "🦀", "Node.js", "碳中和 2030", "ÉCOLE", "a/b", "100%", "@home"];
const ODD_BODIES = [
  "Raw <b>HTML</b> & <script>alert(1)</script> shown as text.",
  "Quotes \"double\" and 'single', ampersand & and angle <brackets>.",
  "中文正文，包含标点符号。“引号”与《书名号》。",
  "Emoji 🦀🚢, a tab\there, and a table:\n\n| a | b |\n| - | - |\n| <x> | & |",
  "A [link](/china/) and a bare URL https://example.org/?a=1&b=2.",
  "```\ncode with <tags> & \"quotes\"\n```",
  "Line\u2028separator inside a paragraph.",
  "RTL עברית and Arabic عربى in one line.",
];

const SECTIONS = ["china", "world", "economy", "sci-tech", "culture", "society"];

/** YAML for one value: JSON is a subset of YAML's flow style, with escapes for any character. */
const yamlValue = (value: unknown) => JSON.stringify(value);
const frontMatter = (fields: Record<string, unknown>) =>
  Object.entries(fields)
    .map(([key, value]) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key)}: ${typeof value === "string" && value.startsWith("\u0000RAW:") ? value.slice(5) : yamlValue(value)}`)
    .join("\n");
/** A value written into the YAML as it is, not quoted: `raw("[unclosed")`. */
const raw = (yaml: string) => `\u0000RAW:${yaml}`;
const article = (fields: Record<string, unknown>, body = "Body text.") => `---\n${frontMatter(fields)}\n---\n\n${body}\n`;

/** Every forbidden character class the contract names, as single characters. */
export const FORBIDDEN_SAMPLES = [
  "\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u000E", "\u001B", "\u001F",
  "\u007F", "\u0080", "\u0085", "\u009F",
  "\uD800", "\uDBFF", "\uDC00", "\uDFFF",
  "\uFDD0", "\uFDEF", "\uFFFE", "\uFFFF", "\u{1FFFE}", "\u{10FFFF}",
];

export interface GenerateOptions {
  seed: number;
  /** Cases in all: the targeted ones, then random mutations of valid articles up to this count. */
  total: number;
  /** Bytes of the few huge values (the total test time stays a few seconds). */
  hugeBytes?: number;
}

/** The cases, deterministic for a seed: targeted categories first, then mutations. */
export function generateArticleCases({ seed, total, hugeBytes = 1_000_000 }: GenerateOptions): ArticleCase[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const cases: ArticleCase[] = [];
  const pad = (n: number) => String(n).padStart(4, "0");
  const add = (category: string, verdict: Verdict, note: string, content: string | Uint8Array, fileName?: string) => {
    const index = cases.length;
    cases.push({ file: `${category}/${fileName ?? `${pad(index)}.md`}`, bytes: typeof content === "string" ? utf8(content) : content, category, verdict, note });
  };
  const validDate = () => {
    const day = `${int(2024, 2025)}-${String(int(1, 12)).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}`;
    return random() < 0.2 ? day : `${day}T${String(int(0, 23)).padStart(2, "0")}:${String(int(0, 59)).padStart(2, "0")}:00${pick(["+08:00", "Z", "-05:00", "+05:30", "+14:00", "-12:00"])}`;
  };
  const base = (extra: Record<string, unknown> = {}) => ({ title: pick(ODD_TITLES), date: validDate(), section: pick(SECTIONS), ...extra });
  const oddArticle = (extra: Record<string, unknown> = {}) => {
    const fields: Record<string, unknown> = base(extra);
    if (random() < 0.7 && !("tags" in extra)) fields.tags = Array.from({ length: int(1, 4) }, () => pick(ODD_TAGS));
    if (random() < 0.4 && !("summary" in extra)) fields.summary = pick(ODD_TITLES);
    if (random() < 0.3) fields.credit = pick(["New Society", "人民邮电报", "Agence <France> & Co"]);
    if (random() < 0.2) fields.correction = pick(ODD_TITLES);
    return article(fields, pick(ODD_BODIES));
  };

  // Odd but valid text everywhere: must be accepted.
  for (let n = 0; n < 120; n++) add("odd-valid", "accept", "odd but valid text", oddArticle());
  add("odd-valid", "accept", "BOM", `\uFEFF${oddArticle()}`);
  add("odd-valid", "accept", "CRLF line ends", oddArticle().replace(/\n/g, "\r\n"));
  add("odd-valid", "accept", "BOM and CRLF", `\uFEFF${oddArticle().replace(/\n/g, "\r\n")}`);
  add("odd-valid", "accept", "a carriage return and a tab in a title", article(base({ title: "Carriage\rreturn and\ttab" })));
  add("odd-valid", "accept", "an escaped surrogate pair (a crab)", article(base({ title: "\uD83E\uDD80 crab" })));

  // Wrong types in every field: must be rejected.
  const wrongTypes: Array<[string, string]> = [
    ["title", "42"], ["title", "[a, b]"], ["title", "{ a: b }"], ["title", "true"], ["title", "~"], ["title", '""'], ["title", '"   "'], ["title", "0x1F"], ["title", ".inf"],
    ["date", "20250301"], ["date", "[2025]"], ["date", "true"], ["date", "{ y: 2025 }"], ["date", "~"],
    ["section", "[china]"], ["section", "1"], ["section", "sport"], ["section", "China"],
    ["tags", "climate"], ["tags", "5"], ["tags", "{ a: 1 }"], ["tags", "[[a]]"], ["tags", "[1]"], ["tags", '[""]'], ["tags", "[~]"], ["tags", "[a, { b: c }]"],
    ["draft", '"yes"'], ["draft", "1"], ["draft", '"true"'], ["draft", "[true]"],
    ["image", '"x.jpg"'], ["image", "[]"], ["image", "{ src: a.jpg }"], ["image", "{ alt: x }"], ["image", "{ src: 1, alt: x }"], ["image", "{ src: https://example.org/a.jpg, alt: x }"], ["image", "{ src: missing.jpg, alt: x }"], ["image", '{ src: a.jpg, alt: "" }'],
    ["slug", "123"], ["slug", '"Not OK"'], ["slug", "a--b"], ["slug", "-a"], ["slug", "ünï"], ["slug", '""'],
    ["updated", '"2020-01-01"'], ["updated", "yesterday"], ["updated", "5"],
    ["lang", "jp"], ["lang", "1"], ["lang", "[en]"],
    ["summary", "1"], ["summary", '""'], ["credit", "[x]"], ["editor", "{ a: b }"], ["source", "false"], ["responsibleEditor", "7"], ["correction", '" "'], ["translationKey", "[k]"],
  ];
  for (const [field, value] of wrongTypes) {
    const fields: Record<string, unknown> = base();
    fields[field] = raw(value);
    add("wrong-types", "reject", `${field}: ${value}`, article(fields));
  }
  for (const missing of ["title", "date", "section"]) {
    const fields: Record<string, unknown> = base();
    delete fields[missing];
    add("wrong-types", "reject", `no ${missing}`, article(fields));
  }

  // Dates that do not exist or are not ISO 8601: must be rejected.
  for (const date of [
    "2025-02-30", "2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-03-01T25:00:00+08:00", "2025-03-01T09:60:00Z", "2025-03-01T09:00:60Z",
    "tomorrow", "", "2025/03/01", "1 March 2025", "2025-03-01T09:00:00+08:00 extra", "0000-00-00", "2025-W09-6", "2025-060", "+002025-03-01",
    "9999-12-31T23:59:59-12:00", "2025-03-01T09:00:00.1234567891+08:00", "2025-03-01T09:00:00+08:00[Asia/Shanghai]", "2025-3-1", "25-03-01", "2025-03-01T9:00",
  ]) {
    add("impossible-dates", "reject", `date ${JSON.stringify(date)}`, article(base({ date })));
  }
  add("impossible-dates", "reject", "updated on an impossible day", article(base({ date: "2025-03-01", updated: "2025-02-30" })));

  // Offsets: outside -12:00..+14:00 or minutes past 59 must be rejected; real ones accepted.
  for (const offset of ["+99:00", "+24:00", "-13:00", "+14:01", "-12:01", "+05:60", "+0599", "+15", "-23:59", "+14:30", "-99"]) {
    add("offsets", "reject", `offset ${offset}`, article(base({ date: `2025-03-01T09:00:00${offset}` })));
  }
  for (const offset of ["+14:00", "-12:00", "+0530", "+05", "Z", "-00:00", "+05:45", "+08:00", "z"]) {
    add("offsets", "accept", `offset ${offset}`, article(base({ date: `2025-03-01T09:00:00${offset}` })));
  }
  add("offsets", "reject", "updated with an offset no zone has", article(base({ date: "2025-03-01", updated: "2025-03-02T09:00:00+24:00" })));

  // The --- lines.
  const fields = () => frontMatter(base());
  add("delimiters", "reject", "unclosed, no body", `---\n${fields()}\n`);
  add("delimiters", "reject", "unclosed, with a body", `---\n${fields()}\n\nThe body was meant to start here.\n`);
  add("delimiters", "reject", "doubled opening ---", `---\n---\n${fields()}\n---\nBody\n`);
  add("delimiters", "reject", "no front matter at all", "Just a body, no fields.\n");
  add("delimiters", "reject", "opening --- after a space", ` ---\n${fields()}\n---\nBody\n`);
  add("delimiters", "reject", "opening ----", `----\n${fields()}\n----\nBody\n`);
  add("delimiters", "reject", "opening --- with text after it", `--- fields\n${fields()}\n---\nBody\n`);
  add("delimiters", "reject", "closed with ... instead of ---", `---\n${fields()}\n...\nBody\n`);
  add("delimiters", "reject", "empty file", "");
  add("delimiters", "reject", "an empty block", "---\n---\nBody\n");
  add("delimiters", "reject", "front matter after a blank line", `\n---\n${fields()}\n---\nBody\n`);
  add("delimiters", "reject", "lone CR line ends", `---\r${fields().replace(/\n/g, "\r")}\r---\rBody\r`);
  add("delimiters", "either", "a second --- after the closing one (a rule in the body)", `---\n${fields()}\n---\n---\nBody\n`);
  add("delimiters", "either", "closing --- with spaces after it", `---\n${fields()}\n---   \nBody\n`);
  add("delimiters", "either", "closing line ---x", `---\n${fields()}\n---x\nBody\n`);
  add("delimiters", "either", "closing --- at the end of the file, no line break", `---\n${fields()}\n---`);

  // YAML that does not parse, or is not fields.
  for (const yaml of [
    "title: [unclosed", 'title: "unclosed', "title: 'a''", "title: A\n  date: x", "image:\n\tsrc: a.jpg", "title: A\ntitle: B", 'title: !!js/function "x"',
    "title: !<tag:example.org,2025:x> y", "title: *nope", "title: A\n...\nfoo: b", ": no key", "- a\n- b", "just text", "title: A\n  - b", "title: {a: b", "title: |\n bad\n  indent\nx", "%YAML 1.1\ntitle: A",
    "title: &a A\ndate: *a", "? [complex, key]\n: value", "title: !!binary aGVsbG8=", "title: A\n\t\tdate: B", "\"title\": \"A\", \"date\"",
  ]) {
    add("yaml", "reject", `YAML ${JSON.stringify(yaml)}`, `---\n${yaml}\n---\nBody\n`);
  }
  add("yaml", "either", "nesting 1,000 deep in an unknown field", article(base({ deep: raw(`${"[".repeat(1000)}x${"]".repeat(1000)}`) })));
  add("yaml", "either", "nesting 100,000 deep in an unknown field (beyond the parser's stack)", article(base({ deep: raw(`${"[".repeat(100_000)}x${"]".repeat(100_000)}`) })));

  // Encodings: bytes that are not UTF-8 must be rejected.
  const valid = () => article(base());
  const utf16 = (text: string, littleEndian: boolean) => {
    const out = new Uint8Array(2 + text.length * 2);
    out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      out[2 + i * 2] = littleEndian ? unit & 0xff : unit >> 8;
      out[3 + i * 2] = littleEndian ? unit >> 8 : unit & 0xff;
    }
    return out;
  };
  add("encoding", "reject", "UTF-16 LE with BOM", utf16(valid(), true));
  add("encoding", "reject", "UTF-16 BE with BOM", utf16(valid(), false));
  add("encoding", "reject", "Latin-1 é in the title", concat("---\ntitle: Caf", Uint8Array.of(0xe9), `\n${frontMatter({ date: "2025-03-01", section: "china" })}\n---\nBody\n`));
  add("encoding", "reject", "Latin-1 in the body", concat(valid(), "Na", Uint8Array.of(0xef), "ve\n"));
  for (let n = 0; n < 6; n++) add("encoding", "reject", "random binary", Uint8Array.from({ length: int(64, 4096) }, () => int(0, 255)).map((byte, i) => (i === 0 ? 0xff : byte)));
  add("encoding", "reject", "NUL bytes in the body", concat(valid(), Uint8Array.of(0, 0, 0), "\n"));
  add("encoding", "reject", "an overlong encoding", concat(valid(), Uint8Array.of(0xc0, 0xaf), "\n"));
  add("encoding", "reject", "a sequence cut short at the end", concat(valid(), Uint8Array.of(0xe4, 0xba)));
  add("encoding", "reject", "a surrogate pair as CESU-8", concat(valid(), Uint8Array.of(0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80), "\n"));
  add("encoding", "reject", "a code point past U+10FFFF", concat(valid(), Uint8Array.of(0xf4, 0x90, 0x80, 0x80), "\n"));
  add("encoding", "reject", "a PNG's bytes named .md", concat(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), Uint8Array.from({ length: 200 }, () => int(0, 255))));

  // Control characters and noncharacters, as YAML escapes and raw: must be rejected.
  const textFields = ["title", "summary", "credit", "source", "editor", "responsibleEditor", "correction", "translationKey", "somethingUnknown"];
  for (const character of FORBIDDEN_SAMPLES) {
    // A lone surrogate is one UTF-16 unit; U+1FFFE and U+10FFFF are pairs, and noncharacters.
    const category = /^[\uD800-\uDFFF]$/.test(character) ? "surrogates" : character.codePointAt(0)! <= 0x9f ? "control" : "noncharacters";
    const escaped = (text: string) => raw(`"${[...text].map((c) => (c === character ? `\\U${c.codePointAt(0)!.toString(16).padStart(8, "0")}` : c)).join("")}"`);
    const surrogateEscape = (text: string) => raw(`"${text.replace(character, `\\u${character.charCodeAt(0).toString(16)}`)}"`);
    const inYaml = (text: string) => (category === "surrogates" ? surrogateEscape(text) : escaped(text));
    const field = pick(textFields);
    add(category, "reject", `${JSON.stringify(character)} escaped in ${field}`, article(base({ [field]: inYaml(`a${character}b`) })));
    add(category, "reject", `${JSON.stringify(character)} escaped in a tag`, article(base({ tags: raw(`[ok, ${inYaml(`t${character}`).slice(5)}]`) })));
    add(category, "reject", `${JSON.stringify(character)} escaped in image.caption`, article(base({ image: raw(`{ src: a.jpg, alt: fine, caption: ${inYaml(`c${character}`).slice(5)} }`) })));
    add(category, "reject", `${JSON.stringify(character)} escaped in a key`, article(base({ [`key${character}`]: 1 })));
    if (category === "surrogates") {
      // A lone surrogate has no UTF-8 form: a file can only hold its WTF-8 bytes, which are invalid.
      const units = character.charCodeAt(0);
      const wtf8 = Uint8Array.of(0xe0 | (units >> 12), 0x80 | ((units >> 6) & 0x3f), 0x80 | (units & 0x3f));
      add(category, "reject", `${JSON.stringify(character)} raw in the body (WTF-8 bytes)`, concat(valid(), "Half ", wtf8, " a character.\n"));
      add(category, "reject", `${JSON.stringify(character)} raw in the title (WTF-8 bytes)`, concat("---\ntitle: Half ", wtf8, `\n${frontMatter({ date: "2025-03-01", section: "china" })}\n---\nBody\n`));
    } else {
      add(category, "reject", `${JSON.stringify(character)} raw in the body`, `${valid()}One ${character} two.\n`);
      add(category, "reject", `${JSON.stringify(character)} raw in a plain YAML value`, `---\ntitle: Raw ${character} here\n${frontMatter({ date: "2025-03-01", section: "china" })}\n---\nBody\n`);
      add(category, "reject", `${JSON.stringify(character)} raw in a YAML comment`, `---\n# note ${character}\n${frontMatter(base())}\n---\nBody\n`);
    }
  }
  add("control", "reject", "an ANSI escape sequence in the title", article(base({ title: "\u001B[2J\u001B[31mred" })));
  add("control", "reject", "a control character in a file name", valid(), "bad\u0001name.md");
  add("control", "reject", "a line break in a file name", valid(), "two\nlines.md");
  add("control", "reject", "a noncharacter in a file name", valid(), "non\uFFFEchar.md");

  // Huge values: a few files of about a megabyte.
  const huge = "lorem ipsum ".repeat(Math.ceil(hugeBytes / 12)).slice(0, hugeBytes);
  add("huge", "accept", "a 1 MB body", article(base(), huge));
  add("huge", "either", "a 1 MB title", article(base({ title: huge })));
  add("huge", "reject", "a 1 MB date", article(base({ date: `2025-03-01${huge}` })));
  add("huge", "reject", "a 1 MB section", article(base({ section: huge })));
  add("huge", "reject", "a 1 MB tag", article(base({ tags: [huge.replace(/ /g, "x")] })));
  add("huge", "either", "a 1 MB field name", article(base({ [huge.replace(/ /g, "_")]: 1 })));
  add("huge", "either", "a front matter block of 100,000 blank lines", `---\n${"\n".repeat(100_000)}${fields()}\n---\nBody\n`);
  add("huge", "either", "100,000 tags that are one alias", article(base({ one: raw("&t tag"), tags: raw(`[${Array(100_000).fill("*t").join(",")}]`) })));

  // YAML alias bombs (billion laughs) and cycles.
  const bomb = (leaf: string) => {
    const lines = [`l0: &l0 [${Array(9).fill(leaf).join(", ")}]`];
    for (let level = 1; level < 10; level++) lines.push(`l${level}: &l${level} [${Array(9).fill(`*l${level - 1}`).join(", ")}]`);
    return lines.join("\n");
  };
  const bombed = (leaf: string, use: string) => `---\n${bomb(leaf)}\n${frontMatter(base())}\n${use}\n---\nBody\n`;
  add("alias-bombs", "either", "a billion laughs in unknown fields", bombed("lol", ""));
  add("alias-bombs", "reject", "a billion laughs as tags", bombed("lol", "tags: *l9").replace(/\ntags: \[[^\n]*\]/, ""));
  add("alias-bombs", "reject", "a billion laughs as the title", bombed("lol", "").replace(/\ntitle: [^\n]*/, "\ntitle: *l9"));
  add("alias-bombs", "reject", "a billion laughs of control characters", bombed('"\\x01"', ""));
  add("alias-bombs", "either", "a cyclic alias in an unknown field", `---\n${frontMatter(base())}\nloop: &x [*x]\n---\nBody\n`);
  add("alias-bombs", "reject", "a cyclic alias in the image", `---\n${frontMatter(base())}\nimage: &x { src: a.jpg, alt: x, caption: *x }\n---\nBody\n`);
  add("alias-bombs", "reject", "a merge key that loops", `---\n${frontMatter(base())}\nimage: &x { src: a.jpg, <<: *x }\n---\nBody\n`);

  // Keys that name Object.prototype's members.
  for (const yaml of ["__proto__: { polluted: yes }", "constructor: { prototype: { polluted: yes } }", '"__proto__": "x"', "toString: x", "hasOwnProperty: 1", "valueOf: []", "prototype: { polluted: yes }"]) {
    add("prototype", "either", yaml, `---\n${frontMatter(base())}\n${yaml}\n---\nBody\n`);
  }
  add("prototype", "reject", "image whose alt hides under __proto__", `---\n${frontMatter(base())}\nimage: { src: a.jpg, __proto__: { alt: x } }\n---\nBody\n`);
  add("prototype", "reject", "tags as a map with __proto__", `---\n${frontMatter(base())}\ntags: { __proto__: [a] }\n---\nBody\n`);
  add("prototype", "reject", "__proto__ as the title's value holder", `---\n__proto__: { title: A }\ndate: 2025-03-01\nsection: china\n---\nBody\n`);

  // Names that must fit a folder: a tag's segment at most 245 bytes, a slug at most 255.
  const latin = (n: number) => "x".repeat(n);
  add("long-names", "accept", "a Latin tag of 245 bytes", article(base({ tags: [latin(245)] })));
  add("long-names", "reject", "a Latin tag of 246 bytes", article(base({ tags: [latin(246)] })));
  add("long-names", "reject", "a Latin tag of 500 bytes", article(base({ tags: ["ok", latin(500)] })));
  add("long-names", "accept", "a Chinese tag of 81 characters (243 bytes)", article(base({ tags: ["港".repeat(81)] })));
  add("long-names", "reject", "a Chinese tag of 82 characters (246 bytes)", article(base({ tags: ["港".repeat(82)] })));
  add("long-names", "reject", "a Chinese tag of 500 characters", article(base({ tags: ["人工智能".repeat(125)] })));
  add("long-names", "accept", "a tag of 49 plus signs (244 bytes spelled out)", article(base({ tags: ["+".repeat(49)] })));
  add("long-names", "reject", "a tag of 50 plus signs (249 bytes spelled out)", article(base({ tags: ["+".repeat(50)] })));
  add("long-names", "accept", "a tag of 500 emoji (its segment is 'tag')", article(base({ tags: ["🦀".repeat(500)] })));
  add("long-names", "accept", "a slug of 255 characters", article(base({ slug: `s${pad(cases.length)}-${"a".repeat(249)}` })));
  add("long-names", "reject", "a slug of 256 characters", article(base({ slug: `s${pad(cases.length)}-${"a".repeat(250)}` })));
  add("long-names", "reject", "a slug of 5,000 characters", article(base({ slug: "a".repeat(5000) })));
  add("long-names", "reject", "a file name whose slug is too long (& becomes and)", valid(), `${"a&".repeat(60)}.md`);
  add("long-names", "accept", "a file name of 250 bytes", valid(), `${"f".repeat(247)}.md`);
  add("long-names", "either", "a Chinese file name (its slug is the default)", valid(), "夜间渡轮.md");

  // Random mutations of valid articles, byte by byte.
  const snippets = [
    "---\n", "\n---\n", ":", '"', "'", "[", "{", "]", "}", "&a ", "*a", "!!binary ", "\t", "\r", "\r\n", "\n", "# c\n", "  ", "%", "@", "`", "|", ">", "? ", "- ",
    "\\u0001", "\\uD800", "\\x85", "\\U0010FFFF", "🦀", "人", "\uFEFF", "\u2028", "\u0000", "\u0085", "\uFDD0", "\uFFFE", "\u001B[31m",
  ];
  const yamlLines = ["tags: [a, b", "date: 2025-02-30", "date: 2025-03-01T09:00:00+24:00", "title:", "section: sport", "image: { src: a.jpg }", "draft: yes", "slug: Bad Slug", "tags: *nope", "<<: *a", "title: &a x"];
  while (cases.length < total) {
    let bytes = utf8(oddArticle());
    const steps = int(1, 3);
    const applied: string[] = [];
    for (let step = 0; step < steps; step++) {
      const at = int(0, bytes.length);
      const operation = int(0, 8);
      if (operation === 0) {
        const byte = int(0, 255);
        bytes = concat(bytes.slice(0, at), Uint8Array.of(byte), bytes.slice(at));
        applied.push(`insert byte 0x${byte.toString(16)} at ${at}`);
      } else if (operation === 1) {
        const snippet = pick(snippets);
        bytes = concat(bytes.slice(0, at), snippet, bytes.slice(at));
        applied.push(`insert ${JSON.stringify(snippet)} at ${at}`);
      } else if (operation === 2) {
        const length = int(1, 20);
        bytes = concat(bytes.slice(0, at), bytes.slice(at + length));
        applied.push(`delete ${length} at ${at}`);
      } else if (operation === 3 || operation === 4 || operation === 7) {
        const text = new TextDecoder().decode(bytes);
        const lines = text.split("\n");
        const line = int(0, lines.length - 1);
        if (operation === 3) lines.splice(line, 0, lines[line]!);
        else if (operation === 4) [lines[line], lines[0]] = [lines[0]!, lines[line]!];
        else lines[line] = pick(yamlLines);
        bytes = utf8(lines.join("\n"));
        applied.push(`${["", "", "", "duplicate", "swap with the first", "", "", "replace"][operation]} line ${line}`);
      } else if (operation === 5) {
        const bit = 1 << int(0, 7);
        if (at < bytes.length) bytes[at] = bytes[at]! ^ bit;
        applied.push(`flip bit ${bit} at ${at}`);
      } else if (operation === 6) {
        bytes = bytes.slice(0, at);
        applied.push(`truncate at ${at}`);
      } else {
        const invalid = pick([[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]]);
        bytes = concat(bytes.slice(0, at), Uint8Array.from(invalid), bytes.slice(at));
        applied.push(`insert invalid bytes at ${at}`);
      }
    }
    add("mutations", "either", applied.join("; "), bytes);
  }
  return cases;
}

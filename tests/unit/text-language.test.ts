import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { langAttribute, textLanguage, textLanguagesOf, writingSystemOf, type TextLanguages } from "../../src/text/text-language.ts";
import { readSettings } from "../../src/config/site-settings.ts";
import { projectRoot } from "../helpers/site.ts";

const EDITIONS = [
  { lang: "en", htmlLang: "en" },
  { lang: "zh", htmlLang: "zh-Hans" },
];
const onEnglish = textLanguagesOf(EDITIONS, 0);
const onChinese = textLanguagesOf(EDITIONS, 1);

/** Text, the `lang` it gets on an English page, and on a Chinese page. */
const CASES: Array<[string, string | undefined, string | undefined]> = [
  ["人工智能", "zh", undefined],
  ["非遗", "zh", undefined],
  ["数据与“人工智能”：<规则>", "zh", undefined],
  ["AI大模型进入千行百业", "zh", undefined], // 9 characters, 2 Latin letters
  ["5G网络", "zh", undefined],
  ["C919大飞机", "zh", undefined],
  ["中", "zh", undefined],
  ["人工智能 reshapes 碳中和 plans — a test of “CJK” titles", undefined, undefined], // mixed: left alone
  ["iPhone 16 发布", undefined, undefined],
  ["Harbour City opens night ferry", undefined, "en"],
  ["public health", undefined, "en"],
  ["open data", undefined, "en"],
  ["GDP", undefined, "en"],
  ['Data & "AI": <Rules>', undefined, "en"],
  ["Café society", undefined, "en"],
  ["5G", undefined, undefined],
  ["C++", undefined, undefined],
  ["C#", undefined, undefined],
  ["AI", undefined, undefined],
  ["2025", undefined, undefined],
  ["", undefined, undefined],
  ["— ✓ 🦀", undefined, undefined],
  ["Why 元宇宙 matters", undefined, undefined], // has Chinese: not English on a Chinese page
];

describe("writingSystemOf", () => {
  it("reads an edition's script from its language, as Unicode's likely subtags give it", () => {
    expect(writingSystemOf("en")).toEqual({ lang: "en", scripts: ["Latn"], characters: false });
    expect(writingSystemOf("zh", "zh-Hans")).toEqual({ lang: "zh", scripts: ["Han"], characters: true });
    expect(writingSystemOf("zh", "zh-Hant")).toEqual({ lang: "zh", scripts: ["Han"], characters: true });
    expect(writingSystemOf("ja")).toEqual({ lang: "ja", scripts: ["Han", "Hiragana", "Katakana"], characters: true });
    expect(writingSystemOf("ko")).toEqual({ lang: "ko", scripts: ["Hangul", "Han"], characters: true });
    expect(writingSystemOf("ru").scripts).toEqual(["Cyrl"]);
  });

  it("is what the site's editions get, from _data/site.json and _data/editions/", () => {
    const { editions } = readSettings(path.join(projectRoot, "_data"));
    expect(editions.map((edition) => edition.textLanguages)).toEqual([onEnglish, onChinese]);
  });
});

describe("textLanguage", () => {
  it.each(CASES)("%j: %s on an English page, %s on a Chinese page", (text, english, chinese) => {
    expect(textLanguage(text, onEnglish)).toBe(english);
    expect(textLanguage(text, onChinese)).toBe(chinese);
  });

  it("never marks text of the page's own script, whatever the other editions", () => {
    const onlyEnglish = textLanguagesOf([{ lang: "en", htmlLang: "en" }], 0);
    expect(textLanguage("人工智能", onlyEnglish)).toBeUndefined();
    expect(textLanguage("Harbour ferry", onEnglish)).toBeUndefined();
  });

  it("tells the editions apart by script: Kana is Japanese, Hangul Korean, Cyrillic Russian", () => {
    const editions = [
      { lang: "en", htmlLang: "en" },
      { lang: "ja", htmlLang: "ja" },
      { lang: "ko", htmlLang: "ko" },
      { lang: "ru", htmlLang: "ru" },
    ];
    const english = textLanguagesOf(editions, 0);
    expect(textLanguage("東京タワー", english)).toBe("ja");
    expect(textLanguage("한국어 뉴스", english)).toBe("ko");
    expect(textLanguage("Москва", english)).toBe("ru");
    expect(textLanguage("Harbour ferry", textLanguagesOf(editions, 3))).toBe("en");
  });

  it("prints an attribute, or nothing", () => {
    expect(langAttribute("人工智能", onEnglish)).toBe(' lang="zh"');
    expect(langAttribute("climate", onEnglish)).toBe("");
  });
});

describe("the search page's copy of the rule (src/client/text-language.js)", () => {
  it("gives the same answer on every case", async () => {
    const client = (await import(pathToFileURL(path.join(projectRoot, "src/client/text-language.js")).href)) as {
      textLanguage: (text: string, languages: TextLanguages) => string | undefined;
    };
    for (const [text] of CASES) {
      // The page carries the table as JSON, so the script reads it as JSON.
      for (const languages of [onEnglish, onChinese]) {
        expect(client.textLanguage(text, JSON.parse(JSON.stringify(languages))), text).toBe(textLanguage(text, languages));
      }
    }
  });
});

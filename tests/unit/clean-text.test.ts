import { describe, expect, it } from "vitest";
import {
  decodeUtf8,
  escapeInvisible,
  findDirtyStrings,
  findForbiddenCharacter,
  firstInvalidUtf8Byte,
  forbiddenCharacterReason,
  hasForbiddenCharacter,
} from "../../src/content/clean-text.ts";
import yaml from "js-yaml";

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;

describe("forbidden characters", () => {
  const forbidden = [
    0x00, 0x01, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f, // C0 but tab, LF, CR
    0x7f, 0x80, 0x85, 0x9f, // DEL and C1
    0xfdd0, 0xfdef, 0xfffe, 0xffff, 0x1fffe, 0x1ffff, 0x10fffe, 0x10ffff, // noncharacters
  ];
  it.each(forbidden.map(hex))("%s is refused", (name) => {
    const codePoint = Number.parseInt(name.slice(2), 16);
    const text = `ok ${String.fromCodePoint(codePoint)} ok`;
    expect(findForbiddenCharacter(text)).toEqual({ codePoint, index: 3, line: 1 });
  });

  it("refuses lone surrogates, high or low or in the wrong order, and keeps pairs", () => {
    expect(findForbiddenCharacter("a\uD800")?.codePoint).toBe(0xd800);
    expect(findForbiddenCharacter("\uDFFFa")?.codePoint).toBe(0xdfff);
    expect(findForbiddenCharacter("\uDC00\uD800")?.codePoint).toBe(0xdc00);
    expect(hasForbiddenCharacter("emoji 🦀 and 𠜎")).toBe(false);
  });

  it("keeps tab, line ends and every other character: neighbours of the refused ones, BOM, U+FFFD, U+2028, CJK", () => {
    const allowed = "\t\n\r \u00A0 \uFDCF \uFDF0 \uFFFD \uFEFF \u2028 \u200B 人工智能 \u{1FFFD} \u{10FFFD} <>&\"'";
    expect(findForbiddenCharacter(allowed)).toBeUndefined();
  });

  it("gives the line of the first one", () => {
    expect(findForbiddenCharacter("one\ntwo\nth\u0001ree\u0002")).toEqual({ codePoint: 1, index: 10, line: 3 });
  });

  it("says what the character is and what to do", () => {
    expect(forbiddenCharacterReason(findForbiddenCharacter("\u0001")!)).toBe("contains the control character U+0001; delete it");
    expect(forbiddenCharacterReason(findForbiddenCharacter("\uFFFE")!, 3)).toBe("contains the noncharacter U+FFFE (and 2 more such characters); delete it");
    expect(forbiddenCharacterReason(findForbiddenCharacter("\uD800")!)).toMatch(/^contains a lone surrogate U\+D800 \(half of a character/);
  });

  it("escapes them, tabs and line breaks for a report line", () => {
    expect(escapeInvisible("a\tb\nc\r\u0001\u001B[31m\uD800\uFFFF ok 🦀")).toBe("a\\tb\\nc\\r\\u{1}\\u{1B}[31m\\u{D800}\\u{FFFF} ok 🦀");
  });
});

describe("findDirtyStrings", () => {
  it("finds them in any string of parsed front matter, nested, in lists, in keys, in order", () => {
    const data = yaml.load(
      'title: "ok"\ntags: [a, b, "c\\x01"]\nimage: { src: a.jpg, alt: fine, caption: "\\uFFFE" }\n"ke\\x7Fy": 1\nextra: { deep: [[{ x: "\\uD800" }]] }\n',
      { schema: yaml.CORE_SCHEMA },
    );
    expect(findDirtyStrings(data).map((found) => [found.path.join("."), found.inKey, hex(found.found.codePoint)])).toEqual([
      ["tags.2", false, "U+0001"],
      ["image.caption", false, "U+FFFE"],
      ["ke\u007Fy", true, "U+007F"],
      ["extra.deep.0.0.x", false, "U+D800"],
    ]);
  });

  it("walks a YAML alias bomb (billion laughs) in linear time, and a cyclic alias without hanging", () => {
    const levels = ["a: &a [\"x\\x01\", x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 12; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    const bomb = yaml.load(levels.join("\n"), { schema: yaml.CORE_SCHEMA }); // 9^12 strings expanded
    const started = performance.now();
    const dirty = findDirtyStrings(bomb);
    expect(performance.now() - started).toBeLessThan(200);
    expect(dirty.map((found) => found.path.join("."))).toEqual(["a.0"]);
    const cycle = yaml.load('image: &x { src: a.jpg, alt: "\\x02", caption: *x }', { schema: yaml.CORE_SCHEMA });
    expect(findDirtyStrings(cycle).map((found) => found.path.join("."))).toEqual(["image.alt"]);
  });

  it("walks nesting deeper than the call stack", () => {
    let deep: unknown = "\u0001";
    for (let level = 0; level < 200_000; level++) deep = [deep];
    expect(findDirtyStrings({ x: deep })[0]?.path).toHaveLength(200_001);
  });
});

describe("decodeUtf8", () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);

  it("decodes UTF-8 and keeps a byte-order mark, as readFileSync(file, 'utf8') does", () => {
    expect(decodeUtf8(new TextEncoder().encode("\uFEFF---\ntitle: 人工智能 🦀\n"))).toEqual({ text: "\uFEFF---\ntitle: 人工智能 🦀\n" });
  });

  it("names the first invalid byte and its line", () => {
    expect(decodeUtf8(bytes(0x61, 0x0a, 0x62, 0xff, 0x63))).toEqual({ invalidAt: 3, byte: 0xff, line: 2 });
    expect(decodeUtf8(bytes(0x43, 0x61, 0x66, 0xe9, 0x0a))).toEqual({ invalidAt: 3, byte: 0xe9, line: 1 }); // Latin-1 é
  });

  it("refuses overlong forms, encoded surrogates, code points past U+10FFFF and cut sequences", () => {
    expect(firstInvalidUtf8Byte(bytes(0xc0, 0x80))).toBe(0); // overlong NUL
    expect(firstInvalidUtf8Byte(bytes(0x41, 0xe0, 0x80, 0x80))).toBe(1); // overlong
    expect(firstInvalidUtf8Byte(bytes(0xed, 0xa0, 0x80))).toBe(0); // U+D800 as bytes (CESU-8, WTF-8)
    expect(firstInvalidUtf8Byte(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // U+110000
    expect(firstInvalidUtf8Byte(bytes(0x41, 0x42, 0xe4, 0xba))).toBe(2); // cut short at the end
    expect(firstInvalidUtf8Byte(bytes(0xe4, 0xba, 0xba, 0xf0, 0x9f, 0xa6, 0x80))).toBe(7); // 人🦀: all valid
  });

  it("agrees with the platform's strict decoder on 20,000 random byte strings", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) & 0xff;
    const strict = new TextDecoder("utf-8", { fatal: true });
    for (let run = 0; run < 20_000; run++) {
      // Mostly valid-looking lead and continuation bytes, so the hard cases come up often.
      const length = random() % 8;
      const sample = Uint8Array.from({ length }, () => [0x41, 0x80, 0xbf, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, random()][random() % 9]!);
      let valid = true;
      try {
        strict.decode(sample);
      } catch {
        valid = false;
      }
      expect(firstInvalidUtf8Byte(sample) === sample.length, Array.from(sample, (byte) => byte.toString(16)).join(" ")).toBe(valid);
    }
  });
});

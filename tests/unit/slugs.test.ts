import { describe, expect, it } from "vitest";
import slugify from "@sindresorhus/slugify";
import { articleSlug, headlineSlug, isArticleSlug, MAX_SEGMENT_BYTES, MAX_TAG_SEGMENT_BYTES, segmentBytes, tagKey, tagSlug } from "../../src/slugs/slugs.ts";

describe("tagKey", () => {
  it("treats tags that differ only in case or spacing as one", () => {
    expect(tagKey("  Climate ")).toBe(tagKey("climate"));
    expect(tagKey("Public   Health")).toBe("public health");
  });

  it("keeps different symbols apart", () => {
    expect(tagKey("C++")).not.toBe(tagKey("C#"));
  });
});

describe("tagSlug", () => {
  it("keeps letters of any script", () => {
    expect(tagSlug("人工智能")).toBe("人工智能");
    expect(tagSlug("碳中和 2030")).toBe("碳中和-2030");
  });

  it("spells out symbols so C++ and C# get different URLs", () => {
    expect(tagSlug("C++")).toBe("c-plus-plus");
    expect(tagSlug("C#")).toBe("c-sharp");
    expect(tagSlug("AT&T")).toBe("at-and-t");
  });

  it("lowercases and joins words with hyphens", () => {
    expect(tagSlug("5G")).toBe("5g");
    expect(tagSlug("Public Health")).toBe("public-health");
    expect(tagSlug("Node.js")).toBe("node-js");
  });

  it("never returns an empty segment", () => {
    expect(tagSlug("---")).toBe("tag");
  });
});

describe("articleSlug", () => {
  it("makes a URL-safe slug from a file name or headline", () => {
    expect(articleSlug("Harbour City opens night ferry")).toBe("harbour-city-opens-night-ferry");
    expect(articleSlug('Data & "AI": <Rules>')).toBe("data-and-ai-rules");
    expect(articleSlug("2025-harbour_city Ferry")).toBe("2025-harbour-city-ferry");
  });

  it("keeps the letters of every script, as a tag's slug does, so a Chinese file name is its URL", () => {
    expect(articleSlug("数字中国")).toBe("数字中国");
    expect(articleSlug("数字中国 2025")).toBe("数字中国-2025");
    expect(articleSlug("5G网络覆盖全市")).toBe("5g网络覆盖全市");
    expect(articleSlug("东京タワー")).toBe("东京タワー");
    expect(articleSlug("한국어 뉴스")).toBe("한국어-뉴스");
    expect(articleSlug("Москва")).toBe("москва");
    expect(articleSlug("数字中国")).not.toBe(articleSlug("港城夜渡"));
    expect(articleSlug("!!! 🦀")).toBe("article");
  });

  it("spells out symbols, as a tag's slug does", () => {
    expect(articleSlug("C++ guide")).toBe("c-plus-plus-guide");
    expect(articleSlug("C# tips")).toBe("c-sharp-tips");
    expect(articleSlug("50% off")).toBe("50-percent-off");
    expect(articleSlug("R&D")).toBe("r-and-d");
  });

  it("gives a Latin file name the ASCII slug it always had, accents and all", () => {
    // The slugs of Latin text before issue 16 (slugify), where no symbol is spelled out.
    const before: Array<[string, string]> = [
      ["Café ferry", "cafe-ferry"],
      ["Straße", "strasse"],
      ["Œuvre naïve", "oeuvre-naive"],
      ["ÆØÅ", "aeoa"],
      ["İstanbul", "istanbul"],
      ["Conway's Law", "conways-law"],
      ["don’t stop", "dont-stop"],
      ["Ferry_2025--late", "ferry-2025-late"],
      ["e\u0301te\u0301", "ete"],
    ];
    for (const [name, slug] of before) {
      expect(articleSlug(name), name).toBe(slug);
      expect(articleSlug(name), name).toBe(slugify(name, { decamelize: false }));
    }
    // And the same on a seeded run of Latin names of letters, digits, accents, spaces and dashes.
    const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,:éèêëàâäôöûüùçñßøåæœÉÀÖÜÇ'";
    let seed = 20261130;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let index = 0; index < 2000; index += 1) {
      const name = Array.from({ length: 1 + Math.floor(next() * 30) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
      expect(articleSlug(name), name).toBe(slugify(name, { decamelize: false }) || "article");
    }
  });
});

describe("isArticleSlug", () => {
  it("takes a slug of any script as a file of that name would get it, and nothing else", () => {
    for (const slug of ["night-ferry", "数字中国", "5g网络-2025", "москва", "c-plus-plus", "2025"]) expect(isArticleSlug(slug), slug).toBe(true);
    for (const slug of ["Night-ferry", "night ferry", "a--b", "-a", "a-", "ünï", "c++", "数字/中国", "", "e\u0301te\u0301"]) expect(isArticleSlug(slug), slug).toBe(false);
  });
});

describe("segmentBytes", () => {
  it("counts a segment as the file system does, in UTF-8 bytes", () => {
    expect(segmentBytes("night-ferry")).toBe(11);
    expect(segmentBytes("人工智能")).toBe(12);
    expect(segmentBytes("🦀")).toBe(4);
  });

  it("keeps a folder name within 255 bytes, and a tag's with room for a -2 suffix", () => {
    expect(MAX_SEGMENT_BYTES).toBe(255);
    expect(MAX_TAG_SEGMENT_BYTES + "-999999999".length).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
  });

  it("shows why a tag's length is not its segment's: symbols are spelled out", () => {
    expect(segmentBytes(tagSlug("+".repeat(60)))).toBeGreaterThan(MAX_TAG_SEGMENT_BYTES);
    expect(segmentBytes(tagSlug("!".repeat(1000)))).toBe(3); // "tag"
  });
});

describe("headlineSlug", () => {
  it("keeps a short headline whole and cuts a long one at a word, never past the limit", () => {
    expect(headlineSlug("Harbour City opens night ferry")).toBe("harbour-city-opens-night-ferry");
    expect(headlineSlug("Harbour City opens night ferry", 20)).toBe("harbour-city-opens");
    const long = headlineSlug("word ".repeat(200));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^word(?:-word)+$/);
    expect(headlineSlug("x".repeat(300)).length).toBe(80);
  });

  it("keeps a Chinese headline readable, and its file name within 255 bytes whatever the script", () => {
    expect(headlineSlug("港城开通夜间渡轮：末班船延至零点")).toBe("港城开通夜间渡轮-末班船延至零点");
    const astral = headlineSlug("𠀀".repeat(100)); // 4 bytes a character
    expect(segmentBytes(`${astral}.md`)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
    expect(astral).toBe("𠀀".repeat(63)); // whole characters, never half a surrogate pair
  });
});

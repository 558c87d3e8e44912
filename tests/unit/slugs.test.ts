import { describe, expect, it } from "vitest";
import { articleSlug, headlineSlug, MAX_SEGMENT_BYTES, MAX_TAG_SEGMENT_BYTES, segmentBytes, tagKey, tagSlug } from "../../src/slugs/slugs.ts";

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
});

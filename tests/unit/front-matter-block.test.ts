import { describe, expect, it } from "vitest";
import { cutFrontMatter, splitFrontMatter } from "../../src/content/front-matter-block.ts";

describe("splitFrontMatter", () => {
  it("reads the fields between the --- lines and keeps the body after the closing line", () => {
    expect(splitFrontMatter("---\ntitle: A\ntags: [x, y]\n---\n\nBody.\n")).toEqual({ data: { title: "A", tags: ["x", "y"] }, body: "\nBody.\n" });
  });

  it("keeps dates as written, so the schema reads their offsets", () => {
    expect(splitFrontMatter("---\ndate: 2025-03-01T08:00:00+08:00\n---\n").data).toEqual({ date: "2025-03-01T08:00:00+08:00" });
  });

  it("allows spaces after the opening ---", () => {
    expect(splitFrontMatter("--- \ntitle: A\n---\nBody\n")).toEqual({ data: { title: "A" }, body: "Body\n" });
  });

  it("reads files saved with Windows line ends or a byte-order mark", () => {
    expect(splitFrontMatter("\uFEFF---\r\ntitle: A\r\n---\r\n\r\nBody.\r\n")).toEqual({ data: { title: "A" }, body: "\r\nBody.\r\n" });
  });

  it("gives no fields for a file without front matter, or with an empty or comment-only block", () => {
    expect(splitFrontMatter("Just text.\n")).toEqual({ data: {}, body: "Just text.\n" });
    expect(splitFrontMatter("---\n---\nBody\n")).toEqual({ data: {}, body: "Body\n" });
    expect(splitFrontMatter("---\n# a note\n---\nBody\n")).toEqual({ data: {}, body: "Body\n" });
  });

  it("throws on YAML that does not parse, or that is not a list of fields", () => {
    expect(() => splitFrontMatter("---\ntitle: [unclosed\n---\n")).toThrow();
    expect(() => splitFrontMatter("---\n- a\n- b\n---\n")).toThrow(/must be fields/);
  });

  it("takes an unclosed block as all front matter and no body", () => {
    expect(cutFrontMatter("---\ntitle: A\n")).toEqual({ block: "\ntitle: A\n", body: "" });
  });
});

import { describe, expect, it } from "vitest";
import { cutFrontMatter, locateFrontMatter, splitFrontMatter, UNCLOSED_MESSAGE } from "../../src/content/front-matter-block.ts";

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

  it("refuses an unclosed block with its own message, whether or not a body follows", () => {
    expect(UNCLOSED_MESSAGE).toBe("opened at line 1 is never closed (add a line with --- after the fields)");
    expect(() => splitFrontMatter("---\ntitle: A\n")).toThrow(UNCLOSED_MESSAGE);
    expect(() => splitFrontMatter("---\ntitle: A\ndate: 2025-03-01\n\nThe body, meant to start here.\n")).toThrow(UNCLOSED_MESSAGE);
    expect(() => splitFrontMatter("\uFEFF---\r\ntitle: A\r\n")).toThrow(UNCLOSED_MESSAGE);
    expect(() => splitFrontMatter("---\n")).toThrow(UNCLOSED_MESSAGE);
  });

  it("refuses a file whose lines end in a lone carriage return, where --- opens nothing", () => {
    expect(() => splitFrontMatter("---\rtitle: A\r---\rBody\r")).toThrow(/lone carriage return/);
  });

  it("says on which line of the file the body starts, for problems found in it", () => {
    expect(locateFrontMatter("---\ntitle: A\n---\n\nBody.\n").bodyLine).toBe(4);
    expect(locateFrontMatter("\uFEFF---\r\ntitle: A\r\ndate: x\r\n---   \r\nBody.\r\n").bodyLine).toBe(5);
    expect(locateFrontMatter("---\n---\nBody\n").bodyLine).toBe(3);
    expect(locateFrontMatter("Just text.\n").bodyLine).toBe(1);
  });

  it("reads a block of many blank lines in linear time", () => {
    const started = performance.now();
    expect(splitFrontMatter(`---\n${"\n".repeat(100_000)}title: A\n---\nBody\n`).data).toEqual({ title: "A" });
    expect(splitFrontMatter(`---\n${"\n".repeat(1_000_000)}# note\n---\nBody\n`).data).toEqual({});
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

import { describe, expect, it } from "vitest";
import { EXCERPT_LENGTH, excerpt, fieldName, formatProblem, quote } from "../../src/content/problems.ts";

describe("quoting input in a problem", () => {
  it("quotes a short value whole", () => {
    expect(quote("March 1st")).toBe('"March 1st"');
  });

  it("cuts a long value to an excerpt and says how long it was", () => {
    expect(quote("x".repeat(5_000_000))).toBe(`"${"x".repeat(EXCERPT_LENGTH)}…" (5,000,000 characters)`);
  });

  it("never cuts a character in half", () => {
    const cut = excerpt(`${"a".repeat(59)}🦀🦀`, 60);
    expect(cut).toBe(`${"a".repeat(59)}…`);
  });

  it("writes line breaks and control characters as escapes, so one problem stays one line", () => {
    expect(quote("two\nlines\u001B[2J")).toBe('"two\\nlines\\u{1B}[2J"');
  });

  it("shows an empty field name, and cuts a long one", () => {
    expect(fieldName("")).toBe('""');
    expect(fieldName("k".repeat(1000))).toBe(`${"k".repeat(60)}…`);
  });

  it("escapes what a file name carries too", () => {
    expect(formatProblem({ file: "articles/a\u0007.md", field: "file", reason: "r", severity: "error" })).toBe("articles/a\\u{7}.md: file: r");
  });
});

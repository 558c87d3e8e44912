import { describe, expect, it } from "vitest";
import { appendCredit, createMarkdown, firstParagraphText } from "../../src/markdown/markdown.ts";

describe("appendCredit", () => {
  it("closes the last paragraph with the credit in parentheses, escaped", () => {
    expect(appendCredit("<p>One.</p>\n<p>Two.</p>\n", "Smith & Sons")).toBe(
      '<p>One.</p>\n<p>Two. <span class="bs-article__credit">(Smith &amp; Sons)</span></p>\n',
    );
  });

  it("gives the credit its own paragraph after a list", () => {
    expect(appendCredit("<ul>\n<li>a</li>\n</ul>\n", "Eastern Wire")).toBe(
      '<ul>\n<li>a</li>\n</ul>\n<p><span class="bs-article__credit">(Eastern Wire)</span></p>\n',
    );
  });

  it("leaves the body alone without a credit", () => {
    expect(appendCredit("<p>x</p>\n", undefined)).toBe("<p>x</p>\n");
  });
});

describe("the newsroom's Markdown", () => {
  const md = createMarkdown();

  it("marks external links", () => {
    expect(md.render("[a](https://example.org/) [b](/china/)")).toBe(
      '<p><a href="https://example.org/" rel="external">a</a> <a href="/china/">b</a></p>\n',
    );
  });

  it("puts links to site paths under the path prefix", () => {
    expect(createMarkdown("/newsroom/").render("[b](/china/) [c](https://example.org/)")).toBe(
      '<p><a href="/newsroom/china/">b</a> <a href="https://example.org/" rel="external">c</a></p>\n',
    );
  });

  it("finds the first paragraph's plain text", () => {
    expect(firstParagraphText(md, "## Heading\n\nThe *first* `para`.\n\nSecond.")).toBe("The first para.");
  });
});

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { transform } from "lightningcss";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/site.ts";

// The theme's stylesheet as written, in CUBE CSS (STYLE.md items 7, 8 and 16): read as text, no build.
const source = readFileSync(path.join(projectRoot, "src/assets/css/main.css"), "utf8");
/** The search page's own stylesheet: its rules join main.css's blocks layer. */
const searchSource = readFileSync(path.join(projectRoot, "src/assets/css/search.css"), "utf8");

interface Part {
  /** The `@layer` the part is, or null for rules outside every layer. */
  layer: string | null;
  /** Its text, comments blanked out (lines kept). */
  text: string;
  /** Its text as written, comments included. */
  written: string;
  /** The line its text starts on (1-based), where the statement before it ends. */
  line: number;
}

/** The stylesheet's top-level statements, each `@layer name { … }` block by its name. */
function topLevelParts(css: string): Part[] {
  const blanked = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " "));
  const parts: Part[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < blanked.length; index++) {
    const char = blanked[index];
    if (char === "{") depth++;
    if (char === "}") depth--;
    if (depth === 0 && (char === "}" || char === ";")) {
      const text = blanked.slice(start, index + 1);
      const head = /^\s*@layer\s+([\w-]+)\s*\{/.exec(text);
      const line = blanked.slice(0, start).split("\n").length;
      if (char === "}") parts.push({ layer: head?.[1] ?? null, text, written: css.slice(start, index + 1), line });
      start = index + 1;
    }
  }
  return parts;
}

/**
 * Colours lightningcss reads in a piece of CSS, with the line of their rule. Not literals:
 * currentcolor (a reference) and transparent (no colour, which is also how it reads `background: none`).
 */
function colourLiterals(css: string, firstLine = 1): string[] {
  const found: string[] = [];
  let line = 0;
  const note = (color: unknown) => {
    const text = JSON.stringify(color);
    if (text !== '{"type":"currentcolor"}' && !/"alpha":0}$/.test(text)) found.push(`line ${firstLine + line}: ${text}`);
  };
  transform({ filename: "main.css", code: Buffer.from(css), visitor: { Rule: { style: (rule) => void (line = rule.value.loc.line) }, Color: note } });
  // A custom property's value is tokens to lightningcss, which reads hex and colour functions there but not names.
  for (const match of css.matchAll(/(--[\w-]+)\s*:\s*([^;{}]+)/g)) {
    const words = match[2]!.replace(/var\([^)]*\)|"[^"]*"/g, " ").match(/(?<![\w-])[a-z]+(?![\w(-])/gi) ?? [];
    const lineOf = css.slice(0, match.index).split("\n").length - 1;
    for (const word of words) {
      if (colourLiterals(`a { color: ${word}; }`).length > 0) found.push(`line ${firstLine + lineOf}: ${match[1]}: ${word}`);
    }
  }
  return found;
}

const parts = topLevelParts(source);
const compositions = parts.find((part) => part.layer === "compositions")!;

describe("the stylesheet", () => {
  it("is in the six cascade layers, and declares them in order first", () => {
    expect(source).toMatch(/^(\/\*.*\*\/\s*)?@layer reset, tokens, global, compositions, blocks, utilities;/);
    expect(parts.filter((part) => part.layer).map((part) => part.layer)).toEqual(["reset", "tokens", "global", "compositions", "blocks", "utilities"]);
  });

  it("has no colour literal (hex, colour function or name) outside the tokens layer", () => {
    const found = parts.filter((part) => part.layer !== "tokens").flatMap((part) => colourLiterals(part.text, part.line));
    expect(found).toEqual([]);
    // The check sees what it must: a hex, a function, a name and a system colour, in a property or a custom property.
    expect(colourLiterals("a { color: #fff; border: 1px solid rgb(0 0 0); --x: 0 white; }\nb { background: mark; }")).toHaveLength(4);
  });

  it("keeps the colour tokens in the tokens layer, where dark mode and print change them", () => {
    const tokens = parts.find((part) => part.layer === "tokens")!.text;
    expect(tokens).toMatch(/@media screen and \(prefers-color-scheme: dark\)\s*\{\s*:root/);
    expect(tokens).toMatch(/@media print\s*\{\s*:root/);
    expect(colourLiterals(tokens).length).toBeGreaterThan(10);
  });

  for (const [name, properties] of [
    ["bs-bare-list", []],
    ["bs-wrapper", ["--wrapper-width"]],
    ["bs-stack", ["--stack-space"]],
    ["bs-cluster", ["--cluster-space", "--cluster-justify", "--cluster-align"]],
  ] as const) {
    it(`has the ${name} composition, whose comment names the custom properties it reads`, () => {
      const rule = new RegExp(`/\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*\\.${name}\\b[^{]*\\{([^}]*)\\}`).exec(compositions.written);
      expect(rule, `.${name} with a comment above it in @layer compositions`).not.toBeNull();
      const [, comment, body] = rule!;
      const reads = [...body!.matchAll(/var\((--[\w-]+)/g)].map((match) => match[1]!).filter((property) => !property.startsWith("--bs-"));
      expect(reads).toEqual(properties);
      for (const property of reads) expect(comment, `.${name}`).toContain(property);
    });
  }

  it("names every class with the bs- prefix and BEM, and styles none the markup does not use", () => {
    const markup = [
      ...readdirSync(path.join(projectRoot, "_includes"), { recursive: true, encoding: "utf8" }).map((file) => path.join("_includes", file)),
      ...readdirSync(path.join(projectRoot, "src/pages")).map((file) => path.join("src/pages", file)),
      ...readdirSync(path.join(projectRoot, "src/client")).map((file) => path.join("src/client", file)),
      ...readdirSync(path.join(projectRoot, "src/markdown")).map((file) => path.join("src/markdown", file)),
    ]
      .filter((file) => /\.(njk|js|ts)$/.test(file))
      .map((file) => readFileSync(path.join(projectRoot, file), "utf8"))
      .join("\n");
    const selectors = [...parts, ...topLevelParts(searchSource)].flatMap((part) => [...part.text.matchAll(/([^{};]+)\{/g)].map((match) => match[1]!.trim())).filter((prelude) => !prelude.startsWith("@"));
    const classes = [...new Set(selectors.flatMap((selector) => [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((match) => match[1]!)))];
    expect(classes.length).toBeGreaterThan(50);
    const bem = /^bs-[a-z0-9]+(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9]+(-[a-z0-9]+)*)?$/;
    expect(classes.filter((name) => !bem.test(name))).toEqual([]);
    expect(classes.filter((name) => !new RegExp(`[\\s"']${name}[\\s"'{]`).test(markup))).toEqual([]);
  });
});

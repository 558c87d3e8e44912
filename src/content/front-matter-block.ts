import yaml from "js-yaml";

/**
 * Cuts an article file into its front matter block (between a first line `---` and the next
 * line starting `---`) and its Markdown body, as gray-matter does for YAML, but without its
 * per-call copies of the whole file (they were a third of the time a build spent reading
 * 10,000 articles).
 * @example cutFrontMatter("---\ntitle: A\n---\n\nBody.\n") // { block: "\ntitle: A", body: "\nBody.\n" }
 */
export function cutFrontMatter(text: string): { block: string; body: string } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const opening = /^---[ \t]*\r?\n/.exec(source);
  if (!opening) return { block: "", body: source };
  const rest = source.slice(opening[0].length - 1); // keeps the newline, so an empty block closes too
  const close = rest.indexOf("\n---");
  if (close === -1) return { block: rest, body: "" };
  // The rest of the closing line and its line break are not part of the body.
  return { block: rest.slice(0, close), body: rest.slice(close + 4).replace(/^[^\n]*?\r?\n/, "") };
}

/**
 * An article file's front matter fields and body. YAML's core schema keeps dates as text, so
 * an offset or a bare date is read exactly as written. Throws js-yaml's error when the front
 * matter is not valid YAML, and one of its own when it is not a list of fields.
 */
export function splitFrontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const { block, body } = cutFrontMatter(text);
  if (block.replace(/^\s*#[^\n]+/gm, "").trim() === "") return { data: {}, body };
  const data: unknown = yaml.load(block, { schema: yaml.CORE_SCHEMA });
  if (data === null || data === undefined) return { data: {}, body };
  if (typeof data !== "object" || Array.isArray(data)) throw new Error("the front matter must be fields, one `name: value` a line");
  return { data: data as Record<string, unknown>, body };
}

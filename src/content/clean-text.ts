/**
 * Characters that no article text may carry into HTML, XML, JSON or the search index: C0
 * controls other than tab, line feed and carriage return; DEL and the C1 controls
 * (U+007F–U+009F); lone surrogates (half of a character, which XML cannot hold and Pagefind
 * refuses); and the noncharacters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every plane.
 * With the `u` flag a surrogate pair is one code point, so only a lone half matches `\p{Cs}`.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\p{Cs}\p{Noncharacter_Code_Point}]/u;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, "gu");

/** A forbidden character found in a text: its code point and where it is. */
export interface ForbiddenCharacter {
  codePoint: number;
  /** Index in the text (UTF-16 units). */
  index: number;
  /** 1-based line of `index` in the text (lines end at LF). */
  line: number;
}

/** U+0001, U+D800, U+10FFFF: how Unicode writes a code point. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Whether the text carries a forbidden character anywhere. */
export function hasForbiddenCharacter(text: string): boolean {
  return FORBIDDEN.test(text);
}

/** The first forbidden character of a text, or undefined when it is clean. */
export function findForbiddenCharacter(text: string): ForbiddenCharacter | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  let line = 1;
  for (let at = text.indexOf("\n"); at !== -1 && at < match.index; at = text.indexOf("\n", at + 1)) line++;
  return { codePoint: match[0].codePointAt(0)!, index: match.index, line };
}

/** How many forbidden characters a text carries. */
export function countForbiddenCharacters(text: string): number {
  return text.match(FORBIDDEN_ALL)?.length ?? 0;
}

/** What the character is, for an editor: "the control character U+0001". */
export function describeCharacter(codePoint: number): string {
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return `a lone surrogate ${codePointName(codePoint)} (half of a character, e.g. from a "\\u${codePoint.toString(16).toUpperCase()}" escape)`;
  if (codePoint <= 0x9f) return `the control character ${codePointName(codePoint)}`;
  return `the noncharacter ${codePointName(codePoint)}`;
}

/** The reason a problem gives for a text with a forbidden character: "contains the control character U+0001; delete it". */
export function forbiddenCharacterReason(found: ForbiddenCharacter, count = 1): string {
  const more = count > 1 ? ` (and ${count - 1} more such character${count === 2 ? "" : "s"})` : "";
  return `contains ${describeCharacter(found.codePoint)}${more}; delete it`;
}

/** Writes forbidden characters, tabs and line breaks as escapes, so quoted input cannot break or hide in a report line. */
export function escapeInvisible(text: string): string {
  return text.replace(new RegExp(`[\\t\\n\\r]|${FORBIDDEN.source}`, "gu"), (character) => {
    if (character === "\t") return "\\t";
    if (character === "\n") return "\\n";
    if (character === "\r") return "\\r";
    return `\\u{${character.codePointAt(0)!.toString(16).toUpperCase()}}`;
  });
}

/** A string somewhere in parsed front matter that carries a forbidden character. */
export interface DirtyString {
  /** Keys and indexes from the top (["tags", 2]); for a key that is itself dirty, the path to that key. */
  path: Array<string | number>;
  /** Whether the field's name, not its value, carries the character. */
  inKey: boolean;
  found: ForbiddenCharacter;
  count: number;
}

/**
 * Every string (values and keys) in parsed YAML data that carries a forbidden character, in
 * the order the fields were written. YAML aliases make a tree of shared nodes (a "billion
 * laughs" document refers to nine copies of nine copies…), and can even make a cycle, so each
 * object is walked once, at the first path that reaches it, and each distinct string is
 * checked once: the walk is linear in the distinct nodes, not in the expanded document. It
 * keeps its own stack, so deep nesting cannot overflow the call stack.
 */
export function findDirtyStrings(data: unknown): DirtyString[] {
  // Paths as links to their parent, so deep nesting does not copy a path a level.
  type PathLink = { parent: PathLink | undefined; key: string | number } | undefined;
  const pathOf = (link: PathLink): Array<string | number> => {
    const path: Array<string | number> = [];
    for (let at = link; at; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const dirty: DirtyString[] = [];
  const seenObjects = new Set<object>();
  const verdicts = new Map<string, { found: ForbiddenCharacter; count: number } | undefined>();
  const checkString = (text: string, path: PathLink, inKey: boolean) => {
    let verdict = verdicts.get(text);
    if (!verdicts.has(text)) {
      const found = findForbiddenCharacter(text);
      verdict = found && { found, count: countForbiddenCharacters(text) };
      verdicts.set(text, verdict);
    }
    if (verdict) dirty.push({ path: pathOf(path), inKey, ...verdict });
  };
  const stack: Array<{ value: unknown; path: PathLink; key?: string }> = [{ value: data, path: undefined }];
  while (stack.length > 0) {
    const { value, path, key } = stack.pop()!;
    if (key !== undefined) checkString(key, path, true);
    if (typeof value === "string") {
      checkString(value, path, false);
      continue;
    }
    if (value === null || typeof value !== "object" || seenObjects.has(value)) continue;
    seenObjects.add(value);
    const children: Array<{ value: unknown; path: PathLink; key?: string }> = [];
    if (Array.isArray(value)) {
      value.forEach((item, index) => children.push({ value: item, path: { parent: path, key: index } }));
    } else {
      for (const name of Object.keys(value)) children.push({ value: (value as Record<string, unknown>)[name], path: { parent: path, key: name }, key: name });
    }
    // Reversed onto the stack, so fields are walked (and reported) in the order they were written.
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  return dirty;
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * The bytes of a file as text, or where they stop being UTF-8. A byte-order mark is kept (as
 * `readFileSync(file, "utf8")` keeps it), so the text hashes the same as the body read later.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { invalidAt: number; byte: number; line: number } {
  try {
    return { text: STRICT_UTF8.decode(bytes) };
  } catch {
    const invalidAt = firstInvalidUtf8Byte(bytes);
    let line = 1;
    for (let index = 0; index < invalidAt; index++) if (bytes[index] === 0x0a) line++;
    return { invalidAt, byte: bytes[invalidAt] ?? 0, line };
  }
}

/**
 * The offset of the first byte that is not part of a well-formed UTF-8 sequence (Unicode
 * table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF), or the length when the
 * sequence is cut short at the end.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f; // ED A0..BF would be a surrogate
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return index;
    for (let offset = 1; offset < length; offset++) {
      const next = bytes[index + offset];
      if (next === undefined) return index;
      const [min, max] = offset === 1 ? [low, high] : [0x80, 0xbf];
      if (next < min || next > max) return index;
    }
    index += length;
  }
  return bytes.length;
}

import { readFileSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import type MarkdownIt from "markdown-it";
import type { DateTime } from "luxon";
import { cutFrontMatter, FrontMatterError, locateFrontMatter, parseFrontMatterFields } from "./front-matter-block.ts";
import { findDirtyStrings, findForbiddenCharacter, countForbiddenCharacters, forbiddenCharacterReason, describeCharacter, hasForbiddenCharacter } from "./clean-text.ts";
import { createFrontMatterSchema, KNOWN_FRONT_MATTER_FIELDS } from "./front-matter.ts";
import { excerpt, fieldName, quote, type Problem } from "./problems.ts";
import { articleSlug, MAX_SEGMENT_BYTES, segmentBytes } from "../slugs/slugs.ts";
import { formatDateline, formatShortDate, isoDateTime, urlDateParts } from "../dates/dates.ts";
import { appendCredit, firstParagraphText } from "../markdown/markdown.ts";
import type { Settings } from "../config/site-settings.ts";
import type { Edition } from "../config/editions.ts";
import type { BodyEnv } from "../markdown/body-env.ts";
import { checkBodyMedia, IMAGE_FILE, REMOTE } from "./body-media-check.ts";
import { checkAlias } from "./aliases.ts";
import type { ArticleImage, DisplayDate, ParseContext, ParsedArticle, PublicationStatus } from "./article-model.ts";

export function createParseContext(
  settings: Settings,
  markdown: MarkdownIt,
  now: DateTime,
  embedHosts: readonly string[] = [],
  reservedSegments: readonly string[] = [],
): ParseContext {
  const schema = createFrontMatterSchema({
    sectionKeys: settings.sections.map((section) => section.key),
    timeZone: settings.site.timeZone,
    languages: settings.editions.map((edition) => edition.lang),
    authorKeys: settings.authors.map((author) => author.key),
  });
  return { settings, schema, markdown, now, embedHosts, reservedSegments };
}

function displayDate(date: DateTime, edition: Edition): DisplayDate {
  return {
    iso: isoDateTime(date),
    dateline: formatDateline(date, edition.locale, edition.dateFormats.dateline),
    short: formatShortDate(date, edition.locale, edition.dateFormats.short),
  };
}

const hashText = (text: string) => createHash("sha1").update(text).digest("hex");

/** The article's body as HTML, closed by its source credit. */
export function renderArticleBody(markdown: MarkdownIt, text: string, credit: string | undefined, env: BodyEnv = {}): string {
  return appendCredit(markdown.render(cutFrontMatter(text).body, env), credit);
}

/**
 * Reads an article's body from its file when its page, feed entry or search record is written.
 * Bodies are most of an article's size, so a build holds none of them: at 100,000 articles that
 * is about a gigabyte. A file edited since it was read stops the build rather than mixing versions.
 */
export function readArticleBody(markdown: MarkdownIt, article: Pick<ParsedArticle, "filePath" | "sourcePath" | "sourceHash" | "credit">, env: BodyEnv = {}): string {
  const text = readFileSync(article.filePath, "utf8");
  if (hashText(text) !== article.sourceHash) throw new Error(`${article.sourcePath} changed while the site was being built; build again`);
  return renderArticleBody(markdown, text, article.credit, env);
}

/** At most this many strings with forbidden characters are named a file; the rest are counted. */
const MAX_DIRTY_STRINGS_NAMED = 10;

/**
 * Parses and validates one article file. Returns the article, or the problems that stop it;
 * warnings (unknown fields) come back alongside a valid article. No text with a control
 * character, lone surrogate or noncharacter gets through (see `clean-text.ts`): such
 * characters would make the feeds invalid XML and stop the search indexer.
 */
export function parseArticle(
  displayPath: string,
  text: string,
  context: ParseContext,
  filePath: string = displayPath,
): { article?: ParsedArticle; problems: Problem[] } {
  const problems: Problem[] = [];
  const error = (field: string, reason: string) => problems.push({ file: displayPath, field, reason, severity: "error" });
  const hasErrors = () => problems.some((problem) => problem.severity === "error");
  // A file name is no text: a tab or line break in it is refused too (it would split a report line).
  const lineBreak = /[\t\n\r]/.exec(displayPath);
  const badPathCharacter = findForbiddenCharacter(displayPath) ?? (lineBreak ? { codePoint: lineBreak[0].charCodeAt(0), index: lineBreak.index, line: 1 } : undefined);
  if (badPathCharacter) error("file", `its path ${forbiddenCharacterReason(badPathCharacter).replace(/; delete it$/, "; rename the file")}`);
  const parts = locateFrontMatter(text);
  // One scan of the whole file decides whether any part needs a closer look: nearly every file is clean.
  const clean = !hasForbiddenCharacter(text);
  // The body is checked whatever the front matter says, so one build names both.
  const badBodyCharacter = clean || parts.unclosed ? undefined : findForbiddenCharacter(parts.body);
  let data: Record<string, unknown> | undefined;
  try {
    data = parseFrontMatterFields(parts);
  } catch (thrown) {
    if (thrown instanceof FrontMatterError) {
      error("front matter", thrown.message);
    } else {
      // js-yaml refuses most raw control characters with a generic "non-printable" message;
      // saying which character on which line is the fix.
      const raw = clean ? undefined : findForbiddenCharacter(parts.block);
      if (raw) error("front matter", `line ${raw.line} ${forbiddenCharacterReason(raw, countForbiddenCharacters(parts.block))}`);
      else error("front matter", `not valid YAML: ${excerpt((thrown as Error).message.split("\n")[0] || "unreadable", 200)}`);
    }
  }
  if (badBodyCharacter) {
    const line = parts.bodyLine + badBodyCharacter.line - 1;
    error("body", `line ${line} ${forbiddenCharacterReason(badBodyCharacter, countForbiddenCharacters(parts.body))}`);
  }
  if (!data) return { problems };
  // Every string anywhere in the fields, known or not, nested or not, keys too. A value's
  // characters are the block's own or come from a backslash escape in double quotes, so a clean
  // block without a backslash cannot hold one (and is not walked).
  const dirty = clean && !parts.block.includes("\\") ? [] : findDirtyStrings(data);
  const fieldOf = (keys: ReadonlyArray<PropertyKey>) => keys.map((key) => (typeof key === "string" ? fieldName(key) : String(key))).join(".");
  const dirtyFields = dirty.map((found) => fieldOf(found.path));
  dirty.slice(0, MAX_DIRTY_STRINGS_NAMED).forEach((found, index) => {
    const reason = forbiddenCharacterReason(found.found, found.count);
    error(dirtyFields[index]!, found.inKey ? `the field's name ${reason}` : reason);
  });
  if (dirty.length > MAX_DIRTY_STRINGS_NAMED) {
    error("front matter", `${dirty.length - MAX_DIRTY_STRINGS_NAMED} more values contain such characters (${describeCharacter(dirty[MAX_DIRTY_STRINGS_NAMED]!.found.codePoint)}, …); delete them`);
  }
  if (dirty.length === 0 && !clean) {
    // Outside any value (a comment): harmless to the pages, but the file is held to one rule,
    // no such character anywhere, which an editor can check with a search.
    const raw = findForbiddenCharacter(parts.block);
    if (raw) error("front matter", `line ${raw.line} ${forbiddenCharacterReason(raw, countForbiddenCharacters(parts.block))}`);
  }
  for (const field of Object.keys(data)) {
    if (!KNOWN_FRONT_MATTER_FIELDS.has(field) && !findForbiddenCharacter(field)) {
      problems.push({ file: displayPath, field: fieldName(field), reason: "unknown field (ignored); check its spelling", severity: "warning" });
    }
  }
  const result = context.schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = fieldOf(issue.path) || "front matter";
      // A value already named for its characters is not named again for what they broke.
      if (dirtyFields.some((dirtyField) => field === dirtyField || field.startsWith(`${dirtyField}.`))) continue;
      error(field, issue.message);
    }
  }
  if (!result.success || hasErrors()) return { problems };
  const fields = result.data;
  // The article belongs to the edition of its language (the default edition without `lang`).
  const edition = context.settings.editions.find((candidate) => candidate.lang === (fields.lang ?? context.settings.site.language))!;
  // Images live beside the article (in the content repository), never on another server.
  let image: ArticleImage | undefined;
  if (fields.image) {
    const file = path.resolve(path.dirname(filePath), fields.image.src);
    if (REMOTE.test(fields.image.src)) {
      problems.push({ file: displayPath, field: "image.src", reason: `${quote(fields.image.src)} is a URL; put the image file next to the article and give its relative path`, severity: "error" });
    } else if (!existsSync(file)) {
      problems.push({ file: displayPath, field: "image.src", reason: `no image file ${quote(fields.image.src)} next to the article`, severity: "error" });
    } else if (!IMAGE_FILE.test(file)) {
      problems.push({ file: displayPath, field: "image.src", reason: "must be a JPEG, PNG, WebP, AVIF, GIF or TIFF image", severity: "error" });
    }
    if (problems.some((problem) => problem.severity === "error")) return { problems };
    image = { ...fields.image, file };
  }
  // The body's photos and embeds are checked now: its page is rendered long after.
  const { bodyImages, embeds } = checkBodyMedia(parts.body, parts.bodyLine, filePath, displayPath, context, problems);
  if (hasErrors()) return { problems };
  const section = edition.sections.find((candidate) => candidate.key === fields.section)!;
  const slug = fields.slug ?? articleSlug(path.basename(displayPath, ".md"));
  if (!fields.slug && segmentBytes(slug) > MAX_SEGMENT_BYTES) {
    // The file exists, so its name fits; the slug made from it may not (`&` becomes `and`).
    error("slug", `the file name makes the slug ${quote(slug)}, more than the ${MAX_SEGMENT_BYTES} bytes a URL segment (a folder name on disk) allows; give a shorter slug: in the front matter, or rename the file`);
    return { problems };
  }
  const { year, month } = urlDateParts(fields.date);
  const sectionUrl = `${edition.prefix}${section.key}/`;
  const url = `${sectionUrl}${year}/${month}/${slug}/`;
  const aliases: string[] = [];
  const aliasRules = {
    reservedSegments: context.reservedSegments,
    editionPrefixes: context.settings.editions.map((candidate) => candidate.prefix),
    sectionKeys: context.settings.sections.map((candidate) => candidate.key),
  };
  (fields.aliases ?? []).forEach((raw, index) => {
    const checked = checkAlias(raw, aliasRules);
    if ("reason" in checked) error(`aliases.${index}`, checked.reason);
    else if (checked.path === url) error(`aliases.${index}`, `${quote(raw)} is this story's own URL; an alias is an old one`);
    else if (aliases.includes(checked.path)) error(`aliases.${index}`, `${quote(raw)} is listed twice`);
    else aliases.push(checked.path);
  });
  if (hasErrors()) return { problems };
  const summary = fields.summary ?? firstParagraphText(context.markdown, parts.body);
  const status: PublicationStatus = fields.draft ? "draft" : fields.date > context.now ? "embargoed" : "published";
  const article: ParsedArticle = {
    sourcePath: displayPath,
    filePath,
    sourceHash: hashText(text),
    title: fields.title,
    slug,
    url,
    sectionKey: section.key,
    sectionLabel: section.label,
    sectionUrl,
    authorKeys: fields.authors ?? [],
    published: displayDate(fields.date, edition),
    publishedAt: fields.date,
    sortKey: fields.date.toUTC().toISO({ suppressMilliseconds: true }) ?? "",
    updated: fields.updated ? displayDate(fields.updated, edition) : undefined,
    correction: fields.correction,
    rawTags: fields.tags ?? [],
    summary,
    credit: fields.credit,
    source: fields.source,
    editor: fields.editor,
    responsibleEditor: fields.responsibleEditor,
    image,
    bodyImages,
    embeds,
    status,
    lang: edition.lang,
    edition,
    translationKey: fields.translationKey,
    aliases,
    meta: { title: fields.title, description: summary, path: url, type: "article" },
  };
  return { article, problems };
}

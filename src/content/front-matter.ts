import { z } from "zod";
import type { DateTime } from "luxon";
import { readArticleDate } from "../dates/dates.ts";
import { articleSlug, isArticleSlug, MAX_SEGMENT_BYTES, MAX_TAG_SEGMENT_BYTES, segmentBytes, tagSlug } from "../slugs/slugs.ts";
import { quote } from "./problems.ts";

/** Options that make the schema specific to one site's `_data/`. */
export interface FrontMatterOptions {
  sectionKeys: readonly string[];
  timeZone: string;
  /** The languages of the site's editions (`en`, `zh`). */
  languages: readonly string[];
  /** The reporters' keys (`_data/authors.json`); none when the site lists no reporters. */
  authorKeys?: readonly string[];
}

const required = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined || issue.input === null ? `required: ${what}` : `must be ${what}`;

const optionalText = z.string({ error: required("text") }).trim().min(1, "must not be empty").optional();

function dateField(timeZone: string, what: string) {
  return z.string({ error: required(`${what} as ISO 8601, e.g. 2025-02-19T09:30:00+08:00`) }).transform(
    (value, context): DateTime => {
      const reading = readArticleDate(value, timeZone);
      if ("date" in reading) return reading.date;
      const reasons = {
        "not-iso": "is not an ISO 8601 date (e.g. 2025-02-19T09:30:00+08:00 or 2025-02-19)",
        offset: `has the offset ${reading.offset}, which no time zone has: offsets run from -12:00 to +14:00 with minutes 00-59 (e.g. +08:00, or Z for UTC)`,
        year: "falls after the year 9999 in the site's time zone",
      };
      context.issues.push({ code: "custom", input: value, message: `${quote(value)} ${reasons[reading.problem]}` });
      return z.NEVER;
    },
  );
}

/**
 * Tags as a list of non-empty strings, each of whose tag-page URL segment fits in a folder
 * name. Each distinct short tag is measured once a build; a long one once a list.
 */
const tagSegmentSizes = new Map<string, number>();
const tagSegmentSize = (tag: string) => {
  let bytes = tagSegmentSizes.get(tag);
  if (bytes === undefined) {
    bytes = segmentBytes(tagSlug(tag));
    // A newsroom reuses its tags: remember the short ones, within bounds.
    if (tag.length <= 1000) {
      if (tagSegmentSizes.size >= 50_000) tagSegmentSizes.clear();
      tagSegmentSizes.set(tag, bytes);
    }
  }
  return bytes;
};
const tagsField = z
  .array(z.string({ error: "each tag must be text" }).trim().min(1, "a tag must not be empty"), {
    error: "must be a list of strings, e.g. [climate, 5G]",
  })
  .superRefine((tags, context) => {
    const sizes = new Map<string, number>();
    tags.forEach((tag, index) => {
      let bytes = sizes.get(tag);
      if (bytes === undefined) sizes.set(tag, (bytes = tagSegmentSize(tag)));
      if (bytes > MAX_TAG_SEGMENT_BYTES) {
        context.addIssue({
          code: "custom",
          path: [index],
          input: tag,
          message: `${quote(tag)} makes a tag page URL segment of ${bytes.toLocaleString("en")} bytes; at most ${MAX_TAG_SEGMENT_BYTES} fit a folder name on disk (${MAX_SEGMENT_BYTES}, less room for a -2 suffix; a Chinese character takes 3); shorten the tag`,
        });
      }
    });
  });

/**
 * The article front-matter contract (SPEC §4) as one zod schema; `FrontMatter` below is its type.
 * Section keys and the time zone come from `_data/`, so the schema is made per site.
 */
export function createFrontMatterSchema({ sectionKeys, timeZone, languages, authorKeys = [] }: FrontMatterOptions) {
  const sectionList = sectionKeys.join(", ");
  const knownAuthors = new Set(authorKeys);
  const authorList = authorKeys.length > 0 ? authorKeys.join(", ") : "(none: add the reporter to _data/authors.json)";
  const languageList = languages.join(", ");
  return z
    .object({
      title: z.string({ error: required("a headline") }).trim().min(1, "must not be empty"),
      date: dateField(timeZone, "the publication time"),
      section: z.string({ error: required(`one of: ${sectionList}`) }).refine((key) => sectionKeys.includes(key), {
        error: (issue) => `unknown section ${quote(String(issue.input))}; expected one of: ${sectionList}`,
      }),
      authors: z
        .array(z.string({ error: "each author must be a reporter's key" }), { error: "must be a list of reporters' keys, e.g. [li-wei, chen-yu]" })
        .superRefine((keys, context) => {
          keys.forEach((key, index) => {
            const reason = !knownAuthors.has(key)
              ? `unknown author ${quote(key)}; expected one of: ${authorList}`
              : keys.indexOf(key) < index
                ? `${quote(key)} is named twice`
                : undefined;
            if (reason) context.addIssue({ code: "custom", path: [index], input: key, message: reason });
          });
        })
        .optional(),
      tags: tagsField.optional(),
      summary: optionalText,
      credit: optionalText,
      source: optionalText,
      editor: optionalText,
      responsibleEditor: optionalText,
      updated: dateField(timeZone, "the time of the last change").optional(),
      correction: optionalText,
      image: z
        .object(
          {
            src: z.string({ error: required("the image path or URL") }).trim().min(1, "must not be empty"),
            alt: z
              .string({ error: required("alternative text describing the image") })
              .trim()
              .min(1, "must describe the image"),
            caption: optionalText,
            credit: optionalText,
          },
          { error: "must be a map with src and alt" },
        )
        .optional(),
      slug: z
        .string({ error: "must be text" })
        .refine(isArticleSlug, {
          error: (issue) =>
            `must be lowercase letters and digits of any script (Latin without accents) joined by single hyphens, e.g. night-ferry or 数字中国; ${quote(String(issue.input))} would be ${quote(articleSlug(String(issue.input)))}`,
          abort: true,
        })
        .refine((slug) => segmentBytes(slug) <= MAX_SEGMENT_BYTES, {
          error: (issue) =>
            `is ${segmentBytes(String(issue.input)).toLocaleString("en")} bytes long, more than the ${MAX_SEGMENT_BYTES} a URL segment (a folder name on disk) allows (a Chinese character takes 3); give a shorter slug`,
        })
        .optional(),
      draft: z.boolean({ error: "must be true or false" }).optional(),
      lang: z
        .string({ error: `must be one of: ${languageList}` })
        .refine((lang) => languages.includes(lang), { error: (issue) => `unknown language ${quote(String(issue.input))}; expected one of: ${languageList}` })
        .optional(),
      translationKey: optionalText,
      // Old site paths of the story, each checked as a path by `checkAlias` (aliases.ts).
      aliases: z
        .array(z.string({ error: "each alias must be text: a site path such as /china/2025/02/old-slug/" }), {
          error: "must be a list of site paths, e.g. [/china/2025/02/old-slug/]",
        })
        .optional(),
    })
    .superRefine((data, context) => {
      if (data.updated && data.updated < data.date) {
        context.addIssue({ code: "custom", path: ["updated"], message: "must not be before date", input: data.updated });
      }
    });
}

export type FrontMatterSchema = ReturnType<typeof createFrontMatterSchema>;
/** A validated article front matter: the TypeScript type of the contract. */
export type FrontMatter = z.output<FrontMatterSchema>;

/** The fields the contract knows; anything else earns a warning (a typo like `responsibleEdtior`). */
export const KNOWN_FRONT_MATTER_FIELDS: ReadonlySet<string> = new Set([
  "title", "date", "section", "authors", "tags", "summary", "credit", "source", "editor",
  "responsibleEditor", "updated", "correction", "image", "slug", "draft", "lang", "translationKey",
  "aliases",
]);

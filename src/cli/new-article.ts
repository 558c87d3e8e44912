/**
 * `npm run new -- "Headline" --section sci-tech [--author li-wei [--author chen-yu]] [--tags a,b] [--slug s] [--lang zh]`:
 * writes a draft article at `articles/{yyyy}/{mm}/{slug}.md` dated now in the site's time zone. It
 * never overwrites a file; an unknown section or reporter is refused with the list of known ones.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import yaml from "js-yaml";
import { readBuildEnv } from "../config/build-env.ts";
import { readSettings } from "../config/site-settings.ts";
import { articleSlug, headlineSlug, isArticleSlug, MAX_SEGMENT_BYTES, segmentBytes } from "../slugs/slugs.ts";

export interface NewArticleOptions {
  headline: string;
  section: string;
  /** Reporters' keys (`_data/authors.json`), in byline order. */
  authors?: string[];
  tags: string[];
  slug?: string;
  lang?: string;
}

/** The text of a new draft: the contract's fields filled in, the optional ones as comments. */
export function draftArticleText(options: NewArticleOptions, date: string): string {
  const fields: Record<string, unknown> = { title: options.headline, date, section: options.section };
  if (options.authors && options.authors.length > 0) fields.authors = options.authors;
  if (options.tags.length > 0) fields.tags = options.tags;
  if (options.lang) fields.lang = options.lang;
  fields.draft = true;
  // js-yaml quotes whatever needs it (colons, quotes, leading symbols); with the core schema
  // the date is plain text, as the build reads it.
  const frontMatter = yaml.dump(fields, { lineWidth: -1, flowLevel: 1, schema: yaml.CORE_SCHEMA });
  return [
    "---",
    frontMatter.trimEnd(),
    "# summary: One sentence of standfirst (without it, the first paragraph is used)",
    "# credit: New Society",
    "# source: People's Post and Telegraph",
    "# editor: Name",
    "# responsibleEditor: Name",
    "# image: { src: photo.jpg, alt: What the photo shows, caption: …, credit: … }",
    "# Set draft: false (or delete the line) to publish; a future date holds it back until then.",
    "---",
    "",
    "Write the article here, in Markdown.",
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      section: { type: "string" },
      author: { type: "string", multiple: true },
      tags: { type: "string" },
      slug: { type: "string" },
      lang: { type: "string" },
    },
  });
  const headline = positionals.join(" ").trim();
  const { site, sections, authors: reporters } = readSettings();
  const keys = sections.map((section) => section.key);
  if (!headline) throw new UsageError('a headline is needed: npm run new -- "Headline" --section ' + keys[0]);
  if (!values.section || !keys.includes(values.section)) {
    throw new UsageError(`${values.section ? `unknown section "${values.section}"` : "--section is required"}; known sections: ${keys.join(", ")}`);
  }
  // `--author a --author b`, or `--author a,b`: each must be a reporter of `_data/authors.json`.
  const authors = (values.author ?? []).flatMap((value) => value.split(",")).map((key) => key.trim()).filter(Boolean);
  const reporterKeys = reporters.map((reporter) => reporter.key);
  const unknown = authors.find((key) => !reporterKeys.includes(key));
  if (unknown !== undefined) {
    throw new UsageError(`unknown author "${unknown}"; known authors: ${reporterKeys.join(", ") || "(none: add reporters to _data/authors.json)"}`);
  }
  // A newsroom's first article may make the articles folder; a mistyped BROADSHEET_ARTICLES is still refused.
  const env = readBuildEnv(process.env, process.argv, process.cwd(), { createsArticles: true });
  const now = env.now.setZone(site.timeZone);
  const slug = values.slug ?? (articleSlug(headline) === "article" ? `article-${now.toFormat("yyyyMMdd-HHmmss")}` : headlineSlug(headline));
  if (!isArticleSlug(slug) || segmentBytes(slug) > MAX_SEGMENT_BYTES - 3) {
    throw new UsageError(
      `--slug "${Array.from(slug).slice(0, 60).join("")}" must be lowercase letters and digits of any script (Latin without accents) joined by single hyphens, at most ${MAX_SEGMENT_BYTES - 3} bytes, e.g. night-ferry or 数字中国`,
    );
  }
  const file = path.join(env.articlesDir, now.toFormat("yyyy"), now.toFormat("MM"), `${slug}.md`);
  const text = draftArticleText(
    { headline, section: values.section, authors: [...new Set(authors)], tags: (values.tags ?? "").split(",").map((tag) => tag.trim()).filter(Boolean), slug, lang: values.lang },
    now.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"),
  );
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, text, { flag: "wx" }); // "wx": fail rather than overwrite
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new UsageError(`${path.relative(process.cwd(), file)} already exists and was left as it is; choose another headline or --slug`);
    }
    throw error;
  }
  console.log(`Created ${path.relative(process.cwd(), file)} (a draft).`);
  console.log("Preview it with npm start; publish it by setting draft: false.");
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  console.error(`npm run new: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});

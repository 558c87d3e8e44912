import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import type { ParsedArticle } from "../content/article-model.ts";
import { quote, type Problem } from "../content/problems.ts";
import { isoDateTime, parseArticleDate } from "../dates/dates.ts";
import type { Article } from "./published-article.ts";

/**
 * The editors' choices for one edition's front page, as `_data/front.json` holds them under the
 * edition's language (`"en"`, `"zh"`). Stories are named by their URL path as the address bar
 * shows it (`/china/2026/08/harbour-city-opens-night-ferry/`, or the whole address); an empty
 * value is no choice, as Pages CMS saves a field left blank.
 */
export interface EditionChoices {
  lead?: string;
  top?: string[];
  breaking?: BreakingChoice;
}

/** A breaking-news strip as written: its text, an optional link (a story, or another site) and when it comes down. */
export interface BreakingChoice {
  text?: string;
  link?: string;
  expires?: string;
}

/** `_data/front.json` read and checked for shape: its path (for warnings) and each edition's choices. */
export interface FrontChoices {
  file: string;
  editions: Readonly<Record<string, EditionChoices>>;
}

/** The strip a front page shows: plain data its template prints. */
export interface BreakingNews {
  text: string;
  /** A story's site path, or an http(s) address elsewhere; none for a strip without a link. */
  url?: string;
  /** When the build drops it (ISO 8601). */
  expires: string;
}

/** One edition's front page as chosen: the lead, the top stories in order, the latest after them, the strip. */
export interface FrontPlan {
  lead?: Article;
  top: Article[];
  latest: Article[];
  breaking?: BreakingNews;
  /** Choices ignored, each naming the file and field. */
  warnings: Problem[];
}

/** What choosing a front page needs besides the edition's articles. */
export interface FrontContext {
  choices?: FrontChoices;
  /** The build's now: a strip past its expiry is dropped. */
  now: DateTime;
  /** The site's time zone, for an expiry written without an offset. */
  timeZone: string;
  /** The site's address: a strip's link elsewhere is shown as written, one here must name a published story. */
  siteUrl: string;
  /** The site's path prefix, cut from a whole address an editor pasted. */
  pathPrefix: string;
  /** Articles of any edition this build does not publish (drafts, embargoed), by URL. */
  heldBack: ReadonlyMap<string, ParsedArticle>;
  /** Articles other editions publish, by URL, so a story pinned in the wrong edition is named as such. */
  elsewhere: ReadonlyMap<string, ParsedArticle>;
}

/** How many stories the "Latest" column shows after the lead and the top stories. */
export const LATEST_COUNT = 5;

/** The most top stories a front page takes; more are ignored with a warning. */
export const MAX_TOP_STORIES = 6;

const FILE_NAME = "front.json";

/** Thrown for a `front.json` that is not the shape the build reads: names the file and the field. */
function shapeError(file: string, field: string, reason: string): Error {
  return new Error(`${file}: ${field}: ${reason}`);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function optionalString(value: unknown, file: string, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw shapeError(file, field, `must be text, got ${JSON.stringify(value)}`);
  return value.trim() === "" ? undefined : value.trim();
}

/**
 * Reads `_data/front.json` (none: every front page as the newsroom orders it). A file that is not
 * JSON, an edition the site does not have, or a field of the wrong type stops the build with one
 * line naming the file and field; choices that name no story to show are warnings later
 * (`planFront`), so an expired strip never stops the hourly build.
 */
export function readFrontChoices(dataDir: string, editionLangs: readonly string[]): FrontChoices | undefined {
  const file = path.join(dataDir, FILE_NAME);
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  if (!isRecord(data)) throw shapeError(file, "(whole file)", `must be an object keyed by edition (${editionLangs.join(", ")})`);
  const editions: Record<string, EditionChoices> = {};
  for (const [lang, value] of Object.entries(data)) {
    if (!editionLangs.includes(lang)) throw shapeError(file, lang, `is not an edition of this site; use one of ${editionLangs.join(", ")}`);
    if (!isRecord(value)) throw shapeError(file, lang, "must be an object with lead, top and breaking");
    const unknown = Object.keys(value).filter((key) => !["lead", "top", "breaking"].includes(key));
    if (unknown.length > 0) throw shapeError(file, `${lang}.${unknown[0]}`, "is not a front-page choice; use lead, top or breaking");
    const top = value.top ?? [];
    if (!Array.isArray(top)) throw shapeError(file, `${lang}.top`, "must be a list of story addresses");
    const breaking = value.breaking ?? {};
    if (!isRecord(breaking)) throw shapeError(file, `${lang}.breaking`, "must be an object with text, link and expires");
    editions[lang] = {
      lead: optionalString(value.lead, file, `${lang}.lead`),
      top: top.map((entry, index) => optionalString(entry, file, `${lang}.top[${index}]`) ?? "").filter((entry) => entry !== ""),
      breaking: {
        text: optionalString(breaking.text, file, `${lang}.breaking.text`),
        link: optionalString(breaking.link, file, `${lang}.breaking.link`),
        expires: optionalString(breaking.expires, file, `${lang}.breaking.expires`),
      },
    };
  }
  return { file, editions };
}

/**
 * The site path an editor's entry names: a path as written (`/china/…/slug/`) or the path of a
 * whole address (its path prefix cut), percent-encoding decoded, with the closing slash.
 * Undefined for what is neither.
 * @example storyPath("https://x.github.io/newsroom/china/2026/08/a/", "/newsroom/") // "/china/2026/08/a/"
 */
export function storyPath(entry: string, pathPrefix: string): string | undefined {
  let value = entry.trim();
  if (/^https?:\/\//i.test(value)) {
    try {
      value = new URL(value).pathname;
    } catch {
      return undefined;
    }
    if (pathPrefix !== "/" && value.startsWith(pathPrefix)) value = `/${value.slice(pathPrefix.length)}`;
  } else {
    value = value.split(/[?#]/)[0]!;
  }
  if (!value.startsWith("/")) return undefined;
  try {
    value = decodeURI(value);
  } catch {
    return undefined;
  }
  return value.endsWith("/") ? value : `${value}/`;
}

/**
 * Chooses one edition's front page, once per build: the editors' lead heads it even when newer
 * stories exist, their top stories follow in their order, then the newest of the rest; without
 * choices, the newest story leads. A choice that names no story this edition publishes (unknown,
 * a draft, embargoed, another edition's) and a strip past its expiry are left out, each with a
 * warning naming the file and field.
 * `articles`: the edition's published articles, newest first.
 */
export function planFront(articles: readonly Article[], lang: string, context: FrontContext): FrontPlan {
  const warnings: Problem[] = [];
  const choices = context.choices?.editions[lang];
  const file = context.choices?.file ?? FILE_NAME;
  const warn = (field: string, reason: string) => warnings.push({ file, field: `${lang}.${field}`, reason, severity: "warning" });
  const byUrl = new Map(articles.map((article) => [article.url, article]));

  /** The story an entry names, or why it is not shown. */
  const find = (entry: string, field: string): Article | undefined => {
    const url = storyPath(entry, context.pathPrefix);
    const found = url === undefined ? undefined : byUrl.get(url);
    // A preview build publishes drafts and embargoed stories too; the front page never leads with one.
    if (found?.status === "published") return found;
    const held = found ?? (url === undefined ? undefined : context.heldBack.get(url));
    const other = url === undefined ? undefined : context.elsewhere.get(url);
    const reason =
      url === undefined
        ? "is not a story's address; copy it from the browser, e.g. /china/2026/08/harbour-city-opens-night-ferry/"
        : held?.status === "draft"
          ? "is a draft, not published"
          : held?.status === "embargoed"
            ? `is embargoed until ${isoDateTime(held.publishedAt)}`
            : other
              ? `is a story of the ${other.lang} edition; choose it in "${other.lang}"`
              : "names no published story";
    warn(field, `${quote(entry)} ${reason}; ignored`);
    return undefined;
  };

  const lead = (choices?.lead && find(choices.lead, "lead")) || articles[0];
  const top: Article[] = [];
  (choices?.top ?? []).forEach((entry, index) => {
    const field = `top[${index}]`;
    if (top.length === MAX_TOP_STORIES) return warn(field, `${quote(entry)} is past the ${MAX_TOP_STORIES} top stories a front page shows; ignored`);
    const story = find(entry, field);
    if (!story) return;
    if (story === lead || top.includes(story)) return warn(field, `${quote(entry)} is already on the front page above; ignored`);
    top.push(story);
  });
  const shown = new Set<Article | undefined>([lead, ...top]);
  const latest = articles.filter((article) => !shown.has(article)).slice(0, LATEST_COUNT);
  return { lead, top, latest, breaking: breakingOf(choices?.breaking, context, warn, find), warnings };
}

function breakingOf(
  choice: BreakingChoice | undefined,
  context: FrontContext,
  warn: (field: string, reason: string) => void,
  find: (entry: string, field: string) => Article | undefined,
): BreakingNews | undefined {
  if (!choice?.text) {
    if (choice?.link || choice?.expires) warn("breaking.text", "is empty, so the strip has nothing to say; ignored");
    return undefined;
  }
  if (!choice.expires) {
    warn("breaking.expires", "is empty: a strip needs the time it comes down, e.g. 2026-12-01T18:00:00+08:00; ignored");
    return undefined;
  }
  const expires = parseArticleDate(choice.expires, context.timeZone);
  if (!expires) {
    warn("breaking.expires", `${quote(choice.expires)} is not an ISO 8601 time, e.g. 2026-12-01T18:00:00+08:00; ignored`);
    return undefined;
  }
  if (expires <= context.now) {
    warn("breaking.expires", `${quote(choice.expires)} has passed (the build's now is ${isoDateTime(context.now.setZone(context.timeZone))}); the strip is dropped`);
    return undefined;
  }
  let url: string | undefined;
  if (choice.link) {
    if (isOtherSite(choice.link, context.siteUrl)) {
      url = choice.link; // another site's page, linked as written
    } else {
      const story = find(choice.link, "breaking.link");
      if (!story) return undefined; // a strip pointing at a held-back or missing story is not shown
      url = story.url;
    }
  }
  return { text: choice.text, url, expires: isoDateTime(expires) };
}

/** An http(s) address whose origin is not the site's: another site's page, which a strip may link to as it is. */
function isOtherSite(address: string, siteUrl: string): boolean {
  if (!/^https?:\/\//i.test(address)) return false;
  try {
    return new URL(address).origin !== new URL(siteUrl).origin;
  } catch {
    return false;
  }
}

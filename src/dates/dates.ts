import { DateTime } from "luxon";

/**
 * The forms of ISO 8601 an article may use: a bare date, or a date and time (seconds and a
 * fraction optional) with an optional offset (`Z`, `+08:00`, `+0800` or `+08`).
 */
const ARTICLE_DATE = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;
/** No ISO 8601 date is longer than this; longer text is refused before anything parses it. */
const MAX_DATE_LENGTH = 40;
/** Real UTC offsets run from UTC-12:00 (Baker Island) to UTC+14:00 (Kiribati's Line Islands). */
const MIN_OFFSET_MINUTES = -12 * 60;
const MAX_OFFSET_MINUTES = 14 * 60;

/** A front-matter date read, or the reason it cannot be (for `field: "value" reason`). */
export type ArticleDateReading = { date: DateTime } | { problem: "not-iso" | "offset" | "year"; offset?: string };

/**
 * Reads a front-matter date in the site's time zone, saying why when it cannot: text that is
 * not ISO 8601 or an impossible day (`not-iso`), an offset no time zone has, such as `+24:00`
 * or `+05:60` (`offset`), or a date whose year in the site's zone has more than four digits
 * (`year`, which feeds and sitemaps cannot write).
 */
export function readArticleDate(value: string, timeZone: string): ArticleDateReading {
  const text = value.trim();
  if (text.length > MAX_DATE_LENGTH) return { problem: "not-iso" };
  const match = ARTICLE_DATE.exec(text);
  if (!match) return { problem: "not-iso" };
  const [, sign, hours, minutes] = match;
  if (sign && hours) {
    const offset = (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0));
    if (Number(minutes ?? 0) > 59 || offset < MIN_OFFSET_MINUTES || offset > MAX_OFFSET_MINUTES) {
      return { problem: "offset", offset: `${sign}${hours}:${minutes ?? "00"}` };
    }
  }
  // luxon keeps an explicit offset's instant and reads text without one as wall time in `zone`;
  // either way the result is expressed in the site's zone.
  const iso = text.length > 10 ? `${text.slice(0, 10)}T${text.slice(11)}`.replace(/z$/, "Z") : text;
  const parsed = DateTime.fromISO(iso, { zone: timeZone });
  if (!parsed.isValid) return { problem: "not-iso" };
  if (parsed.year > 9999) return { problem: "year" };
  return { date: parsed };
}

/**
 * Parses a front-matter date in the site's time zone. A date with an offset keeps its instant;
 * a bare date means midnight in the site's zone; a date-time without offset is wall time there.
 * Returns `undefined` when the text is not ISO 8601 or names an impossible day or offset.
 * @example parseArticleDate("2025-03-01T00:30:00+08:00", "Asia/Shanghai")?.toISO() // "2025-03-01T00:30:00.000+08:00"
 */
export function parseArticleDate(value: string, timeZone: string): DateTime | undefined {
  const reading = readArticleDate(value, timeZone);
  return "date" in reading ? reading.date : undefined;
}

/**
 * ISO 8601 with the site zone's offset and no milliseconds, for `datetime`, feeds and JSON-LD.
 * @example isoDateTime(dt) // "2025-03-01T00:30:00+08:00"
 */
export function isoDateTime(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "";
}

/**
 * The dateline readers see: day, month, year and time in the site's zone, in an edition's
 * locale and format.
 * @example formatDateline(dt, "en-GB") // "1 March 2025, 00:30"
 * @example formatDateline(dt, "zh-CN", "yyyy年M月d日 HH:mm") // "2025年3月1日 00:30"
 */
export function formatDateline(date: DateTime, locale: string, format = "d MMMM yyyy, HH:mm"): string {
  return date.setLocale(locale).toFormat(format);
}

/**
 * The short date used in lists.
 * @example formatShortDate(dt, "en-GB") // "1 Mar 2025"
 * @example formatShortDate(dt, "zh-CN", "yyyy年M月d日") // "2025年3月1日"
 */
export function formatShortDate(date: DateTime, locale: string, format = "d MMM yyyy"): string {
  return date.setLocale(locale).toFormat(format);
}

/** Year and month of an article's URL, taken in the site's zone. */
export function urlDateParts(date: DateTime): { year: string; month: string } {
  return { year: date.toFormat("yyyy"), month: date.toFormat("MM") };
}

import { DateTime } from "luxon";

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses a front-matter date in the site's time zone. A date with an offset keeps its instant;
 * a bare date means midnight in the site's zone; a date-time without offset is wall time there.
 * Returns `undefined` when the text is not ISO 8601.
 * @example parseArticleDate("2025-03-01T00:30:00+08:00", "Asia/Shanghai")?.toISO() // "2025-03-01T00:30:00.000+08:00"
 */
export function parseArticleDate(value: string, timeZone: string): DateTime | undefined {
  const text = value.trim();
  if (!BARE_DATE.test(text) && !/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return undefined;
  // luxon keeps an explicit offset's instant and reads text without one as wall time in `zone`;
  // either way the result is expressed in the site's zone.
  const parsed = DateTime.fromISO(text.replace(" ", "T"), { zone: timeZone });
  return parsed.isValid ? parsed : undefined;
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

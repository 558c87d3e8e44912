import type { DateTime } from "luxon";
import { fillText, type Edition } from "../config/editions.ts";
import { paginate, type ListPage } from "./pagination.ts";
import type { Article } from "./published-article.ts";

/** A day with stories, as a month page lists it. */
export interface ArchiveDayLink {
  /** `2025-03-01`, for `<time datetime>`. */
  iso: string;
  /** The day in the edition's locale, without the year: "Saturday 1 March", "3月1日星期六". */
  label: string;
  url: string;
  count: number;
}

/** A month with stories: its days, newest first. */
export interface ArchiveMonth {
  /** `2025-03`, for `<time datetime>`. */
  iso: string;
  /** The month alone, as the archive's index lists it under its year: "March", "三月". */
  label: string;
  /** The month and year: "March 2025", "2025年3月". */
  heading: string;
  url: string;
  count: number;
  /** The newest story's publication: the page changes when a story is added to the month. */
  lastmod: string;
  days: ArchiveDayLink[];
}

/** A year with stories: its months, newest first. */
export interface ArchiveYear {
  iso: string;
  /** "2025", "2025年". */
  label: string;
  count: number;
  months: ArchiveMonth[];
}

/** One page of a day's stories, with the way back to its month. */
export interface ArchiveDayPage {
  listPage: ListPage;
  /** `2025-03-01`. */
  iso: string;
  month: { label: string; heading: string; url: string };
  /** The newest change (publication or update) among the page's stories. */
  lastmod: string;
}

/** One edition's archive by date, built once per build. */
export interface EditionArchive {
  /** `/archive/`, `/zh/archive/`. */
  url: string;
  /** Years with stories, newest first; months and days within them likewise. */
  years: ArchiveYear[];
  /** The pages of every day, newest day first (a day of more than a page's stories has several). */
  dayPages: ArchiveDayPage[];
  count: number;
  /** The newest publication in the edition, or none when it has no story. */
  lastmod?: string;
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** The newest of some ISO instants (any offsets). */
function newest(isos: Iterable<string>): string {
  let best = "";
  let bestTime = -Infinity;
  for (const iso of isos) {
    const time = Date.parse(iso);
    if (time > bestTime) [best, bestTime] = [iso, time];
  }
  return best;
}

/**
 * Groups one edition's published articles (newest first) by the day they were published in the
 * site's time zone (the zone their dates are read in, as their URLs are), then by month and year:
 * one pass over the articles, then one over the days. A story at 00:30 on 1 March in Shanghai
 * (16:30 UTC on 28 February) is on 1 March. Days, months and years without stories are absent.
 */
export function buildArchive(articles: readonly Article[], edition: Edition, pageSize: number): EditionArchive {
  const url = `${edition.prefix}archive/`;
  const byDay = new Map<string, Article[]>();
  for (const article of articles) {
    const at = article.publishedAt;
    const key = `${pad(at.year, 4)}-${pad(at.month)}-${pad(at.day)}`;
    const list = byDay.get(key);
    if (list) list.push(article);
    else byDay.set(key, [article]);
  }
  // Newest first: keys are `yyyy-MM-dd`, which sort as text; a day keeps the articles' order.
  const dayKeys = [...byDay.keys()].sort().reverse();
  const localized = (date: DateTime) => date.setLocale(edition.locale);

  const years: ArchiveYear[] = [];
  const dayPages: ArchiveDayPage[] = [];
  for (const key of dayKeys) {
    const stories = byDay.get(key)!;
    const date = localized(stories[0]!.publishedAt);
    const [yyyy, mm, dd] = key.split("-") as [string, string, string];
    let year = years.at(-1);
    if (year?.iso !== yyyy) {
      year = { iso: yyyy, label: date.toLocaleString({ year: "numeric" }), count: 0, months: [] };
      years.push(year);
    }
    let month = year.months.at(-1);
    if (month?.iso !== `${yyyy}-${mm}`) {
      month = {
        iso: `${yyyy}-${mm}`,
        label: date.toLocaleString({ month: "long" }),
        heading: date.toLocaleString({ month: "long", year: "numeric" }),
        url: `${url}${yyyy}/${mm}/`,
        count: 0,
        // The month's first day is its newest, and a day's first story its newest.
        lastmod: stories[0]!.published.iso,
        days: [],
      };
      year.months.push(month);
    }
    const dayUrl = `${month.url}${dd}/`;
    month.days.push({ iso: key, label: date.toLocaleString({ weekday: "long", day: "numeric", month: "long" }), url: dayUrl, count: stories.length });
    month.count += stories.length;
    year.count += stories.length;

    const heading = date.toLocaleString({ weekday: "long", day: "numeric", month: "long", year: "numeric" });
    const monthLink = { label: month.label, heading: month.heading, url: month.url };
    for (const listPage of paginate(stories, pageSize, {
      kind: "day",
      key,
      heading,
      description: fillText(edition.ui.archiveDayDescription, { day: heading, site: edition.name }),
      url: dayUrl,
      edition,
    })) {
      dayPages.push({ listPage, iso: key, month: monthLink, lastmod: newest(listPage.items.map((story) => (story.updated ?? story.published).iso)) });
    }
  }
  return { url, years, dayPages, count: articles.length, lastmod: articles[0]?.published.iso };
}

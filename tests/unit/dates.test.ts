import { describe, expect, it } from "vitest";
import { formatDateline, formatShortDate, isoDateTime, parseArticleDate, urlDateParts } from "../../src/dates/dates.ts";

const zone = "Asia/Shanghai";
const iso = (text: string) => {
  const date = parseArticleDate(text, zone);
  return date ? isoDateTime(date) : undefined;
};

describe("parseArticleDate", () => {
  it("keeps the instant of a date with an offset and shows it in the site's zone", () => {
    expect(iso("2025-03-01T00:30:00+08:00")).toBe("2025-03-01T00:30:00+08:00");
    expect(iso("2025-02-28T16:30:00Z")).toBe("2025-03-01T00:30:00+08:00");
    expect(iso("2025-02-28T12:30:00-04:00")).toBe("2025-03-01T00:30:00+08:00");
  });

  it("reads a bare date as midnight in the site's zone", () => {
    expect(iso("2025-03-01")).toBe("2025-03-01T00:00:00+08:00");
  });

  it("reads a date-time without offset as wall time in the site's zone", () => {
    expect(iso("2025-03-01T09:15")).toBe("2025-03-01T09:15:00+08:00");
    expect(iso("2025-03-01 09:15")).toBe("2025-03-01T09:15:00+08:00");
  });

  it("rejects text that is not an ISO 8601 date, and impossible days", () => {
    for (const text of ["yesterday", "01/03/2025", "2025-02-30", "2025-13-01", "2025", ""]) {
      expect(parseArticleDate(text, zone), text).toBeUndefined();
    }
  });
});

describe("formatting", () => {
  const date = parseArticleDate("2025-02-28T16:30:00Z", zone)!;

  it("writes the dateline on the site's calendar day", () => {
    expect(formatDateline(date, "en-GB")).toBe("1 March 2025, 00:30");
    expect(formatShortDate(date, "en-GB")).toBe("1 Mar 2025");
  });

  it("takes the URL's year and month in the site's zone", () => {
    expect(urlDateParts(date)).toEqual({ year: "2025", month: "03" });
  });
});

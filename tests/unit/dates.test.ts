import { describe, expect, it } from "vitest";
import { formatDateline, formatShortDate, isoDateTime, parseArticleDate, readArticleDate, urlDateParts } from "../../src/dates/dates.ts";

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

describe("offsets", () => {
  const problem = (text: string) => {
    const reading = readArticleDate(text, zone);
    return "date" in reading ? isoDateTime(reading.date) : reading;
  };

  it("refuses offsets no time zone has, which would shift the story by hours or days", () => {
    expect(problem("2025-03-01T09:00:00+99:00")).toEqual({ problem: "offset", offset: "+99:00" });
    expect(problem("2025-03-01T09:00:00+24:00")).toEqual({ problem: "offset", offset: "+24:00" });
    expect(problem("2025-03-01T09:00:00-13:00")).toEqual({ problem: "offset", offset: "-13:00" });
    expect(problem("2025-03-01T09:00:00+14:01")).toEqual({ problem: "offset", offset: "+14:01" });
    expect(problem("2025-03-01T09:00:00+05:60")).toEqual({ problem: "offset", offset: "+05:60" });
    expect(problem("2025-03-01T09:00:00+0599")).toEqual({ problem: "offset", offset: "+05:99" });
    expect(parseArticleDate("2025-03-01T09:00:00+24:00", zone)).toBeUndefined();
  });

  it("accepts the real range, -12:00 to +14:00, Z, and the short forms +0530 and +05", () => {
    expect(problem("2025-03-01T09:00:00+14:00")).toBe("2025-03-01T03:00:00+08:00");
    expect(problem("2025-03-01T09:00:00-12:00")).toBe("2025-03-02T05:00:00+08:00");
    expect(problem("2025-03-01T09:00:00Z")).toBe("2025-03-01T17:00:00+08:00");
    expect(problem("2025-03-01t09:00:00z")).toBe("2025-03-01T17:00:00+08:00");
    expect(problem("2025-03-01T09:00:00+0530")).toBe("2025-03-01T11:30:00+08:00");
    expect(problem("2025-03-01T09:00:00+05")).toBe("2025-03-01T12:00:00+08:00");
    expect(problem("2025-03-01T09:00:00-00:00")).toBe("2025-03-01T17:00:00+08:00");
  });

  it("refuses a zone name after the offset, which luxon misreads, and text too long to be a date", () => {
    expect(problem("2025-03-01T09:15:00+08:00[Europe/Paris]")).toEqual({ problem: "not-iso" });
    expect(problem(`2025-03-01T09:15:00.${"1".repeat(100)}+08:00`)).toEqual({ problem: "not-iso" });
  });

  it("refuses a date whose year in the site's zone has five digits, which feeds cannot write", () => {
    expect(problem("9999-12-31T23:00:00Z")).toEqual({ problem: "year" });
    expect(problem("9999-12-31T15:59:59Z")).toBe("9999-12-31T23:59:59+08:00");
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

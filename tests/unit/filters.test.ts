import { describe, expect, it } from "vitest";
import { documentTitle } from "../../src/filters/filters-plugin.ts";
import { absoluteUrl, withPathPrefix } from "../../src/urls/site-urls.ts";

describe("withPathPrefix", () => {
  it("puts a site path under the prefix and percent-encodes it", () => {
    expect(withPathPrefix("/china/", "/")).toBe("/china/");
    expect(withPathPrefix("/china/", "/newsroom/")).toBe("/newsroom/china/");
    expect(withPathPrefix("/tags/人工智能/", "/")).toBe("/tags/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/");
  });

  it("leaves absolute URLs alone", () => {
    expect(withPathPrefix("https://example.org/x", "/newsroom/")).toBe("https://example.org/x");
    expect(withPathPrefix("mailto:a@example.org", "/newsroom/")).toBe("mailto:a@example.org");
  });
});

describe("absoluteUrl", () => {
  it("joins SITE_URL, the prefix and the path", () => {
    expect(absoluteUrl("/china/", "https://example.org", "/")).toBe("https://example.org/china/");
    expect(absoluteUrl("/china/", "https://example.org/", "/newsroom/")).toBe("https://example.org/newsroom/china/");
  });

  it("does not repeat a prefix SITE_URL already ends with", () => {
    expect(absoluteUrl("/china/", "https://example.org/newsroom", "/newsroom/")).toBe("https://example.org/newsroom/china/");
  });
});

describe("documentTitle", () => {
  it("adds the site name when it fits", () => {
    expect(documentTitle("Night ferry opens", "Broadsheet Daily")).toBe("Night ferry opens | Broadsheet Daily");
  });

  it("drops the site name, then cuts at a word, to stay within 70 characters as HTML", () => {
    const long = "Harbour City port volumes rise > 5% for third month";
    expect(documentTitle(long, "Broadsheet Daily")).toBe(long);
    const longer = "A very long headline about harbour ferries, night markets and the people who keep them running";
    const title = documentTitle(longer, "Broadsheet Daily");
    expect(title.length).toBeLessThanOrEqual(70);
    expect(title).toBe("A very long headline about harbour ferries, night markets and the…");
  });

  it("falls back to the site's own title on the home page", () => {
    expect(documentTitle("", "Broadsheet Daily", "Broadsheet Daily: News")).toBe("Broadsheet Daily: News");
  });
});

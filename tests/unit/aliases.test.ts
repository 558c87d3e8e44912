import { describe, expect, it } from "vitest";
import { checkAlias, type AliasRules } from "../../src/content/aliases.ts";
import { makeArticle, reservedSegments, settings } from "../helpers/articles.ts";

const rules: AliasRules = {
  reservedSegments,
  editionPrefixes: settings.editions.map((edition) => edition.prefix),
  sectionKeys: settings.sections.map((section) => section.key),
};
const reasonOf = (alias: string) => {
  const checked = checkAlias(alias, rules);
  return "reason" in checked ? checked.reason : `accepted as ${checked.path}`;
};

describe("an alias is a story's old site path", () => {
  it.each([
    ["/china/2025/02/old-slug/", "/china/2025/02/old-slug/"],
    // A section the site no longer has: a story moved out of it.
    ["/sport/2024/11/final/", "/sport/2024/11/final/"],
    ["/zh/china/2025/04/数字中国/", "/zh/china/2025/04/数字中国/"],
    // Copied from an address bar: decoded, as article URLs are kept.
    ["/china/2025/04/%E6%95%B0%E5%AD%97/", "/china/2025/04/数字/"],
    ["  /world/2025/01/x/ ", "/world/2025/01/x/"],
  ])("%s is accepted", (alias, path) => {
    expect(checkAlias(alias, rules)).toEqual({ path });
  });

  it.each([
    ["https://example.org/china/2025/02/old/", /is a web address; give its site path alone, e.g. \/china\/2025\/02\/old\/$/],
    ["//example.org/x/", /is a web address/],
    ["china/2025/02/old/", /is not a site path: it starts with \/, e.g. \/china\/2025\/02\/old\/$/],
    ["/china/2025/02/old", /must end with "\/", as the site's URLs do: "\/china\/2025\/02\/old\/"$/],
    ["/china/2025/02/old/?page=2", /no query or fragment/],
    ["/china//old/", /no empty segments/],
    ["/china/../tags/", /no "\." or "\.\." segments/],
    ["/china/%E6%95/", /broken percent-encoding/],
    ["/china/a%2Fb/", /encodes a character/],
    ["/china/old story/", /holds a space/],
    [`/china/${"a".repeat(256)}/`, /a segment of 256 bytes/],
    ["/", /is the front page/],
    ["/zh/", /an edition's front page/],
    ["/tags/energy/", /is under \/tags\/, a folder the site writes itself/],
    ["/zh/search/", /is under \/zh\/search\/, a folder the site writes itself/],
    ["/assets/css/main.css/", /is under \/assets\//],
    ["/china/", /a section's front/],
    ["/china/page/2/", /a page of a section's list/],
    ["", /must not be empty/],
  ])("%s is refused", (alias, reason) => {
    expect(reasonOf(alias)).toMatch(reason);
  });

  it("lands on the parsed article, decoded; its own URL or one listed twice is refused", () => {
    expect(makeArticle("moved", { aliases: ["/china/2025/02/old/", "/zh/china/2025/02/%E6%97%A7/"] }).aliases).toEqual(["/china/2025/02/old/", "/zh/china/2025/02/旧/"]);
    expect(makeArticle("plain").aliases).toEqual([]);
    expect(() => makeArticle("self", { aliases: ["/china/2025/05/self/"] })).toThrow(/is this story's own URL/);
    expect(() => makeArticle("twice", { aliases: ["/china/2025/02/a/", "/china/2025/02/a/"] })).toThrow(/aliases\.1.*is listed twice/);
    expect(() => makeArticle("not-a-list", { aliases: "/china/2025/02/a/" })).toThrow(/aliases.*must be a list of site paths/);
  });
});

import { describe, expect, it } from "vitest";
import path from "node:path";
import { viewKey } from "../../src/render/view-key.ts";
import { editionData } from "../../src/config/editions.ts";
import { readSettings } from "../../src/config/site-settings.ts";
import { projectRoot } from "../helpers/site.ts";
import { outputFileOf } from "../../src/render/page-cache.ts";
import { buildNewsroom } from "../../src/collections/newsroom.ts";
import { teaserOf } from "../../src/pages/teaser.ts";
import { makeArticle, settings } from "../helpers/articles.ts";

describe("viewKey", () => {
  const editions = readSettings(path.join(projectRoot, "_data")).editions;
  const edition = editions[0]!;
  const view = (summary: string) => ({ edition, items: [{ title: "Ferry timetable", summary, published: { iso: "2025-02-19T09:00:00+08:00" } }] });

  it("gives the same key to the same view, and another to a view that differs in any nested field", () => {
    expect(viewKey(view("Night sailings resume."))).toBe(viewKey(view("Night sailings resume.")));
    expect(viewKey(view("Night sailings resume."))).not.toBe(viewKey(view("Night sailings resumed.")));
    expect(viewKey({ a: [1, 2] })).not.toBe(viewKey({ a: [2, 1] }));
    expect(viewKey(view("x"))).toMatch(/^[0-9a-f]{32}$/);
  });

  it("hashes an edition by its name (the shared key holds its data in full), and leaves functions out", () => {
    expect(JSON.stringify({ edition })).toBe('{"edition":{"edition":"en"}}');
    expect(viewKey(view("x"))).not.toBe(viewKey({ ...view("x"), edition: editions[1] }));
    expect(JSON.stringify(editionData(edition))).toContain('"ui":{');
    expect(viewKey({ body: { html: () => "<p>a</p>" }, sourceHash: "1" })).toBe(viewKey({ body: { html: () => "<p>b</p>" }, sourceHash: "1" }));
  });
});

describe("outputFileOf", () => {
  it("writes a folder URL as its index.html and a file URL as itself, decoded", () => {
    expect(outputFileOf("/site", "/china/")).toBe("/site/china/index.html");
    expect(outputFileOf("/site", "/")).toBe("/site/index.html");
    expect(outputFileOf("/site", "/404.html")).toBe("/site/404.html");
    expect(outputFileOf("/site", "/zh/tags/%E8%8C%B6%E5%8F%B6/")).toBe("/site/zh/tags/茶叶/index.html");
  });
});

describe("a teaser in a view's key", () => {
  it("is hashed once, as the hash of its fields: the same fields give the same key, any other field another", () => {
    const { articles } = buildNewsroom([makeArticle("ferry"), makeArticle("ferry-2", { summary: "Night sailings resumed." }), makeArticle("ferry-3")], settings);
    const [ferry, ferryTwo, ferryThree] = ["ferry", "ferry-2", "ferry-3"].map((slug) => teaserOf(articles.find((article) => article.slug === slug)!));
    expect(teaserOf(articles.find((article) => article.slug === "ferry")!)).toBe(ferry); // made once a build
    expect(JSON.stringify(ferry)).toMatch(/^\{"teaser":"[A-Za-z0-9+/]{43}="\}$/);
    expect(ferry!.title).toBe("Story ferry"); // templates still read its fields
    const key = (teaser: unknown) => viewKey({ listPage: { items: [teaser] } });
    expect(key(ferry)).not.toBe(key(ferryTwo));
    expect(key(ferry)).not.toBe(key(ferryThree)); // another title and URL
    const rebuilt = (fields: Record<string, unknown> = {}) => teaserOf(buildNewsroom([makeArticle("ferry", fields)], settings).articles[0]!);
    expect(key(rebuilt())).toBe(key(ferry));
    // The same story at the same URL with any field changed: another key.
    expect(key(rebuilt({ summary: "Night sailings resumed." }))).not.toBe(key(ferry));
    expect(key(rebuilt({ authors: [settings.authors[0]!.key] }))).not.toBe(key(ferry));
  });
});

import { describe, expect, it } from "vitest";
import { viewHasher } from "../../src/render/view-key.ts";
import { outputFileOf } from "../../src/render/page-cache.ts";

describe("viewHasher", () => {
  const edition = { lang: "en", ui: { home: "Home" } };
  const hash = viewHasher(new Map([[edition, "en"]]));
  const view = (summary: string) => ({ edition, items: [{ title: "Ferry timetable", summary, published: { iso: "2025-02-19T09:00:00+08:00" } }] });

  it("gives the same key to the same view, and another to a view that differs in any nested field", () => {
    expect(hash(view("Night sailings resume."))).toBe(hash(view("Night sailings resume.")));
    expect(hash(view("Night sailings resume."))).not.toBe(hash(view("Night sailings resumed.")));
    expect(hash({ a: [1, 2] })).not.toBe(hash({ a: [2, 1] }));
    expect(hash(view("x"))).toMatch(/^[0-9a-f]{32}$/);
  });

  it("hashes a shared object by its name (the shared key holds its contents), and leaves functions out", () => {
    const other = viewHasher(new Map([[edition, "zh"]]));
    expect(hash(view("x"))).not.toBe(other(view("x")));
    const copy = { ...edition };
    expect(hash({ edition })).not.toBe(hash({ edition: copy })); // a copy is not the shared object: hashed in full
    expect(hash({ body: { html: () => "<p>a</p>" }, sourceHash: "1" })).toBe(hash({ body: { html: () => "<p>b</p>" }, sourceHash: "1" }));
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

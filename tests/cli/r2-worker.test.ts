import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { FakeR2Bucket } from "../helpers/fake-r2.ts";
import { sharedSite } from "../helpers/shared-sites.ts";
import { projectRoot } from "../helpers/site.ts";
import { cloudFrontFunction } from "../../tools/cloudfront-function.ts";

// deploy/r2-worker/worker.js, the Worker in front of the R2 bucket, run as Cloudflare runs it
// (its default export's fetch with the request and the bindings) over the demo site as
// tools/deploy-sync.sh would have uploaded it. The demo has an alias, so it has `_redirects`.
interface Worker {
  fetch(request: Request, env: { BUCKET: FakeR2Bucket; PATH_PREFIX?: string }): Promise<Response>;
}
const ORIGIN = "https://news.example.com";
const ARTICLE = "/economy/2026/09/harbour-city-port-volumes-rise/";
const ALIAS = "/china/2026/09/port-volumes-rise/";

let worker: Worker;
let site: string;
let bucket: FakeR2Bucket;
const call = (urlPath: string, init: RequestInit = {}, env: { PATH_PREFIX?: string } = {}) => worker.fetch(new Request(ORIGIN + urlPath, init), { BUCKET: bucket, ...env });
const file = (key: string) => readFile(path.join(site, key), "utf8");

beforeAll(async () => {
  const built = await sharedSite("demo");
  expect(built.exitCode, built.stderr).toBe(0);
  site = built.output;
  bucket = new FakeR2Bucket(site);
  worker = ((await import(pathToFileURL(path.join(projectRoot, "deploy/r2-worker/worker.js")).href)) as { default: Worker }).default;
});

describe("the R2 Worker over the demo site", () => {
  it("serves an article's page at its URL, with and without the trailing slash", async () => {
    const page = await file(`${ARTICLE}index.html`);
    for (const url of [ARTICLE, ARTICLE.slice(0, -1)]) {
      const response = await call(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(await response.text()).toBe(page);
    }
  });

  it("serves the front page at / and answers HEAD with the headers and no body", async () => {
    const front = await call("/");
    expect(front.status).toBe(200);
    expect(await front.text()).toBe(await file("index.html"));
    const head = await call("/", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(front.headers.get("etag"));
    expect(await head.text()).toBe("");
  });

  it("gives a stylesheet its type and deploy-sync's five minutes, a content-named image a year", async () => {
    const css = await call("/assets/css/main.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(css.headers.get("cache-control")).toBe("public, max-age=300");
    expect(await css.text()).toBe(await file("assets/css/main.css"));

    const image = `img/${(await readdir(path.join(site, "img"))).find((name) => name.endsWith(".jpeg"))}`; // named by a hash of the photo
    const photo = await call(`/${image}`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/jpeg");
    expect(photo.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("redirects an old URL as _redirects lists it, with or without its slash, keeping the query", async () => {
    expect(await file("_redirects")).toContain(`${ALIAS} ${ARTICLE} 301`);
    for (const url of [ALIAS, ALIAS.slice(0, -1)]) {
      const response = await call(`${url}?ref=feed`, { redirect: "manual" });
      expect(response.status, url).toBe(301);
      expect(response.headers.get("location")).toBe(`${ORIGIN}${ARTICLE}?ref=feed`);
    }
    expect((await call("/_redirects")).status).toBe(404);
  });

  it("reads _redirects once per isolate while its etag holds, and again after it changes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.parse("2030-01-01T00:00:00Z")); // later than any earlier test's reads
      const reads = () => bucket.requested.filter((key) => key === "_redirects").length;
      const before = reads();
      await call("/");
      await call(ARTICLE);
      expect(reads() - before, "one read for two requests").toBe(1);
      vi.setSystemTime(Date.parse("2030-01-01T00:01:01Z"));
      const sent = bucket.sent.length;
      await call("/");
      expect(reads() - before, "asked again after a minute").toBe(2);
      expect(bucket.sent.slice(sent), "but the etag held, so only the page's body came").toEqual(["index.html"]);

      const changed = new FakeR2Bucket(site);
      await changed.put("_redirects", "/old/ /new/ 301\n"); // a deploy that moved a story
      vi.setSystemTime(Date.parse("2030-01-01T00:01:30Z"));
      expect((await worker.fetch(new Request(`${ORIGIN}/old/`), { BUCKET: changed })).status, "still the first copy within the minute").toBe(404);
      vi.setSystemTime(Date.parse("2030-01-01T00:02:02Z"));
      const moved = await worker.fetch(new Request(`${ORIGIN}/old/`, { redirect: "manual" }), { BUCKET: changed });
      expect(moved.status).toBe(301);
      expect(moved.headers.get("location")).toBe(`${ORIGIN}/new/`);
    } finally {
      vi.useRealTimers();
    }
  });

  it("answers a missing page with 404.html and status 404", async () => {
    for (const url of ["/economy/2026/09/no-such-story/", "/no-such-file.css", "/economy/2026/09/no-such-story"]) {
      const response = await call(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(await response.text()).toBe(await file("404.html"));
    }
  });

  it("answers 304 to a matching If-None-Match, and the page to another tag", async () => {
    const first = await call(ARTICLE);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await call(ARTICLE, { headers: { "if-none-match": `"other", W/${etag}` } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toBe("public, max-age=300");
    expect(await again.text()).toBe("");
    const stale = await call(ARTICLE, { headers: { "if-none-match": '"0123"' } });
    expect(stale.status).toBe(200);
  });

  it("refuses other methods with 405 and says which it takes", async () => {
    const response = await call(ARTICLE, { method: "POST", body: "x" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });

  it("never asks the bucket for a key with `..` in it", async () => {
    const asked = bucket.requested.length;
    for (const url of ["/assets/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2fpackage.json", "/%2e%2e%5c404.html", "/a/%ZZ"]) {
      const response = await call(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).toBe(await file("404.html"));
    }
    expect(bucket.requested.slice(asked).filter((key) => key.includes(".."))).toEqual([]);
  });

  it("serves a site built under PATH_PREFIX from the bucket's root, and nothing outside the prefix", async () => {
    for (const prefix of [{ PATH_PREFIX: "/newsroom/" }, { PATH_PREFIX: "newsroom" }]) {
      for (const url of ["/newsroom/", "/newsroom"]) {
        const response = await call(url, {}, prefix);
        expect(response.status, url).toBe(200);
        expect(await response.text()).toBe(await file("index.html"));
      }
      expect(await (await call(`/newsroom${ARTICLE}`, {}, prefix)).text()).toBe(await file(`${ARTICLE}index.html`));
      expect((await call(ARTICLE, {}, prefix)).status).toBe(404);
    }
  });
});

describe("the CloudFront Function made from the demo's _redirects", () => {
  it("redirects the demo's alias and rewrites its article's URL to the index file", async () => {
    type Handler = (event: { request: { uri: string } }) => { uri?: string; statusCode?: number; headers?: Record<string, { value: string }> };
    const handler = vm.runInNewContext(`${cloudFrontFunction(await file("_redirects"))}\nhandler;`, {}) as Handler;
    expect(handler({ request: { uri: ALIAS } })).toMatchObject({ statusCode: 301, headers: { location: { value: ARTICLE } } });
    expect(handler({ request: { uri: ARTICLE } })).toMatchObject({ uri: `${ARTICLE}index.html` });
  });
});

import { readFileSync } from "node:fs";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { cloudFrontFunction, FUNCTION_SOURCE, MAX_FUNCTION_BYTES } from "../../tools/cloudfront-function.ts";

// deploy/cloudfront/index-rewrite.js, the CloudFront Function for a site in S3, with a table
// made by tools/cloudfront-function.ts from lines in the build's `_redirects` format, run as
// CloudFront runs it: a script (no module) whose handler gets a viewer-request event.
interface CloudFrontRequest {
  method: string;
  uri: string;
  querystring: Record<string, { value: string }>;
  headers: Record<string, { value: string }>;
}
type Handler = (event: { version: string; request: CloudFrontRequest }) => CloudFrontRequest | { statusCode: number; headers: Record<string, { value: string }> };

const REDIRECTS = [
  "# Old URLs of stories (aliases: in their front matter) and where each story is now.",
  "/china/2026/09/port-volumes-rise/ /economy/2026/09/harbour-city-port-volumes-rise/ 301",
  "/zh/china/2026/09/%E6%B8%AF%E5%8F%A3/ /zh/economy/2026/09/gang-kou/ 301",
].join("\n");

const load = (code: string): Handler => vm.runInNewContext(`${code}\nhandler;`, {}, { filename: "index-rewrite.js" }) as Handler;
const handler = load(cloudFrontFunction(REDIRECTS));
const viewerRequest = (uri: string) => handler({ version: "1.0", request: { method: "GET", uri, querystring: {}, headers: { host: { value: "news.example.com" } } } });

describe("the CloudFront Function", () => {
  it("asks the bucket for a folder's index.html, with or without the trailing slash", () => {
    expect(viewerRequest("/")).toMatchObject({ uri: "/index.html" });
    expect(viewerRequest("/economy/2026/09/harbour-city-port-volumes-rise/")).toMatchObject({ uri: "/economy/2026/09/harbour-city-port-volumes-rise/index.html" });
    expect(viewerRequest("/economy/2026/09/harbour-city-port-volumes-rise")).toMatchObject({ uri: "/economy/2026/09/harbour-city-port-volumes-rise/index.html" });
  });

  it("leaves a file's URL as it is", () => {
    expect(viewerRequest("/assets/css/main.css")).toMatchObject({ uri: "/assets/css/main.css" });
    expect(viewerRequest("/pagefind/fragment/en_3f2a.pf_fragment")).toMatchObject({ uri: "/pagefind/fragment/en_3f2a.pf_fragment" });
  });

  it("redirects an old URL as _redirects lists it, with or without its slash", () => {
    for (const uri of ["/china/2026/09/port-volumes-rise/", "/china/2026/09/port-volumes-rise"]) {
      expect(viewerRequest(uri), uri).toEqual({
        statusCode: 301,
        statusDescription: "Moved Permanently",
        headers: { location: { value: "/economy/2026/09/harbour-city-port-volumes-rise/" } },
      });
    }
  });

  it("matches a percent-encoded old URL whatever the case of its escapes", () => {
    for (const uri of ["/zh/china/2026/09/%E6%B8%AF%E5%8F%A3/", "/zh/china/2026/09/%e6%b8%af%e5%8f%a3/"]) {
      expect(viewerRequest(uri), uri).toMatchObject({ statusCode: 301, headers: { location: { value: "/zh/economy/2026/09/gang-kou/" } } });
    }
    expect(viewerRequest("/zh/%E6%B8/"), "malformed escapes reach the bucket, which has no such key").toMatchObject({ uri: "/zh/%E6%B8/" });
  });

  it("has no redirects as shipped, and is filled in only where its placeholder is", () => {
    const shipped = load(readFileSync(FUNCTION_SOURCE, "utf8"));
    expect(shipped({ version: "1.0", request: { method: "GET", uri: "/china/2026/09/port-volumes-rise/", querystring: {}, headers: {} } })).toMatchObject({
      uri: "/china/2026/09/port-volumes-rise/index.html",
    });
    expect(() => cloudFrontFunction(REDIRECTS, "function handler(event) { return event.request; }")).toThrow(/var REDIRECTS = \{\};/);
  });

  it("refuses a table past CloudFront Functions' 10 KB, saying what still serves", () => {
    const many = Array.from({ length: 200 }, (_, n) => `/china/2020/01/old-story-${n}/ /china/2020/01/new-story-${n}/ 301`).join("\n");
    expect(() => cloudFrontFunction(many)).toThrow(/200 redirects make the CloudFront Function \d+ bytes, over CloudFront Functions' 10240: the old URLs' redirect pages still send readers on/);
    expect(Buffer.byteLength(cloudFrontFunction(many.split("\n").slice(0, 50).join("\n")))).toBeLessThanOrEqual(MAX_FUNCTION_BYTES);
  });
});

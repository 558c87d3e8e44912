/**
 * `npm run measure:search -- SITE_DIR QUERY [QUERY…]`: what a reader downloads for the first page
 * of one search on a built site, in headless Chromium, with the site served gzipped as a static
 * host would. A QUERY is a word (`braindtras`), words (`"wiork braindtras"`) or a query string
 * (`q=wiork&sort=newest`). Prints a Markdown table per query: the page, Pagefind's engine (cached
 * after the first search), the index and the result fragments, in bytes and requests.
 * `--to-end` then clicks "Show more results" until the last result and prints what every page
 * together cost; `--urls=FILE` writes the results' addresses, one a line (to check a result set).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { launchBrowser } from "./chromium.ts";
import { serveSite } from "./static-server.ts";

type Part = "page" | "engine" | "index" | "fragments";
const PARTS: Array<[Part, string]> = [
  ["page", "the search page (HTML, CSS, favicon, search-page.js)"],
  ["engine", "Pagefind's engine (JS, worker, WebAssembly; cached after the first search)"],
  ["index", "manifest, shard metadata, index entries and filter indexes this search needed"],
  ["fragments", "result fragments (groups of articles) for the results shown"],
];

function partOf(url: string): Part {
  const { pathname } = new URL(url);
  if (!pathname.includes("/pagefind/")) return "page";
  if (/\/pagefind\/(?:.*\/)?fragment\//.test(pathname)) return "fragments";
  if (/\/pagefind\/.*\/(index|filter)\/|pf_meta$|pagefind-entry\.json$|shards\.json$/.test(pathname)) return "index";
  return "engine";
}

// What the measurement's server gzips (tools/static-server.ts); Pagefind's own files come gzipped.
const GZIPPED = new Set([".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".wasm"]);

/**
 * The bytes of a response body as served, from the site's file: the browser reports none for a
 * worker's script, so every response is counted the same way, from the file (headers left out).
 */
function servedBytes(siteDir: string, url: string): number {
  let file = path.join(siteDir, decodeURIComponent(new URL(url).pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
  if (!existsSync(file)) return 0;
  return GZIPPED.has(path.extname(file)) ? gzipSync(readFileSync(file)).length : statSync(file).size;
}

const kib = (bytes: number) => `${(bytes / 1024).toLocaleString("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} KiB`;

interface Options {
  toEnd: boolean;
  urlsFile?: string;
}

async function measure(siteDir: string, queries: string[], options: Options): Promise<void> {
  const server = await serveSite(path.resolve(siteDir), "/", { gzip: true });
  const browser = await launchBrowser();
  try {
    for (const query of queries) {
      const search = query.includes("=") ? query : `q=${encodeURIComponent(query)}`;
      const context = await browser.newContext();
      const page = await context.newPage();
      const bytes: Record<Part, number> = { page: 0, engine: 0, index: 0, fragments: 0 };
      const requests: Record<Part, number> = { page: 0, engine: 0, index: 0, fragments: 0 };
      // Playwright sees the requests of Pagefind's web worker too (a CDP page session does not).
      context.on("requestfinished", (request) => {
        const part = partOf(request.url());
        bytes[part] += servedBytes(siteDir, request.url());
        requests[part]++;
      });
      await page.goto(`${server.origin}/search/?${search}`);
      await page.locator('[data-module="search-page"][data-state="ready"]').waitFor({ timeout: 300_000 });
      await page.waitForLoadState("networkidle");
      const summary = (await page.locator(".bs-search__summary").textContent())?.trim();
      const shown = await page.locator(".bs-search-result").count();
      const total = Object.values(bytes).reduce((sum, value) => sum + value, 0);
      const count = Object.values(requests).reduce((sum, value) => sum + value, 0);
      console.log(`\n${siteDir}: ${search} (${summary}; ${shown} shown)`);
      console.log("| part | bytes over the wire | requests |\n| --- | ---: | ---: |");
      for (const [part, label] of PARTS) console.log(`| ${label} | ${kib(bytes[part])} | ${requests[part]} |`);
      console.log(`| **first page, total** | **${kib(total)}** | **${count}** |`);
      if (options.toEnd) {
        const ready = page.locator('[data-module="search-page"][data-state="ready"]');
        let pages = 1;
        for (; await page.locator(".bs-search__more").isVisible(); pages++) {
          await page.locator(".bs-search__more").click();
          await ready.waitFor({ timeout: 300_000 });
        }
        await page.waitForLoadState("networkidle");
        const all = Object.values(bytes).reduce((sum, value) => sum + value, 0);
        const allRequests = Object.values(requests).reduce((sum, value) => sum + value, 0);
        const last = (await page.locator(".bs-search__summary").textContent())?.trim();
        console.log(`| **all ${pages} pages to the last result (${last})** | **${kib(all)}** | **${allRequests}** |`);
      }
      if (options.urlsFile) {
        const urls = await page.locator(".bs-search-result__link").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
        writeFileSync(options.urlsFile, urls.map((url) => `${url}\n`).join(""));
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

const args = process.argv.slice(2);
const [siteDir, ...queries] = args.filter((arg) => !arg.startsWith("--"));
const urlsFile = args.find((arg) => arg.startsWith("--urls="))?.slice("--urls=".length);
if (!siteDir || queries.length === 0) {
  console.error("usage: npm run measure:search -- SITE_DIR QUERY [QUERY…] [--to-end] [--urls=FILE]");
  process.exitCode = 2;
} else {
  await measure(siteDir, queries, { toEnd: args.includes("--to-end"), urlsFile });
}

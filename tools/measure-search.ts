/**
 * `npm run measure:search -- SITE_DIR WORD [WORD…]`: the bytes a reader downloads for one search
 * on a built site, in headless Chromium, with the site served gzipped as a static host would.
 * Prints a Markdown table per word, split into the page, Pagefind's engine (cached after the
 * first search), and the index and result fragments that this search needed.
 */
import path from "node:path";
import { launchBrowser } from "./chromium.ts";
import { serveSite } from "./static-server.ts";

type Part = "page" | "engine" | "index" | "results";

function partOf(url: string): Part {
  const { pathname } = new URL(url);
  if (!pathname.includes("/pagefind/")) return "page";
  if (/\/pagefind\/(?:.*\/)?fragment\//.test(pathname)) return "results";
  if (/\/pagefind\/.*\/(index|filter)\/|pf_meta$|pagefind-entry\.json$|shards\.json$/.test(pathname)) return "index";
  return "engine";
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function measure(siteDir: string, words: string[]): Promise<void> {
  const server = await serveSite(path.resolve(siteDir), "/", { gzip: true });
  const browser = await launchBrowser();
  try {
    for (const word of words) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const totals: Record<Part, number> = { page: 0, engine: 0, index: 0, results: 0 };
      let requests = 0;
      // Playwright sees the requests of Pagefind's web worker too (a CDP page session does not).
      const pending: Promise<void>[] = [];
      context.on("requestfinished", (request) => {
        pending.push(
          request.sizes().then((sizes) => {
            totals[partOf(request.url())] += sizes.responseBodySize + sizes.responseHeadersSize;
            requests++;
          }),
        );
      });
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent(word)}`);
      await page.waitForFunction(() => /result/i.test(document.querySelector(".bs-search__summary")?.textContent ?? ""), null, { timeout: 60_000 });
      await page.waitForLoadState("networkidle");
      await Promise.all(pending);
      const summary = (await page.locator(".bs-search__summary").textContent())?.trim();
      const total = totals.page + totals.engine + totals.index + totals.results;
      console.log(`\n${siteDir}: "${word}" (${summary}), ${requests} requests`);
      console.log("| part | bytes over the wire |\n| --- | ---: |");
      console.log(`| the search page (HTML, CSS, favicon, search-page.js) | ${kib(totals.page)} |`);
      console.log(`| Pagefind's engine, once per shard (JS, WebAssembly; cached after the first search) | ${kib(totals.engine)} |`);
      console.log(`| index entries and filters this search needed | ${kib(totals.index)} |`);
      console.log(`| result fragments shown | ${kib(totals.results)} |`);
      console.log(`| **total** | **${kib(total)}** |`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

const [siteDir, ...words] = process.argv.slice(2);
if (!siteDir || words.length === 0) {
  console.error("usage: npm run measure:search -- SITE_DIR WORD [WORD…]");
  process.exitCode = 2;
} else {
  await measure(siteDir, words);
}

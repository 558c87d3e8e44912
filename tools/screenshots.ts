/**
 * `npm run screenshots`: full-page PNGs of each page type of the built site (`_site/`, built
 * first when missing), at 375 px and 1280 px wide, light and dark, into `screenshots/`.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { launchBrowser } from "./chromium.ts";
import { serveSite } from "./static-server.ts";

const site = path.resolve(process.argv[2] ?? "_site");
const out = path.resolve("screenshots");
const PAGES: Record<string, string> = {
  home: "/",
  article: "/china/2026/08/harbour-city-opens-night-ferry/",
  "photo-story": "/china/2026/11/west-quay-cranes-last-shift/",
  "table-story": "/economy/2026/11/rooftop-solar-district-league-table/",
  "video-story": "/world/2026/11/valdoria-reservoirs-refill-drought-emergency-stays/",
  "note-story": "/zh/china/2026/11/baishui-villages-vote-to-move-uphill/",
  section: "/world/",
  tag: "/tags/climate/",
  "tag-index": "/tags/",
  search: "/search/?q=ferry",
  "not-found": "/404.html",
};

if (!existsSync(path.join(site, "index.html"))) execFileSync("npm", ["run", "build"], { stdio: "inherit" });
await mkdir(out, { recursive: true });
const server = await serveSite(site);
const browser = await launchBrowser();
try {
  for (const width of [375, 1280]) {
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const [name, url] of Object.entries(PAGES)) {
        await page.goto(`${server.origin}${url}`, { waitUntil: "networkidle" });
        if (name === "search") await page.waitForSelector(".bs-search-result");
        const file = path.join(out, `${name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(path.relative(process.cwd(), file));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

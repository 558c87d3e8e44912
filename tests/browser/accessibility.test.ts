import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { useServedSites } from "../helpers/served-site.ts";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const served = useServedSites({ fixture: { shared: "fixture" }, storyBody: { shared: "storyBody" } });

const PAGES: Record<string, [keyof typeof served.servers, string]> = {
  home: ["fixture", "/"],
  article: ["fixture", "/society/2025/04/updated-story/"],
  "hostile article": ["fixture", "/sci-tech/2025/03/hostile-title/"],
  section: ["fixture", "/economy/"],
  tag: ["fixture", "/tags/trade/"],
  "tag index": ["fixture", "/tags/"],
  search: ["fixture", "/search/?q=body"],
  "Chinese search": ["fixture", "/zh/search/?q=%E7%82%92%E8%8C%B6"],
  "not found": ["fixture", "/404.html"],
  "reporters": ["fixture", "/authors/"],
  "reporter": ["fixture", "/authors/chen-yu/"],
  archive: ["fixture", "/archive/"],
  "archive month": ["fixture", "/archive/2025/04/"],
  "archive day": ["fixture", "/archive/2025/03/01/"],
  "Chinese archive day": ["fixture", "/zh/archive/2025/03/01/"],
  // The story body: photos, a gallery, footnotes and a note; a table, a fact box and a pull quote; embeds.
  "photo story": ["storyBody", "/society/2025/05/harbour-photo-story/"],
  "table story": ["storyBody", "/economy/2025/05/ferry-fares-table/"],
  "video story": ["storyBody", "/society/2025/05/harbour-video/"],
  "Chinese photo story": ["storyBody", "/zh/society/2025/05/harbour-photo-story/"],
};

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

describe("axe-core (WCAG 2.2 A and AA) in Chromium", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const [name, [site, path]] of Object.entries(PAGES)) {
      it(`finds no violation on the ${name} page (${colorScheme})`, async () => {
        // axe is injected as a script: the test context bypasses the page's CSP to allow it.
        const context = await served.browser.newContext({ bypassCSP: true, colorScheme });
        const page = await context.newPage();
        await page.goto(`${served.servers[site].origin}${path}`);
        if (path.startsWith("/search/") || path.startsWith("/zh/search/")) await page.waitForSelector(".bs-search-result");
        await page.addScriptTag({ path: axePath });
        const violations = (await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
          return result.violations;
        })) as AxeViolation[];
        await context.close();
        expect(violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join("; ")})`)).toEqual([]);
      });
    }
  }
});

import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { useServedSite } from "../helpers/served-site.ts";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const served = useServedSite({ shared: "fixture" });

const PAGES = {
  home: "/",
  article: "/society/2025/04/updated-story/",
  "hostile article": "/sci-tech/2025/03/hostile-title/",
  section: "/economy/",
  tag: "/tags/trade/",
  "tag index": "/tags/",
  search: "/search/?q=body",
  "Chinese search": "/zh/search/?q=%E7%82%92%E8%8C%B6",
  "not found": "/404.html",
};

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

describe("axe-core (WCAG 2.2 A and AA) in Chromium", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const [name, path] of Object.entries(PAGES)) {
      it(`finds no violation on the ${name} page (${colorScheme})`, async () => {
        // axe is injected as a script: the test context bypasses the page's CSP to allow it.
        const context = await served.browser.newContext({ bypassCSP: true, colorScheme });
        const page = await context.newPage();
        await page.goto(`${served.server.origin}${path}`);
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

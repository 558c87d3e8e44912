import { beforeAll, describe, expect, it } from "vitest";
import { auditPages } from "../../tools/lighthouse-audit.ts";
import type { BuildResult } from "../helpers/site.ts";
import { sharedSite } from "../helpers/shared-sites.ts";

// Runs alone (its own vitest run in npm test): Lighthouse's performance score depends on the
// CPU, so nothing else may compete for it. Accessibility, best practices and SEO must be 100;
// performance is measured at 100 on this machine (README) and must stay at least 95 here, with
// one retry, so a busy CI machine cannot fail it by noise alone.
let site: BuildResult;
beforeAll(async () => {
  site = await sharedSite("demo");
  expect(site.exitCode, site.stderr).toBe(0);
});

// The front page, an article, a section and search; and the story body's photo story (a gallery)
// and video story (embeds behind their facade).
const PAGES = [
  "/",
  "/china/2026/08/harbour-city-opens-night-ferry/",
  "/world/",
  "/search/?q=ferry",
  "/china/2026/11/west-quay-cranes-last-shift/",
  "/world/2026/11/valdoria-reservoirs-refill-drought-emergency-stays/",
  // A reporter's page (issue 17).
  "/authors/li-wei/",
];

describe("Lighthouse 12 in the system Chromium", () => {
  it("scores 100 for accessibility, best practices and SEO, and at least 95 for performance, on the home, article, section and search pages, a photo story, a video story and a reporter's page", async () => {
    let results = await auditPages(site.output, PAGES);
    const slow = results.filter((result) => result.scores.performance < 100).map((result) => result.path);
    if (slow.length > 0) {
      const retried = await auditPages(site.output, slow);
      results = results.map((result) => {
        const again = retried.find((candidate) => candidate.path === result.path);
        return again && again.scores.performance > result.scores.performance ? again : result;
      });
    }
    for (const result of results) {
      expect(result.scores.accessibility, `${result.path}: ${result.failing.join(", ")}`).toBe(100);
      expect(result.scores["best-practices"], `${result.path}: ${result.failing.join(", ")}`).toBe(100);
      expect(result.scores.seo, `${result.path}: ${result.failing.join(", ")}`).toBe(100);
      expect(result.scores.performance, `${result.path}: ${result.failing.join(", ")}`).toBeGreaterThanOrEqual(95);
    }
  }, 300_000);
});

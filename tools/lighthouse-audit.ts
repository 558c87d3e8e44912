/**
 * `npm run lighthouse -- [SITE_DIR] [PATH…]`: Lighthouse 12 (performance, accessibility, best
 * practices, SEO) on pages of a built site served with gzip as a static host would, in the
 * system Chromium. Prints a table; exits non-zero when a score is below 100.
 */
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromiumPath } from "./chromium.ts";
import { serveSite } from "./static-server.ts";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

export interface LighthouseScores {
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  failing: string[];
}

/** Audits each path (mobile form factor, Lighthouse's default simulated throttling). */
export async function auditPages(siteDir: string, paths: string[]): Promise<LighthouseScores[]> {
  const server = await serveSite(path.resolve(siteDir), "/", { gzip: true });
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const results: LighthouseScores[] = [];
  try {
    for (const pagePath of paths) {
      const result = await lighthouse(`${server.origin}${pagePath}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${pagePath}`);
      const { categories, audits } = result.lhr;
      const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)])) as LighthouseScores["scores"];
      const failing = Object.values(audits)
        .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== "informative" && audit.scoreDisplayMode !== "manual" && audit.scoreDisplayMode !== "notApplicable")
        .map((audit) => `${audit.id} (${audit.score})`);
      results.push({ path: pagePath, scores, failing });
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [siteDir = "_site", ...paths] = process.argv.slice(2);
  const pages = paths.length > 0 ? paths : ["/"];
  const results = await auditPages(siteDir, pages);
  console.log(`| page | ${CATEGORIES.join(" | ")} |\n| --- |${CATEGORIES.map(() => " ---: |").join("")}`);
  for (const result of results) console.log(`| \`${result.path}\` | ${CATEGORIES.map((id) => result.scores[id]).join(" | ")} |`);
  for (const result of results) if (result.failing.length) console.log(`${result.path}: below full marks: ${result.failing.join(", ")}`);
  if (results.some((result) => CATEGORIES.some((id) => result.scores[id] < 100))) process.exitCode = 1;
}

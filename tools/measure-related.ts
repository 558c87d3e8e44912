/**
 * `npm run measure:related -- ARTICLES_DIR…`: times the Recommended Reading step (the inverted
 * tag index and ranking) on each folder of articles, apart from parsing and rendering.
 */
import path from "node:path";
import { DateTime } from "luxon";
import { readSettings } from "../src/config/site-settings.ts";
import { createMarkdown } from "../src/markdown/markdown.ts";
import { createParseContext } from "../src/content/parse-article.ts";
import { loadArticles } from "../src/content/load-articles.ts";
import { compareNewestFirst } from "../src/collections/newsroom.ts";
import { computeRelatedArticles } from "../src/collections/related-articles.ts";

const context = createParseContext(readSettings(), createMarkdown(), DateTime.now());
console.log("| articles | related step | per article |\n| ---: | ---: | ---: |");
for (const dir of process.argv.slice(2)) {
  const { articles } = await loadArticles(path.resolve(dir), context);
  const sorted = articles.filter((article) => article.status === "published").sort(compareNewestFirst);
  computeRelatedArticles(sorted); // warm up the JIT once, then take the best of three runs
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    computeRelatedArticles(sorted);
    best = Math.min(best, performance.now() - started);
  }
  console.log(`| ${sorted.length.toLocaleString("en")} | ${best.toFixed(0)} ms | ${((best * 1000) / sorted.length).toFixed(1)} µs |`);
}

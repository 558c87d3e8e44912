import { readFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { EleventyConfig } from "@11ty/eleventy";

/** What one indexing run did, for the build log. */
export interface SearchIndexResult {
  pages: number;
  seconds: number;
}

/**
 * Indexes the built site with Pagefind's Node API and writes the bundle to `site/pagefind/`.
 * Only article pages carry `data-pagefind-body`, so only articles are indexed; `+` and `#` are
 * kept in words so `C++` and `C#` can be searched for.
 */
export async function buildSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({ includeCharacters: "+#" });
    if (!index) throw new Error(`Pagefind: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join("; ")}`);
    const outputPath = path.join(siteDir, "pagefind");
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
    // `page_count` above counts every HTML file read; the entry file counts what was indexed.
    const entry = JSON.parse(await readFile(path.join(outputPath, "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    return { pages, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pagefind.close();
  }
}

/** Builds the search index after every Eleventy build, `npm start`'s rebuilds included. */
export function searchPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    const { pages, seconds } = await buildSearchIndex(directories.output);
    console.log(`[broadsheet] search index: ${pages} articles in ${seconds.toFixed(2)} s.`);
  });
}

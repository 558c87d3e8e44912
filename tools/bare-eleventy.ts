/**
 * The floor `npm run bench` compares against: a bare Eleventy 3 build of the same corpus, one
 * Markdown file a template through one Nunjucks layout, Eleventy's own collections included.
 * No search index, lists, feeds or images: what any Eleventy site pays before doing anything.
 */
import { mkdtemp, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** Writes a throwaway Eleventy project that reads `articlesDir` and returns its folder. */
export async function writeBareProject(articlesDir: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "broadsheet-bare-"));
  await mkdir(path.join(dir, "_includes"), { recursive: true });
  await writeFile(
    path.join(dir, "eleventy.config.mjs"),
    `export default function (eleventyConfig) {
  eleventyConfig.setInputDirectory(${JSON.stringify(articlesDir)});
  eleventyConfig.setIncludesDirectory(${JSON.stringify(path.relative(articlesDir, path.join(dir, "_includes")))});
  eleventyConfig.addGlobalData("layout", "article.njk");
  eleventyConfig.setQuietMode(true);
}
export const config = { templateFormats: ["md"], markdownTemplateEngine: false };
`,
  );
  await writeFile(
    path.join(dir, "_includes", "article.njk"),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head><body><main><h1>{{ title }}</h1>{{ content | safe }}</main></body></html>\n`,
  );
  return dir;
}

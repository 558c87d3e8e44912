import type { EleventyConfig } from "@11ty/eleventy";

/** What Eleventy calls `page` in a template and in a transform's `this`. */
export interface EleventyPageData {
  url: string;
  inputPath: string;
  outputPath: string;
  outputFileExtension: string;
}

/** The data Eleventy gives only to its own templates, or only to the page capturing the rest. */
const NOT_GLOBAL = new Set(["page", "collections", "permalink", "eleventyExcludeFromCollections"]);

/**
 * Eleventy's global data (`_data/` and `addGlobalData`, after every plugin's), for pages Eleventy
 * does not render itself: a virtual template that writes nothing takes it from the data cascade.
 * The function returns it once Eleventy has rendered its templates (from `eleventy.after`).
 */
export function captureGlobalData(eleventyConfig: EleventyConfig): () => Record<string, unknown> {
  let captured: Record<string, unknown> | undefined;
  // A Nunjucks template, so Eleventy makes its Nunjucks environment (the page writer's) even
  // when it has no other Nunjucks template; a shortcode's `this.ctx` is the template's data.
  eleventyConfig.addShortcode("broadsheetCaptureGlobalData", function (this: { ctx: Record<string, unknown> }) {
    captured = Object.fromEntries(Object.entries(this.ctx).filter(([key]) => !NOT_GLOBAL.has(key)));
    return "";
  });
  eleventyConfig.addTemplate("broadsheet-global-data.njk", "{% broadsheetCaptureGlobalData %}", { permalink: false, eleventyExcludeFromCollections: true });
  return () => {
    if (!captured) throw new Error("Eleventy's global data was not captured: its template did not render");
    return captured;
  };
}

/**
 * Runs the transforms and linters added with `addTransform` and `addLinter` (Eleventy's own
 * included) over a page written outside Eleventy, as Eleventy runs them over its own pages: in
 * the order added, each given the page as `this`.
 */
export function eleventyPostProcessing(eleventyConfig: EleventyConfig): (content: string, page: EleventyPageData) => Promise<string> {
  return async (content, page) => {
    const context = { inputPath: page.inputPath, outputPath: page.outputPath, url: page.url, page };
    for (const linter of Object.values(eleventyConfig.linters)) void linter.call(context, content, page.inputPath, page.outputPath);
    let result = content;
    for (const [name, transform] of Object.entries(eleventyConfig.transforms)) {
      try {
        result = String(await transform.call({ ...context, baseHref: undefined }, result, page.outputPath));
      } catch (error) {
        throw new Error(`Transform \`${name}\` failed on ${page.url}: ${(error as Error).message}`, { cause: error });
      }
    }
    return result;
  };
}

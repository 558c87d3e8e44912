/**
 * The dependency rule (issue 15): the model flows one way, and no module imports — even only a
 * type — from a stage above it. Stages, lowest first: the shared basics (config, dates, slugs,
 * text, urls, xml, cache, security, markdown); image processing; content (reading articles);
 * collections (the newsroom model and the plugin that loads it); pages (the page registry: each
 * page type's URLs and views); then what writes the site (render, search, feeds, sitemaps,
 * structured data, filters, styles, the images plugin); then
 * the CLI, eleventy.config.ts and tools/. `npm run lint` runs this over src/, tools/ and
 * eleventy.config.ts.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const upper = "^src/(collections|pages|render|search|feeds|sitemaps|structured-data|filters|styles|cli)/|^src/images/article-images-plugin\\.ts$";

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Two modules that import each other tie two stages together: move the shared type or function down to the stage that owns it.",
      from: {},
      to: { circular: true },
    },
    {
      name: "basics-stay-below",
      severity: "error",
      comment: "Config, dates, slugs, text, URLs, XML, the cache, security and Markdown know nothing of articles or of what is built from them.",
      from: { path: "^src/(config|dates|slugs|text|urls|xml|cache|security|markdown)/" },
      to: { path: `^src/(content|images)/|${upper}` },
    },
    {
      name: "image-processing-knows-no-eleventy",
      severity: "error",
      comment: "Image processing takes files and returns sizes; only its plugin talks to Eleventy or to the newsroom.",
      from: { path: "^src/images/article-images\\.ts$" },
      to: { path: `^node_modules/@11ty/eleventy/|^src/content/|${upper}` },
    },
    {
      name: "content-knows-no-collections",
      severity: "error",
      comment: "Reading an article knows nothing of the newsroom built from the articles, nor of what is written from it.",
      from: { path: "^src/content/" },
      to: { path: upper },
    },
    {
      name: "pages-know-no-writer",
      severity: "error",
      comment: "A page type says what a page shows (its URL and view); how pages are rendered, cached and written is the writer's, and Eleventy's.",
      from: { path: "^src/pages/" },
      to: { path: "^node_modules/@11ty/eleventy/|^src/(render|search|feeds|sitemaps|structured-data|filters|styles|cli)/|^src/images/article-images-plugin\\.ts$" },
    },
    {
      name: "src-knows-no-tools",
      severity: "error",
      comment: "tools/ measures the build from outside; the build never imports it (or the Eleventy config that wires it).",
      from: { path: "^src/" },
      to: { path: "^tools/|^eleventy\\.config\\.ts$" },
    },
  ],
  options: {
    // Only our own modules: packages are leaves, and walking them costs seconds.
    doNotFollow: { path: "node_modules" },
    // Type-only imports are edges too: a cycle through `import type` still ties two stages.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};

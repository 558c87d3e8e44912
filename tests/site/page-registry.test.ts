import { cp, mkdtemp, readFile, readdir, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, fixtureArticles, FIXTURE_EPOCH, projectRoot, type BuildResult } from "../helpers/site.ts";

// The page registry from a site developer's side: a copy of the project that adds an Eleventy
// transform and global data the Eleventy way, and a page type as the README's walkthrough does
// (one module, one line in the registry, one template). Built twice with one cache.

const env = { BROADSHEET_ARTICLES: fixtureArticles, SOURCE_DATE_EPOCH: FIXTURE_EPOCH, SITE_URL: "https://registry.example.org" };

/** A page type the project does not have: each edition's list of sections with their counts. */
const DESK_PAGE_TYPE = `import type { PageType, PageView } from "./page-type.ts";

export interface DeskView extends PageView {
  desks: Array<{ label: string; url: string; count: number }>;
}

export const deskPages: PageType<DeskView> = {
  kind: "desk",
  template: "pages/desks.njk",
  segments: ["desks"],
  inSitemap: true,
  *pages({ newsroom }) {
    for (const { edition, sections } of newsroom.editions) {
      const url = \`\${edition.prefix}desks/\`;
      yield {
        url,
        view: {
          edition,
          meta: { title: "Desks", description: "Every desk of the newsroom.", path: url, type: "website" },
          head: {},
          desks: sections.map((section) => ({ label: section.label, url: section.url, count: section.count })),
        },
      };
    }
  },
};
`;

const DESK_TEMPLATE = `<h1>Desks</h1>
<ul>
  {% for desk in desks %}
  <li><a href="{{ desk.url | href }}">{{ desk.label }}</a> ({{ desk.count }})</li>
  {% endfor %}
</ul>
`;

let project: string;
let first: BuildResult;
let second: BuildResult;
let htmlFiles: string[];

async function listHtml(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** The URL a site file is served at: `china/index.html` at `/china/`. */
const urlOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, "$1")}`;

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), "broadsheet-registry-"));
  for (const entry of ["src", "_data", "_includes", "eleventy.config.ts", "package.json", "package-lock.json", "tsconfig.json"]) {
    await cp(path.join(projectRoot, entry), path.join(project, entry), { recursive: true });
  }
  await symlink(path.join(projectRoot, "node_modules"), path.join(project, "node_modules"));
  // A site developer's own Eleventy additions, in the config as Eleventy documents them.
  const config = path.join(project, "eleventy.config.ts");
  const source = await readFile(config, "utf8");
  await writeFile(
    config,
    source.replace(
      "export default function (eleventyConfig: EleventyConfig) {\n",
      `export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addGlobalData("probeMotto", "Kingfisher desk");
  eleventyConfig.addTransform("probe", function (content: string) {
    // As Eleventy documents it: a template written nowhere has no outputPath.
    return (this.page.outputPath || "").endsWith(".html") ? content.replace("</body>", \`<!-- probe transform: \${this.page.url} -->\\n</body>\`) : content;
  });
`,
    ),
  );
  // Global data is the page templates' (components take what they are given).
  const layout = path.join(project, "_includes/layouts/base.njk");
  await writeFile(layout, (await readFile(layout, "utf8")).replace("</body>", '<p class="bs-probe-motto">{{ probeMotto }}</p>\n</body>'));
  // The walkthrough: a module and a template, and the module named in the registry.
  await writeFile(path.join(project, "src/pages/desks.ts"), DESK_PAGE_TYPE);
  await writeFile(path.join(project, "_includes/pages/desks.njk"), DESK_TEMPLATE);
  const registry = path.join(project, "src/pages/registry.ts");
  const registrySource = (await readFile(registry, "utf8"))
    .replace('import { notFoundPages } from "./not-found.ts";', 'import { notFoundPages } from "./not-found.ts";\nimport { deskPages } from "./desks.ts";')
    // The array's last entry, however the registry lays out its lines.
    .replace(/(export const PAGE_TYPES: readonly AnyPageType\[\] = \[[^\]]*?),?\s*\];/, "$1, deskPages];");
  expect(registrySource).toContain("deskPages]");
  await writeFile(registry, registrySource);

  const work = await mkdtemp(path.join(os.tmpdir(), "broadsheet-registry-site-"));
  const cache = path.join(work, "cache");
  first = await buildSite({ ...env, BROADSHEET_CACHE: cache }, path.join(work, "site"), project);
  expect(first.exitCode, first.stderr).toBe(0);
  second = await buildSite({ ...env, BROADSHEET_CACHE: cache }, path.join(work, "site"), project);
  expect(second.exitCode, second.stderr).toBe(0);
  htmlFiles = await listHtml(second.output);
}, 120_000);

describe("Eleventy's extension points", () => {
  it("a transform added with addTransform reaches every HTML page, each told its own URL", async () => {
    expect(htmlFiles.length).toBeGreaterThan(60);
    for (const file of htmlFiles) {
      const html = await readFile(path.join(second.output, file), "utf8");
      expect(html, file).toContain(`<!-- probe transform: ${urlOf(file)} -->`);
    }
  });

  it("global data added with addGlobalData reaches every page's templates", async () => {
    for (const file of htmlFiles) {
      expect(await readFile(path.join(second.output, file), "utf8"), file).toContain('<p class="bs-probe-motto">Kingfisher desk</p>');
    }
  });
});

describe("every HTML page comes from the registry", () => {
  it("the build counts each page type's pages, and they are every HTML file written", () => {
    const counts = [...second.stdout.matchAll(/\] (\d+) ([a-z ]+?) pages?: (\d+) rendered, (\d+) reused/g)].map((match) => ({ kind: match[2], pages: Number(match[1]) }));
    expect(counts.map((count) => count.kind)).toEqual(["home", "tag index", "section", "tag", "article", "search", "not found", "author index", "author", "archive", "archive month", "archive day", "redirect", "desk"]);
    const total = counts.reduce((sum, count) => sum + count.pages, 0);
    expect(second.stdout).toContain(`] ${total} pages and `);
    expect(htmlFiles.length).toBe(total);
  });

  it("a new page type's pages are written, listed in the sitemap, and reused from the cache by the next build", async () => {
    const desks = await readFile(path.join(second.output, "desks/index.html"), "utf8");
    expect(desks).toMatch(/<a href="\/china\/">[^<]+<\/a> \(\d+\)/);
    expect(desks).toContain('<html lang="en"');
    expect(await readFile(path.join(second.output, "zh/desks/index.html"), "utf8")).toContain('<html lang="zh-Hans"');
    const sitemap = await readFile(path.join(second.output, "sitemap.xml"), "utf8");
    expect(sitemap).toContain("<loc>https://registry.example.org/desks/</loc>");
    expect(sitemap).toContain("<loc>https://registry.example.org/zh/desks/</loc>");
    expect(first.stdout).toMatch(/\] 2 desk pages: 2 rendered, 0 reused/);
    expect(second.stdout).toMatch(/\] 2 desk pages: 0 rendered, 2 reused/);
  });

  it("the sitemap lists each page of the types in it, and no other", async () => {
    const parser = new XMLParser({ isArray: (name) => name === "url" });
    const { urlset } = parser.parse(await readFile(path.join(second.output, "sitemap.xml"), "utf8")) as { urlset: { url: Array<{ loc: string }> } };
    const listed = urlset.url.map((entry) => decodeURI(entry.loc.replace("https://registry.example.org", ""))).sort();
    const pages = htmlFiles.map(urlOf).filter((url) => !/(^|\/)search\/$|^\/404\.html$/.test(url)).sort();
    expect(listed).toEqual(pages);
  });
});

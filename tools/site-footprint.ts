/**
 * What a built site costs, by kind of file, as a host counts it (every file in full):
 * article pages, list pages (home, sections, tags, archive, authors and the other HTML pages),
 * the search index (pagefind/) and the rest (feeds, sitemaps, assets, images).
 * `npx tsx tools/site-footprint.ts SITE [ARTICLES]` prints it; `npm run bench` reports it per article.
 */
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const FOOTPRINT_KINDS = ["article pages", "list pages", "search index", "other"] as const;
export type FootprintKind = (typeof FOOTPRINT_KINDS)[number];
export type SiteFootprint = Record<FootprintKind | "total", { bytes: number; files: number }>;

/** An article's page is `{section}/{yyyy}/{mm}/{slug}/index.html`, in either edition (an archive day has the same depth). */
const ARTICLE_PAGE = /^(?:zh\/)?(?!archive\/)[^/]+\/\d{4}\/\d{2}\/[^/]+\/index\.html$/;

export function kindOf(file: string): FootprintKind {
  if (file.startsWith("pagefind/")) return "search index";
  if (ARTICLE_PAGE.test(file)) return "article pages";
  return file.endsWith(".html") ? "list pages" : "other";
}

export function measureFootprint(dir: string): SiteFootprint {
  const footprint = Object.fromEntries([...FOOTPRINT_KINDS, "total"].map((kind) => [kind, { bytes: 0, files: 0 }])) as SiteFootprint;
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(dir, folder), { withFileTypes: true })) {
      const file = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(file);
      else {
        const bytes = lstatSync(path.join(dir, file)).size;
        for (const kind of [kindOf(file), "total"] as const) {
          footprint[kind].bytes += bytes;
          footprint[kind].files++;
        }
      }
    }
  };
  walk("");
  return footprint;
}

/** Every file of a site by the SHA-256 of its bytes, keyed by its path in the site. */
export function contentHashes(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(dir, file), createHash("sha256").update(readFileSync(file)).digest("hex"));
  }
  return hashes;
}

/**
 * What a deploy that compares content (`npm run deploy:sync`, rclone --checksum) does to move a
 * host from the `published` site to the `next`: the files it uploads (new or changed bytes) and
 * the files it deletes, over the next site's files.
 */
export function deployDelta(published: ReadonlyMap<string, string>, next: ReadonlyMap<string, string>): { uploads: number; deletions: number; files: number } {
  let uploads = 0;
  for (const [file, hash] of next) if (published.get(file) !== hash) uploads++;
  let deletions = 0;
  for (const file of published.keys()) if (!next.has(file)) deletions++;
  return { uploads, deletions, files: next.size };
}

/** "35.1 KB, 2.52 files" an article: the kind's bytes (10^3) and files over the articles. */
export function perArticle(part: { bytes: number; files: number }, articles: number): string {
  return `${(part.bytes / articles / 1000).toFixed(1)} KB, ${(part.files / articles).toFixed(2)} files`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [site, articles] = process.argv.slice(2);
  if (!site) throw new Error("usage: tsx tools/site-footprint.ts SITE [ARTICLES]");
  const footprint = measureFootprint(site);
  for (const kind of [...FOOTPRINT_KINDS, "total"] as const) {
    const part = footprint[kind];
    const each = articles ? `; an article: ${perArticle(part, Number(articles))}` : "";
    console.log(`${kind}: ${(part.bytes / 1e6).toFixed(1)} MB in ${part.files.toLocaleString("en")} files${each}`);
  }
}

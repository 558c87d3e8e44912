import { lstatSync, readdirSync, rmdirSync, unlinkSync, type Stats } from "node:fs";
import path from "node:path";

/**
 * The site a build replaced, reused as the next build's staging folder and updated in place:
 * a one-article rebuild of 10,000 articles otherwise creates 14,000 page folders (130 µs each on
 * a cloud disk) and links 17,000 files into a new folder, and deletes the old site's as many.
 *
 * Nothing in the spare is trusted. A page is kept only where the spare's file is the very file
 * (same device and inode) of the cache entry this build links for that URL, an entry the page
 * writer has checked against its hash as for any other use; any other file at that URL is
 * replaced (never written through). Every file that is not a page (an `.html` file linked into
 * the cache: another of its links is the cache's) is deleted before
 * Eleventy and the search index write theirs, as into an empty folder; pages this build does
 * not write are deleted at the end, and folders left empty with them. So the result holds
 * exactly the files a build into an empty folder writes, whatever the spare held: a site edited
 * by hand, a build killed half-way through updating it, or nothing at all.
 */

interface FileIdentity {
  dev: number;
  ino: number;
}

interface SpareSite {
  root: string;
  /** The spare's pages (every `.html` file) and which file each is. */
  pages: Map<string, FileIdentity>;
  /** Every folder the spare holds (the page writer creates only the others). */
  folders: Set<string>;
  /** Pages this build wrote or kept: the spare's others are deleted by `finishSpareSite`. */
  written: Set<string>;
  /** Folders a deletion may have left empty. */
  emptied: Set<string>;
  kept: number;
}

/** The spare being updated by this process's build, if any. */
let current: SpareSite | undefined;

const isPage = (name: string) => name.endsWith(".html");

/**
 * Takes the tree at `root` (this build's staging folder, which held the site before last) as the
 * starting point of this build's site: records its pages and folders, deletes everything else
 * (what is not a page, a symbolic link, a socket), before anything writes into it. Gives how
 * many pages and other files it found.
 */
export function adoptSpareSite(root: string): { pages: number; deleted: number } {
  root = path.resolve(root);
  const spare: SpareSite = { root, pages: new Map(), folders: new Set(), written: new Set(), emptied: new Set(), kept: 0 };
  let deleted = 0;
  let stats: Stats;
  const walk = (folder: string) => {
    spare.folders.add(folder);
    const entries = readdirSync(folder, { withFileTypes: true });
    if (entries.length === 0) spare.emptied.add(folder);
    for (const entry of entries) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(file);
      } else if (entry.isFile() && isPage(entry.name) && (stats = lstatSync(file)).nlink > 1) {
        spare.pages.set(file, { dev: stats.dev, ino: stats.ino });
      } else {
        unlinkSync(file);
        spare.emptied.add(folder);
        deleted++;
      }
    }
  };
  walk(root);
  current = spare;
  return { pages: spare.pages.size, deleted };
}

/**
 * Whether the page at `target` (under `outputDir`) is already the file `cached` in the spare
 * being updated, so it need not be linked again; records the page as written either way. For
 * the page writer: `undefined` when no spare is being updated there (a folder built from empty).
 */
export function spareHolds(outputDir: string, target: string, cached: () => Stats): boolean | undefined {
  const spare = current;
  if (spare === undefined || spare.root !== path.resolve(outputDir)) return undefined;
  const file = path.resolve(target);
  spare.written.add(file);
  const found = spare.pages.get(file);
  if (found === undefined) return false;
  const entry = cached();
  if (entry.ino !== found.ino || entry.dev !== found.dev) return false;
  spare.kept++;
  return true;
}

/** Whether `folder` exists in the spare being updated at `outputDir` (so it need not be created). */
export function spareHasFolder(outputDir: string, folder: string): boolean {
  const spare = current;
  return spare !== undefined && spare.root === path.resolve(outputDir) && spare.folders.has(path.resolve(folder));
}

/** Records files Eleventy wrote (templates of its own or a plugin's), so a page of that name stays. */
export function spareWritten(outputDir: string, files: Iterable<string>): void {
  const spare = current;
  if (spare === undefined || spare.root !== path.resolve(outputDir)) return;
  for (const file of files) spare.written.add(path.resolve(file));
}

/**
 * Once every writer is done: deletes the spare's pages this build did not write and the folders
 * left empty. Gives how many pages were kept as they were and how many deleted.
 */
export function finishSpareSite(root: string): { kept: number; deleted: number } | undefined {
  const spare = current;
  root = path.resolve(root);
  if (spare === undefined || spare.root !== root) return undefined;
  current = undefined;
  let deleted = 0;
  for (const file of spare.pages.keys()) {
    if (spare.written.has(file)) continue;
    unlinkSync(file);
    spare.emptied.add(path.dirname(file));
    deleted++;
  }
  // Deepest first, level by level, so a folder emptied by removing its last sub-folder goes too.
  const depth = (folder: string) => folder.split(path.sep).length;
  const byDepth = new Map<number, Set<string>>();
  const consider = (folder: string) => {
    if (!folder.startsWith(root + path.sep)) return; // never the site's own folder, nor outside it
    const level = depth(folder);
    if (!byDepth.has(level)) byDepth.set(level, new Set());
    byDepth.get(level)!.add(folder);
  };
  for (const folder of spare.emptied) consider(folder);
  for (let level = Math.max(0, ...byDepth.keys()); level > depth(root); level--) {
    for (const folder of byDepth.get(level) ?? []) {
      try {
        rmdirSync(folder);
      } catch (error) {
        const { code } = error as NodeJS.ErrnoException;
        if (code === "ENOTEMPTY" || code === "EEXIST" || code === "ENOENT") continue;
        throw error;
      }
      consider(path.dirname(folder));
    }
  }
  return { kept: spare.kept, deleted };
}

/** Forgets a spare whose build failed (its folder is deleted or set aside by the caller). */
export function dropSpareSite(): void {
  current = undefined;
}

import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import path from "node:path";

/** What was found under an articles folder. */
export interface ArticleFiles {
  /** Every `.md` file to read, in a stable order, each real file once. */
  files: string[];
  /** Paths that were passed over, and why: a dangling symlink, a second way to a file or folder already read, something that is not a file. */
  skipped: Array<{ file: string; reason: string; sameAs?: string }>;
}

/**
 * Every `.md` file under `dir`, at any depth, in a stable order, following symlinks: a content
 * repository may link articles or whole folders in. Each real file and folder is read once,
 * by the first path to it in sorted order, so a link back to a parent folder (a loop) or a
 * second link to the same place is passed over with a note instead of hanging the build or
 * publishing the story twice. A dangling link, or a link to something that is not a file (a
 * pipe would block the read forever), is noted and passed over too.
 */
export function findArticleFiles(dir: string): ArticleFiles {
  const skipped: ArticleFiles["skipped"] = [];
  const candidates: Array<{ file: string; real: string }> = [];
  const seenFolders = new Set<string>();
  const walk = (folder: string, realFolder: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      skipped.push({ file: folder, reason: `folder not read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        enter(file, path.join(realFolder, entry.name));
      } else if (entry.isFile()) {
        if (entry.name.endsWith(".md")) candidates.push({ file, real: path.join(realFolder, entry.name) });
      } else if (entry.isSymbolicLink()) {
        let real: string;
        let isDirectory: boolean;
        let isFile: boolean;
        try {
          real = realpathSync(file);
          const stats = statSync(real);
          isDirectory = stats.isDirectory();
          isFile = stats.isFile();
        } catch (error) {
          // A link to a link to … itself is ELOOP; a link to nothing is ENOENT. Either may have
          // been meant as an article or a folder of them, so each is named.
          const code = (error as NodeJS.ErrnoException).code;
          const reason = code === "ELOOP" ? "symlink loops back on itself; skipped" : code === "ENOENT" ? "symlink leads nowhere (dangling); skipped" : `symlink not followed (${code ?? (error as Error).message}); skipped`;
          skipped.push({ file, reason });
          continue;
        }
        if (isDirectory) enter(file, real);
        else if (entry.name.endsWith(".md")) {
          if (isFile) candidates.push({ file, real });
          else skipped.push({ file, reason: "symlink leads to something that is not a file; skipped" });
        }
      } else if (entry.name.endsWith(".md")) {
        skipped.push({ file, reason: "not a regular file (a pipe, socket or device); skipped" });
      }
    }
  };
  const enter = (folder: string, realFolder: string) => {
    if (seenFolders.has(realFolder)) {
      skipped.push({ file: folder, reason: "folder already read by another path (a symlink loop or a second link to it); skipped" });
      return;
    }
    seenFolders.add(realFolder);
    walk(folder, realFolder);
  };
  enter(dir, realpathSync(dir));
  candidates.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const seenFiles = new Map<string, string>();
  const files: string[] = [];
  for (const { file, real } of candidates) {
    const first = seenFiles.get(real);
    if (first) {
      skipped.push({ file, sameAs: first, reason: `the same file as ${first} (a symlink); read once, by that path` });
      continue;
    }
    seenFiles.set(real, file);
    files.push(file);
  }
  return { files, skipped };
}

/** Every `.md` file under `dir`, at any depth, in a stable order (see `findArticleFiles`). */
export async function listArticleFiles(dir: string): Promise<string[]> {
  return findArticleFiles(dir).files;
}

// Plain JavaScript (typed in article-files.d.mts), so `npm run build`'s launcher can count the
// newsroom with the build's own listing before any TypeScript loader is started.
import { readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Every `.md` file under `dir`, at any depth, in a stable order, following symlinks: a content
 * repository may link articles or whole folders in. Each real file and folder is read once,
 * by the first path to it in sorted order, so a link back to a parent folder (a loop) or a
 * second link to the same place is passed over with a note instead of hanging the build or
 * publishing the story twice. A dangling link, or a link to something that is not a file (a
 * pipe would block the read forever), is noted and passed over too.
 */
/**
 * @param {string} dir
 * @returns {import("./article-files.d.mts").ArticleFiles}
 */
export function findArticleFiles(dir) {
  /** @type {import("./article-files.d.mts").ArticleFiles["skipped"]} */
  const skipped = [];
  /** @type {Array<{ file: string; real: string }>} */
  const candidates = [];
  const seenFolders = new Set();
  /** @param {string} folder @param {string} realFolder */
  const walk = (folder, realFolder) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      skipped.push({ file: folder, reason: `folder not read (${error.code ?? error.message})` });
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
        let real;
        let isDirectory;
        let isFile;
        try {
          real = realpathSync(file);
          const stats = statSync(real);
          isDirectory = stats.isDirectory();
          isFile = stats.isFile();
        } catch (error) {
          // A link to a link to … itself is ELOOP; a link to nothing is ENOENT. Either may have
          // been meant as an article or a folder of them, so each is named.
          const code = error.code;
          const reason = code === "ELOOP" ? "symlink loops back on itself; skipped" : code === "ENOENT" ? "symlink leads nowhere (dangling); skipped" : `symlink not followed (${code ?? error.message}); skipped`;
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
  /** @param {string} folder @param {string} realFolder */
  const enter = (folder, realFolder) => {
    if (seenFolders.has(realFolder)) {
      skipped.push({ file: folder, reason: "folder already read by another path (a symlink loop or a second link to it); skipped" });
      return;
    }
    seenFolders.add(realFolder);
    walk(folder, realFolder);
  };
  enter(dir, realpathSync(dir));
  candidates.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const seenFiles = new Map();
  const files = [];
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

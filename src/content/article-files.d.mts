/** Types of article-files.mjs (plain JavaScript, so the build's launcher can count the newsroom without a TypeScript loader). */

/** What was found under an articles folder. */
export interface ArticleFiles {
  /** Every `.md` file to read, in a stable order, each real file once. */
  files: string[];
  /** Paths that were passed over, and why: a dangling symlink, a second way to a file or folder already read, something that is not a file. */
  skipped: Array<{ file: string; reason: string; sameAs?: string }>;
}

export function findArticleFiles(dir: string): ArticleFiles;

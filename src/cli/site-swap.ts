/**
 * Putting a finished build in place of the published folder, so that a kill at any moment leaves
 * the old site or the new one, or a note from which the next build restores one before it does
 * anything else.
 *
 * A folder cannot be swapped for another in one step (Linux's renameat2 exchange has no Node
 * binding), so the swap is two renames with a journal around them, as a database's write-ahead
 * log would have it: the journal is written once the new site is complete, and removed once it is
 * in place. Between the two renames there is no output folder; a journal found by the next build
 * says that the staging folder beside it is a whole site, and that build moves it into place.
 */
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { writeFileAtomically } from "../cache/integrity.ts";

/** The folders of one output: the site, the build in progress beside it, the journal. */
export interface SiteFolders {
  output: string;
  /** Where a build writes before the swap (beside the output: a rename stays on one file system). */
  staging: string;
  /** Written when `staging` is a whole site and the swap begins; removed when it ends. */
  journal: string;
  /**
   * Where the replaced site goes, beside the output (one file system with the staging folder): the
   * next build renames it to its staging folder and updates it in place (`render/spare-site.ts`).
   */
  aside: string;
  /** Where builds before the spare site put the replaced one, to be deleted (a journal names it). */
  trash: string;
}

export function siteFolders(output: string, cacheDir: string): SiteFolders {
  return {
    output,
    staging: `${output}.building`,
    journal: `${output}.swapping`,
    aside: `${output}.previous`,
    trash: path.join(cacheDir, "trash"),
  };
}

function writeJournal(folders: SiteFolders, aside: string): void {
  writeFileAtomically(folders.journal, `${JSON.stringify({ staging: folders.staging, aside })}\n`);
}

/**
 * Moves the finished staging folder into place of the output; the old site goes aside, where the
 * next build takes it up as its staging folder. Returns where the old site went, if there was one.
 */
export function swapIn(folders: SiteFolders): string | undefined {
  const { output, staging, journal } = folders;
  let aside: string | undefined;
  writeJournal(folders, folders.aside);
  if (existsSync(output)) {
    aside = folders.aside;
    rmSync(aside, { recursive: true, force: true });
    renameSync(output, aside);
  }
  try {
    renameSync(staging, output);
  } catch (error) {
    if (aside) renameSync(aside, output); // put the old site back
    rmSync(journal, { force: true });
    throw error;
  }
  rmSync(journal, { force: true });
  return aside;
}

/**
 * Finishes a swap that a kill interrupted (a journal is left): with no output folder, the new
 * site (staging) is moved into place, or, failing that, the old one back. Returns what it did,
 * for the log, or undefined when there was nothing to do.
 */
export function recoverSwap(folders: SiteFolders): string | undefined {
  if (!existsSync(folders.journal)) return undefined;
  let aside = folders.aside;
  try {
    aside = (JSON.parse(readFileSync(folders.journal, "utf8")) as { aside: string }).aside;
  } catch {
    // A journal is renamed into place whole; an unreadable one still says a swap was under way.
  }
  let done: string | undefined;
  if (!existsSync(folders.output)) {
    for (const candidate of [folders.staging, aside, folders.aside]) {
      if (!existsSync(candidate)) continue;
      renameSync(candidate, folders.output);
      done = candidate === folders.staging ? "the new site, built before the interruption, was put in place" : "the previous site was put back";
      break;
    }
  }
  rmSync(folders.journal, { force: true });
  return done ?? "the site in place was kept";
}

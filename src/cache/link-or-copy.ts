import { copyFileSync, linkSync, unlinkSync } from "node:fs";

/**
 * Puts `source` at `target` as a hard link (no copy), or a copy where links cannot be made (another
 * file system). A file already at `target` (the dev server's output persists between builds) is
 * replaced, never written through: it may be a link to another cached file.
 *
 * A link shares its bytes with the cache: a tool that edits the site's file in place edits the
 * cached one too. That is why every cached file is verified against its hash before it is
 * linked again (`./integrity.ts`).
 */
export function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      unlinkSync(target);
      linkOrCopy(source, target);
    } else if (code === "EXDEV" || code === "EPERM" || code === "EMLINK") {
      copyFileSync(source, target);
    } else {
      throw error;
    }
  }
}

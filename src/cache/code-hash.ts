import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * The hash of the code that turns articles into files: templates (`_includes/`), the TypeScript
 * of `src/` (filters, dates, Markdown, the search records), `eleventy.config.ts` (where a site adds
 * its own transforms and plugins) and the locked dependency versions.
 * It is part of every cached page's and search shard's key, so a cache restored after an upgrade
 * or a template edit is not reused. Computed once a process.
 */
export const codeHash = (() => {
  let hash: string | undefined;
  return (root: string = process.cwd()): string => {
    if (hash) return hash;
    const digest = createHash("sha256");
    const walk = (dir: string, keep: (name: string) => boolean) => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file, keep);
        else if (keep(entry.name)) digest.update(path.relative(root, file)).update(readFileSync(file));
      }
    };
    walk(path.join(root, "_includes"), () => true);
    walk(path.join(root, "src"), (name) => /\.(?:ts|mjs|njk)$/.test(name));
    for (const file of ["eleventy.config.ts", "package-lock.json"]) digest.update(file).update(readFileSync(path.join(root, file)));
    return (hash = digest.digest("hex"));
  };
})();

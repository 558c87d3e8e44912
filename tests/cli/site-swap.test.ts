import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { recoverSwap, siteFolders, swapIn, type SiteFolders } from "../../src/cli/site-swap.ts";

/** An output folder holding the old site and a finished staging folder holding the new one. */
function setUp(): SiteFolders {
  const work = mkdtempSync(path.join(tmpdir(), "broadsheet-swap-"));
  const folders = siteFolders(path.join(work, "_site"), path.join(work, "cache"));
  for (const [folder, text] of [[folders.output, "old"], [folders.staging, "new"]] as const) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "index.html"), text);
  }
  return folders;
}
const site = (folders: SiteFolders) => readFileSync(path.join(folders.output, "index.html"), "utf8");
const journal = (folders: SiteFolders, aside = folders.aside) => writeFileSync(folders.journal, JSON.stringify({ staging: folders.staging, aside }));

describe("swapping a finished build into place", () => {
  it("puts the new site in place, the old one aside, and leaves no journal", () => {
    const folders = setUp();
    expect(swapIn(folders)).toBe(folders.aside);
    expect(site(folders)).toBe("new");
    expect(readFileSync(path.join(folders.aside, "index.html"), "utf8")).toBe("old");
    expect(existsSync(folders.staging) || existsSync(folders.journal)).toBe(false);
    expect(recoverSwap(folders)).toBeUndefined();
  });

  // A kill can stop the swap after any of its steps; the next build's recovery must leave a whole site.
  it("killed after the journal was written: the old site stays", () => {
    const folders = setUp();
    journal(folders);
    expect(recoverSwap(folders)).toMatch(/kept/);
    expect(site(folders)).toBe("old");
    expect(existsSync(folders.journal)).toBe(false);
  });

  it("killed between the two renames (no output folder): the new site is put in place", () => {
    const folders = setUp();
    journal(folders);
    mkdirSync(path.dirname(folders.aside), { recursive: true });
    renameSync(folders.output, folders.aside);
    expect(recoverSwap(folders)).toMatch(/new site/);
    expect(site(folders)).toBe("new");
    expect(existsSync(folders.journal)).toBe(false);
  });

  it("killed between the renames with the staging folder gone: the old site is put back, wherever it went", () => {
    // Beside the output, or in the cache's trash, where builds before the spare site put it.
    for (const where of [(folders: SiteFolders) => folders.aside, (folders: SiteFolders) => path.join(folders.trash, "site")]) {
      const folders = setUp();
      journal(folders, where(folders));
      mkdirSync(path.dirname(where(folders)), { recursive: true });
      renameSync(folders.output, where(folders));
      renameSync(folders.staging, `${folders.staging}-lost`);
      expect(recoverSwap(folders)).toMatch(/previous site/);
      expect(site(folders)).toBe("old");
    }
  });

  it("killed after both renames: the new site stays", () => {
    const folders = setUp();
    journal(folders);
    mkdirSync(path.dirname(folders.aside), { recursive: true });
    renameSync(folders.output, folders.aside);
    renameSync(folders.staging, folders.output);
    recoverSwap(folders);
    expect(site(folders)).toBe("new");
    expect(existsSync(folders.journal)).toBe(false);
  });

  it("a staging folder without a journal is never taken for a site (a build killed while writing it)", () => {
    const folders = setUp();
    renameSync(folders.output, `${folders.output}-gone`);
    expect(recoverSwap(folders)).toBeUndefined();
    expect(existsSync(folders.output)).toBe(false);
  });
});

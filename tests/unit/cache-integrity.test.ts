import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { recordTree, TREE_RECORD, verifyTreesInBackground } from "../../src/cache/integrity.ts";

/** A folder like a Pagefind bundle: files at the top and in subfolders, recorded once complete. */
function recordedTree(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "broadsheet-tree-"));
  mkdirSync(path.join(dir, "fragment"));
  mkdirSync(path.join(dir, "index"));
  writeFileSync(path.join(dir, "pagefind-entry.json"), '{"version":"1.6.0"}');
  writeFileSync(path.join(dir, "fragment", "en_1.pf_fragment"), Buffer.from([31, 139, 8, 0, 1, 2, 3]));
  writeFileSync(path.join(dir, "index", "en_1.pf_index"), "index bytes");
  recordTree(dir);
  return dir;
}

/** One folder's check. */
const verifyTree = async (dir: string) => (await verifyTreesInBackground([dir]))[0]!;

describe("recordTree and verifyTreesInBackground", () => {
  it("accept a folder that holds what was recorded, giving its files but not the record", async () => {
    expect(await verifyTree(recordedTree())).toEqual({ files: ["fragment/en_1.pf_fragment", "index/en_1.pf_index", "pagefind-entry.json"] });
  });

  it("find a file whose bytes changed, even at the same size", async () => {
    const dir = recordedTree();
    writeFileSync(path.join(dir, "index", "en_1.pf_index"), "INDEX BYTES");
    expect((await verifyTree(dir)).damage).toBe("index/en_1.pf_index differs from what was written or cannot be read");
    const appended = recordedTree();
    appendFileSync(path.join(appended, "pagefind-entry.json"), "\n");
    expect((await verifyTree(appended)).damage).toBe("pagefind-entry.json differs from what was written or cannot be read");
  });

  it("find a missing file, a file that was not written with the folder, and a missing or garbled record", async () => {
    const missing = recordedTree();
    rmSync(path.join(missing, "fragment", "en_1.pf_fragment"));
    expect((await verifyTree(missing)).damage).toBe("1 of its files are missing");
    const extra = recordedTree();
    writeFileSync(path.join(extra, "fragment", "en_2.pf_fragment"), "stray");
    expect((await verifyTree(extra)).damage).toBe("fragment/en_2.pf_fragment was not written with it");
    const unrecorded = recordedTree();
    rmSync(path.join(unrecorded, TREE_RECORD));
    expect((await verifyTree(unrecorded)).damage).toMatch(/^its integrity record is missing or unreadable/);
    const garbled = recordedTree();
    writeFileSync(path.join(garbled, TREE_RECORD), '{"files": [');
    expect((await verifyTree(garbled)).damage).toMatch(/^its integrity record is missing or unreadable/);
    expect((await verifyTree(path.join(garbled, "gone"))).damage).toBe("it cannot be listed (ENOENT)");
  });
});

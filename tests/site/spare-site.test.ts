import { spawn } from "node:child_process";
import { existsSync, linkSync, mkdirSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, fixtureArticles, FIXTURE_EPOCH, projectRoot, type BuildResult } from "../helpers/site.ts";
import { fileHashes } from "../helpers/files.ts";

// A rebuild takes up the site the last build replaced (`_site.previous/`) as its staging folder
// and updates it in place. Whatever that spare holds — files changed, added or removed by hand,
// or what a killed build left half-updated — the result must be what a build into an empty
// folder writes, file for file and folder for folder, and `_site/` must never be touched first.

/** Every folder under `dir`, relative, sorted: an empty folder left behind is a difference too. */
const foldersOf = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();

const LATE_STORY = "2025/05/late-story.md";
const SECOND_STORY = "2025/05/second-late-story.md";

let work: string;
let articles: string;
let output: string;
let env: Record<string, string>;
let builtB: Record<string, string>;
let updated: BuildResult;
let cold: BuildResult;
/** The old story deleted between the second and third build, and the page it had. */
let deletedStory: string;
let deletedPage: string;

/** Runs the real build in a process group of its own and kills the group once `killAt` is printed. */
function buildKilledAt(killAt: string): Promise<{ signal: NodeJS.Signals | null; stdout: string }> {
  const child = spawn(process.execPath, ["src/cli/build.mjs", "--output", output], { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes(killAt)) process.kill(-child.pid!, "SIGKILL");
  });
  child.stderr.resume();
  return new Promise((resolve) => child.on("close", (_code, signal) => resolve({ signal, stdout })));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "broadsheet-spare-"));
  articles = path.join(work, "articles");
  await cp(fixtureArticles, articles, { recursive: true });
  output = path.join(work, "site");
  env = { BROADSHEET_ARTICLES: articles, BROADSHEET_CACHE: path.join(work, "cache"), SOURCE_DATE_EPOCH: FIXTURE_EPOCH, SITE_URL: "https://news.example.org" };
  const first = await buildSite(env, output);
  expect(first.exitCode, first.stderr).toBe(0);
  await writeFile(path.join(articles, LATE_STORY), "---\ntitle: A late story\ndate: 2025-05-20T09:00:00+08:00\nsection: world\n---\n\nIt came late.\n");
  const second = await buildSite(env, output);
  expect(second.exitCode, second.stderr).toBe(0);
  builtB = await fileHashes(output);

  // The spare is the first build's site. Change it as a person or a tool might:
  const spare = `${output}.previous`;
  expect(existsSync(path.join(spare, "index.html"))).toBe(true);
  // a page that is now another page's file (a link into the cache, but to the wrong entry),
  const economy = path.join(spare, "economy/index.html");
  unlinkSync(economy);
  linkSync(path.join(spare, "world/index.html"), economy);
  // a page replaced by a file of its own, and a page gone,
  rmSync(path.join(spare, "culture/index.html"));
  writeFileSync(path.join(spare, "culture/index.html"), "<p>replaced in the spare</p>\n");
  rmSync(path.join(spare, "society/index.html"));
  // files and folders no build writes: a stray file, a page of a URL the site never had (linked
  // into the cache like any page), an empty folder, a symbolic link,
  writeFileSync(path.join(spare, "stray.txt"), "stray\n");
  mkdirSync(path.join(spare, "ghost/deeper"), { recursive: true });
  linkSync(path.join(spare, "world/index.html"), path.join(spare, "ghost/deeper/index.html"));
  mkdirSync(path.join(spare, "empty/folder"), { recursive: true });
  symlinkSync(path.join(spare, "world/index.html"), path.join(spare, "linked.html"));
  // and a file that is not a page, changed (replaced, so the built site's copy is left alone).
  const stylesheet = path.join(spare, "assets/css/main.css");
  unlinkSync(stylesheet);
  writeFileSync(stylesheet, "body { color: red }\n");

  // Then the articles change: an old story deleted (its page and folder must go), a new one.
  deletedStory = readdirSync(path.join(articles, "2025/02")).filter((name) => name.endsWith(".md")).sort()[0]!;
  const slug = deletedStory.replace(/\.md$/, "");
  deletedPage = readdirSync(output, { recursive: true }).map(String).find((file) => file.endsWith(`/2025/02/${slug}/index.html`))!;
  expect(deletedPage).toBeDefined();
  await rm(path.join(articles, "2025/02", deletedStory));
  await writeFile(path.join(articles, SECOND_STORY), "---\ntitle: A second late story\ndate: 2025-05-21T09:00:00+08:00\nsection: economy\n---\n\nIt came later.\n");
  updated = await buildSite(env, output);
  expect(updated.exitCode, updated.stderr).toBe(0);
  cold = await buildSite({ ...env, BROADSHEET_CACHE: path.join(work, "cold-cache") }, path.join(work, "cold-site"));
  expect(cold.exitCode, cold.stderr).toBe(0);
}, 300_000);

describe("a rebuild that updates the previous site in place", () => {
  it("takes up the previous site and keeps the pages that are still right", () => {
    const found = Number(/updating the previous site in place \((\d+) pages found/.exec(updated.stdout)![1]);
    const [kept, deleted] = /(\d+) pages of the previous site kept as they were, (\d+) no longer in the site deleted/.exec(updated.stdout)!.slice(1).map(Number);
    // Most of them: one story gone and one new change its lists, neighbours and recommendations.
    expect(kept).toBeGreaterThan(found / 2);
    // The pages of the story deleted since (its own, its archive day's and month's) and the page
    // of a URL the site never had.
    expect(deleted).toBeGreaterThanOrEqual(2);
  });

  it("writes the same files, byte for byte, and the same folders as a build into an empty folder", async () => {
    expect(await fileHashes(output)).toEqual(await fileHashes(cold.output));
    expect(foldersOf(output)).toEqual(foldersOf(cold.output));
    expect(existsSync(path.join(output, path.dirname(deletedPage)))).toBe(false);
  });

  it("a build killed while updating the spare leaves the site as it was, and the next build finishes from what it left", async () => {
    const before = await fileHashes(output);
    // Back to the second build's articles: the spare (the third build's previous site) must change.
    await rm(path.join(articles, SECOND_STORY));
    await cp(path.join(fixtureArticles, "2025/02", deletedStory), path.join(articles, "2025/02", deletedStory));
    const killed = await buildKilledAt("updating the previous site in place");
    expect(killed.signal).toBe("SIGKILL");
    expect(await fileHashes(output)).toEqual(before);
    expect(existsSync(`${output}.building`)).toBe(true);
    const next = await buildSite(env, output);
    expect(next.exitCode, next.stderr).toBe(0);
    expect(next.stdout).toMatch(/updating the previous site in place/);
    expect(await fileHashes(output)).toEqual(builtB);
  }, 180_000);
});

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, fixtureArticles, FIXTURE_EPOCH, projectRoot } from "../helpers/site.ts";
import { fileHashes } from "../helpers/files.ts";

// The build under faults: its report through a slow pipe, readers that go early, two builds at
// once, kills at random moments, a folder it cannot write.

const env = { SOURCE_DATE_EPOCH: FIXTURE_EPOCH, SITE_URL: "https://news.example.org" };

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `npm run build` code in a process group of its own. `closeOutput` closes our end
 * of stdout and stderr at once; `killAfterMs` kills the whole group with SIGKILL.
 */
function runBuild(
  output: string,
  extraEnv: Record<string, string>,
  options: { closeOutput?: boolean; killAfterMs?: number } = {},
): Promise<Run> {
  const child = spawn(process.execPath, ["src/cli/build.mjs", "--output", output], {
    cwd: projectRoot,
    env: { ...process.env, BROADSHEET_CACHE: `${output}.cache`, ...env, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const run: Run = { code: null, signal: null, stdout: "", stderr: "" };
  if (options.closeOutput) {
    child.stdout.destroy();
    child.stderr.destroy();
  } else {
    child.stdout.on("data", (chunk: Buffer) => (run.stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (run.stderr += chunk.toString()));
  }
  const killer =
    options.killAfterMs === undefined
      ? undefined
      : setTimeout(() => {
          try {
            process.kill(-child.pid!, "SIGKILL");
          } catch {
            // the build had already finished
          }
        }, options.killAfterMs);
  return new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      clearTimeout(killer);
      run.code = code;
      run.signal = signal;
    });
    child.on("close", () => resolve(run));
  });
}

/** A newsroom of `count` articles that each break the contract in six fields. */
async function brokenNewsroom(count: number): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "broadsheet-broken-"));
  for (let number = 1; number <= count; number++) {
    await writeFile(
      path.join(folder, `story-${String(number).padStart(3, "0")}.md`),
      `---\ntitle: Broken story number ${number}\ndate: the ${number}th of never\nsection: sport-${number}\ntags: ${number}\nslug: Not A Slug\ndraft: maybe\nlang: xx\n---\n\nBody.\n`,
    );
  }
  return folder;
}

describe("the error report", () => {
  // Through a real pipe (Node's own child pipes are socket pairs, which buffer far more), read only
  // after the build has ended, as a busy CI log might, with a report larger than the pipe's 64 KiB buffer.
  it("names every one of 300 broken files with its field, through a pipe read late", async () => {
    const articles = await brokenNewsroom(300);
    const work = await mkdtemp(path.join(os.tmpdir(), "broadsheet-report-"));
    const command = `node src/cli/build.mjs --output "${path.join(work, "site")}" 2>&1 >/dev/null | { sleep 4; cat; }; exit \${PIPESTATUS[0]}`;
    const run = await new Promise<{ code: number | null; report: string }>((resolve) => {
      const shell = spawn("bash", ["-c", command], { cwd: projectRoot, env: { ...process.env, ...env, BROADSHEET_ARTICLES: articles, BROADSHEET_CACHE: path.join(work, "cache") } });
      let report = "";
      shell.stdout.on("data", (chunk: Buffer) => (report += chunk.toString()));
      shell.on("close", (code) => resolve({ code, report }));
    });
    expect(run.code).toBe(1);
    expect(run.report.length).toBeGreaterThan(100_000);
    expect(run.report).toContain("1800 problems in the articles");
    for (let number = 1; number <= 300; number++) {
      const file = `story-${String(number).padStart(3, "0")}.md`;
      expect(run.report, file).toContain(`${file}: date: `);
      expect(run.report, file).toContain(`${file}: section: unknown section "sport-${number}"`);
      expect(run.report, file).toContain(`${file}: lang: unknown language "xx"`);
    }
    expect(run.report).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("still fails with exit code 1, not a crash or a hang, when nobody reads it", async () => {
    const articles = await brokenNewsroom(50);
    const work = await mkdtemp(path.join(os.tmpdir(), "broadsheet-report-"));
    const run = await runBuild(path.join(work, "site"), { BROADSHEET_ARTICLES: articles }, { closeOutput: true });
    expect(run.code).toBe(1);
  });

  it("a good build whose reader went early still writes the whole site and exits 0", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "broadsheet-report-"));
    const run = await runBuild(path.join(work, "site"), { BROADSHEET_ARTICLES: fixtureArticles }, { closeOutput: true });
    expect(run.code).toBe(0);
    expect(existsSync(path.join(work, "site/index.html"))).toBe(true);
    expect(existsSync(path.join(work, "site/pagefind/shards.json"))).toBe(true);
  });

  it("an output folder that cannot be written is one clear line, no stack trace", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "broadsheet-unwritable-"));
    await writeFile(path.join(work, "a-file"), "");
    const blocked = await runBuild(path.join(work, "a-file/site"), { BROADSHEET_ARTICLES: fixtureArticles, BROADSHEET_CACHE: path.join(work, "cache") });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain(`cannot write to ${path.join(work, "a-file")} (a file is in the way)`);
    expect(blocked.stderr).not.toMatch(/\n\s+at |Error:/);
    // A folder without write permission (as root, permissions do not hold: a read-only file system does).
    const readOnly = process.getuid?.() === 0 ? "/sys" : path.join(work, "read-only");
    if (readOnly !== "/sys") {
      await mkdir(readOnly);
      await chmod(readOnly, 0o555);
    }
    const denied = await runBuild(path.join(readOnly, "site"), { BROADSHEET_ARTICLES: fixtureArticles, BROADSHEET_CACHE: path.join(work, "cache") });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(new RegExp(`cannot write to ${readOnly} \\((permission denied|a read-only file system)\\)`));
    expect(denied.stderr).not.toMatch(/\n\s+at |Error:/);
  });
});

describe("builds at the same time, and builds killed", () => {
  let work: string;
  let articlesA: string;
  let articlesB: string;
  let siteA: Record<string, string>;
  let siteB: Record<string, string>;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "broadsheet-faults-"));
    // Two newsrooms: the fixture, and the fixture with one more story (an old site and a new one).
    articlesA = fixtureArticles;
    articlesB = path.join(work, "articles-b");
    await cp(fixtureArticles, articlesB, { recursive: true });
    await writeFile(path.join(articlesB, "2025/05/late-story.md"), "---\ntitle: A late story\ndate: 2025-05-20T09:00:00+08:00\nsection: world\n---\n\nIt came late.\n");
    const [a, b] = await Promise.all([buildSite({ ...env, BROADSHEET_ARTICLES: articlesA }), buildSite({ ...env, BROADSHEET_ARTICLES: articlesB })]);
    expect(a.exitCode, a.stderr).toBe(0);
    expect(b.exitCode, b.stderr).toBe(0);
    [siteA, siteB] = await Promise.all([fileHashes(a.output), fileHashes(b.output)]);
  });

  it("two builds in one folder with one cache: the second waits for the first, and the site is whole", async () => {
    const output = path.join(work, "together/site");
    // The second starts once the first holds the output's lock (a fixed delay lost the race on a busy machine).
    const heldByFirst = async () => {
      const started = Date.now();
      while (!existsSync(`${output}.lock`) && Date.now() - started < 60_000) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    const [first, second] = await Promise.all([runBuild(output, { BROADSHEET_ARTICLES: articlesA }), heldByFirst().then(() => runBuild(output, { BROADSHEET_ARTICLES: articlesB }))]);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/waiting for the build that is using .*together\/site\/ \(pid \d+/);
    // The one that waited built last.
    expect(await fileHashes(output)).toEqual(siteB);
  });

  it("a build killed at any moment leaves the old site or the new one, or the next build restores one first", async () => {
    const output = path.join(work, "killed/site");
    const started = performance.now();
    const first = await runBuild(output, { BROADSHEET_ARTICLES: articlesA });
    expect(first.code, first.stderr).toBe(0);
    const span = 1.2 * Math.max(2000, performance.now() - started);
    // Seeded moments across a whole build, so every run of the suite kills at the same points.
    let seed = 14;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const outcomes: string[] = [];
    for (let kill = 0; kill < 8; kill++) {
      const before = existsSync(output) ? await fileHashes(output) : {};
      const articles = kill % 2 === 0 ? articlesB : articlesA;
      const after = articles === articlesB ? siteB : siteA;
      const run = await runBuild(output, { BROADSHEET_ARTICLES: articles }, { killAfterMs: Math.round(random() * span) });
      let state = existsSync(output) ? await fileHashes(output) : undefined;
      if (!(state && (equal(state, before) || equal(state, after)))) {
        // Only a swap cut short may leave no whole site, and the next command restores it before
        // anything else: even a build that then fails on a broken article.
        const next = await runBuild(output, { BROADSHEET_ARTICLES: await brokenNewsroom(1) });
        expect(next.code).toBe(1);
        state = await fileHashes(output);
        outcomes.push("restored");
      } else {
        outcomes.push(run.signal ? (equal(state, before) ? "old" : "new") : "finished");
      }
      expect(equal(state, before) || equal(state, after), `kill ${kill}: ${outcomes.at(-1)}`).toBe(true);
    }
    console.log(`[faults] kills: ${outcomes.join(", ")}`);
    // And the lock the kills left is recovered: a last build goes through.
    const last = await runBuild(output, { BROADSHEET_ARTICLES: articlesB });
    expect(last.code, last.stderr).toBe(0);
    expect(await fileHashes(output)).toEqual(siteB);
  }, 180_000);
});

function equal(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

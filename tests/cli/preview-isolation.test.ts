import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, readdir, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureArticles, FIXTURE_EPOCH, projectRoot } from "../helpers/site.ts";

// The preview never touches production: `npm start` (drafts shown) and `npm run build`, run as an
// editor would in one project folder, with saves in between. The project is copied to a
// temporary folder (node_modules linked) so the real scripts run with their real default folders.

let project: string;
let server: ChildProcess | undefined;
const port = 8800 + Math.floor(Math.random() * 500);
const origin = `http://localhost:${port}`;
const environment: NodeJS.ProcessEnv = { ...process.env, SOURCE_DATE_EPOCH: FIXTURE_EPOCH, CI: "true" };
for (const key of ["BROADSHEET_ARTICLES", "BROADSHEET_CACHE", "BUILD_DRAFTS", "PATH_PREFIX", "SITE_URL"]) delete environment[key];

function npm(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", args, { cwd: project, env: environment });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => resolve({ code, output }));
  });
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const started = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - started > 60_000) throw new Error(`${what} did not happen within a minute`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every file under `dir` whose text holds any of `needles`. */
async function filesHolding(dir: string, needles: RegExp): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (needles.test(await readFile(file, "latin1")) || needles.test(await readFile(file, "utf8"))) found.push(path.relative(dir, file));
  }
  return found;
}

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), "broadsheet-project-"));
  for (const entry of ["src", "_data", "_includes", "eleventy.config.ts", "package.json", "package-lock.json", "tsconfig.json"]) {
    await cp(path.join(projectRoot, entry), path.join(project, entry), { recursive: true });
  }
  await symlink(path.join(projectRoot, "node_modules"), path.join(project, "node_modules"));
  await cp(fixtureArticles, path.join(project, "articles"), { recursive: true });
});

afterAll(() => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
});

describe("npm start beside npm run build", () => {
  it("never leaves a draft's or an embargoed story's trace in _site/", async () => {
    const first = await npm("run", "build");
    expect(first.code, first.output).toBe(0);
    server = spawn("npm", ["start", "--", `--port=${port}`], { cwd: project, env: environment, detached: true, stdio: "ignore" });
    await until(async () => (await fetch(`${origin}/society/2025/04/secret-draft/`)).ok, "the preview of the draft");

    // Saves while the preview runs, a production build between them, then more saves.
    const draft = path.join(project, "articles/2025/04/secret-draft.md");
    const text = await readFile(draft, "utf8");
    await writeFile(draft, `${text}\nFirst save: marmalade.\n`);
    await until(async () => (await (await fetch(`${origin}/society/2025/04/secret-draft/`)).text()).includes("marmalade"), "the first save's preview");
    const second = await npm("run", "build");
    expect(second.code, second.output).toBe(0);
    await writeFile(draft, `${text}\nSecond save: quince.\n`);
    await until(async () => (await (await fetch(`${origin}/society/2025/04/secret-draft/`)).text()).includes("quince"), "the second save's preview");
    await until(async () => (await (await fetch(`${origin}/feed.json`)).text()).includes("secret-draft"), "the preview's feed");

    const leaks = /secret-draft|embargoed-story|Draft that must never appear|zanzibarquokka|pomegranatequasar|marmalade|quince/;
    expect(await filesHolding(path.join(project, "_site"), leaks)).toEqual([]);
    expect(existsSync(path.join(project, "_site/index.html"))).toBe(true);
    // The preview wrote its own folder, which does hold the draft.
    expect(existsSync(path.join(project, ".cache/preview/site/society/2025/04/secret-draft/index.html"))).toBe(true);
  }, 240_000);
});

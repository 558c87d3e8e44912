import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchErrors } from "../../tools/chromium.ts";
import { fixtureArticles, FIXTURE_EPOCH, projectRoot } from "../helpers/site.ts";

// `npm start` as an editor uses it: the dev server over a copy of the fixture newsroom.
let server: ChildProcess;
let browser: Browser;
let articles: string;
const port = 8300 + Math.floor(Math.random() * 500);
const origin = `http://localhost:${port}`;

beforeAll(async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), "broadsheet-serve-"));
  articles = path.join(work, "articles");
  await cp(fixtureArticles, articles, { recursive: true });
  server = spawn(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--serve", `--port=${port}`, `--output=${path.join(work, "site")}`, "--quiet"],
    { cwd: projectRoot, env: { ...process.env, BUILD_DRAFTS: "1", BROADSHEET_ARTICLES: articles, BROADSHEET_CACHE: path.join(work, "cache"), SOURCE_DATE_EPOCH: FIXTURE_EPOCH }, stdio: "pipe" },
  );
  const ready = Date.now();
  for (;;) {
    if (Date.now() - ready > 60_000) throw new Error("the dev server did not start within a minute");
    try {
      if ((await fetch(`${origin}/`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

describe("npm start", () => {
  it("previews drafts and embargoed articles with their banners", async () => {
    const draft = await (await fetch(`${origin}/society/2025/04/secret-draft/`)).text();
    expect(draft).toContain("bs-banner--draft");
    const embargoed = await (await fetch(`${origin}/economy/2025/07/embargoed-story/`)).text();
    expect(embargoed).toContain("Embargoed until");
  });

  it("shows an edit to an article in the open browser within seconds, by live reload", async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${origin}/world/2025/03/utc-midnight/`);
    const file = path.join(articles, "2025/03/utc-midnight.md");
    const text = await readFile(file, "utf8");
    const started = Date.now();
    await writeFile(file, text.replace(/^title: .*$/m, 'title: "Edited while the editor watched"'));
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 20_000, interval: 100 }).toBe("Edited while the editor watched");
    const seconds = (Date.now() - started) / 1000;
    console.log(`[dev server] the edit showed in the browser after ${seconds.toFixed(1)} s`);
    expect(errors.filter((error) => !/WebSocket/i.test(error))).toEqual([]);
  });
});

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launchBrowser } from "../../src/bench/chromium.ts";
import { serveSite, type StaticServer } from "../../src/bench/static-server.ts";
import { buildSite } from "./site.ts";

/**
 * For a browser suite: builds a site with `env` once, serves it on localhost and launches
 * Chromium before the tests, and closes both after. Read `browser` and `server` in tests.
 */
export function useServedSite(env: Record<string, string>): { browser: Browser; server: StaticServer } {
  const handles = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    const [site, browser] = await Promise.all([buildSite(env), launchBrowser()]);
    expect(site.exitCode, site.stderr).toBe(0);
    handles.browser = browser;
    handles.server = await serveSite(site.output);
  });
  afterAll(async () => {
    await handles.browser?.close();
    await handles.server?.close();
  });
  return handles;
}

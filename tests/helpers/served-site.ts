import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launchBrowser } from "../../tools/chromium.ts";
import { serveSite, type StaticServer } from "../../tools/static-server.ts";
import { sharedSite, type SharedSiteName } from "./shared-sites.ts";
import { buildSite, type BuildResult } from "./site.ts";

/**
 * A site to serve: one of the builds suites share (read-only), or a build of its own with this
 * environment; and the path it is served under.
 */
export type SiteToServe = ({ shared: SharedSiteName } | { env: Record<string, string> }) & { pathPrefix?: string };

/**
 * For a browser suite: builds each named site once (side by side), or takes its shared build, serves each on localhost and
 * launches Chromium before the tests, and closes them all after. Read `browser`, `servers`
 * and `builds` (each build's log) in tests.
 */
export function useServedSites<Name extends string>(
  sites: Record<Name, SiteToServe>,
): { browser: Browser; servers: Record<Name, StaticServer>; builds: Record<Name, BuildResult> } {
  const handles = { servers: {}, builds: {} } as { browser: Browser; servers: Record<Name, StaticServer>; builds: Record<Name, BuildResult> };
  const names = Object.keys(sites) as Name[];
  beforeAll(async () => {
    const build = (site: SiteToServe) => ("shared" in site ? sharedSite(site.shared) : buildSite(site.env));
    const [browser, ...built] = await Promise.all([launchBrowser(), ...names.map((name) => build(sites[name]))]);
    handles.browser = browser;
    for (const [index, name] of names.entries()) {
      const site = built[index]!;
      expect(site.exitCode, site.stderr).toBe(0);
      handles.builds[name] = site;
      handles.servers[name] = await serveSite(site.output, sites[name].pathPrefix);
    }
  });
  afterAll(async () => {
    await handles.browser?.close();
    for (const server of Object.values<StaticServer | undefined>(handles.servers)) await server?.close();
  });
  return handles;
}

/** `useServedSites` for a suite of one site. */
export function useServedSite(site: SiteToServe): { browser: Browser; readonly server: StaticServer } {
  const served = useServedSites({ site });
  return {
    get browser() {
      return served.browser;
    },
    get server() {
      return served.servers.site;
    },
  };
}

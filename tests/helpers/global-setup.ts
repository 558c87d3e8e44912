import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

/**
 * Once per vitest run: a folder for the sites several suites share (tests/helpers/shared-sites.ts).
 * The first suite that needs one builds it there; the others wait for it and read the same files.
 * Sites are built on demand, not here, so a run of unit tests alone builds nothing.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(path.join(os.tmpdir(), "broadsheet-shared-sites-"));
  project.provide("sharedSitesRoot", root);
  return () => rm(root, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    sharedSitesRoot: string;
  }
}

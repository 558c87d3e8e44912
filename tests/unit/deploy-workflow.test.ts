import { readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { readSettings } from "../../src/config/site-settings.ts";
import { projectRoot } from "../helpers/site.ts";
import { readBuildEnv } from "../../src/config/build-env.ts";
import { PUBLISHED_URLS_FILE } from "../../src/collections/published-urls.ts";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
const workflow = yaml.load(readFileSync(path.join(projectRoot, ".github/workflows/deploy.yml"), "utf8")) as {
  on: { push: { branches: string[] }; schedule: Array<{ cron: string }>; workflow_dispatch: unknown };
  permissions: Record<string, string>;
  jobs: { build: { steps: Step[] }; deploy: { needs: string; steps: Step[] } };
};
const steps = workflow.jobs.build.steps;

// The values a cron field takes within min..max: "*", "*/n", "a", "a-b", "a-b/n", and lists of them.
function cronValues(field: string, min: number, max: number): number[] {
  const values = new Set<number>();
  for (const part of field.split(",")) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`cron field "${field}": "${part}" is not understood here`);
    const from = match[1] === "*" ? min : Number(match[2]);
    const to = match[1] === "*" ? max : match[3] !== undefined ? Number(match[3]) : match[4] !== undefined ? max : from;
    const step = match[4] !== undefined ? Number(match[4]) : 1;
    if (from < min || to > max || from > to || step < 1) throw new Error(`cron field "${field}": "${part}" is out of ${min}-${max}`);
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return [...values].sort((a, b) => a - b);
}

/** The longest time, in hours, between two runs of daily cron schedules (every day, month and weekday). */
function longestCronGapHours(crons: string[]): number {
  const runs = new Set<number>();
  for (const cron of crons) {
    const [minute, hour, ...days] = cron.trim().split(/\s+/);
    if (days.length !== 3 || days.some((field) => field !== "*")) throw new Error(`cron "${cron}": only schedules that run every day are measured here`);
    for (const h of cronValues(hour!, 0, 23)) for (const m of cronValues(minute!, 0, 59)) runs.add(h * 60 + m);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  const gaps = sorted.map((run, index) => (index + 1 < sorted.length ? sorted[index + 1]! - run : sorted[0]! + 24 * 60 - run));
  return Math.max(...gaps) / 60;
}
const indexOf = (match: (step: Step) => boolean) => steps.findIndex(match);

describe("the GitHub Pages workflow", () => {
  it("runs on every push to main, every hour and by hand", () => {
    expect(workflow.on.push.branches).toEqual(["main"]);
    expect(workflow.on.schedule).toHaveLength(1);
    const [minute, hour, day, month, weekday] = workflow.on.schedule[0]!.cron.split(" ");
    expect(/^\d+$/.test(minute!) && [hour, day, month, weekday].every((field) => field === "*")).toBe(true);
    expect("workflow_dispatch" in workflow.on).toBe(true);
  });

  it("rebuilds at least every rebuildWithinHours, the news sitemap's margin before Google's 48 hours", () => {
    expect(longestCronGapHours(["7 * * * *"])).toBe(1);
    expect(longestCronGapHours(["0 */6 * * *"])).toBe(6);
    expect(longestCronGapHours(["0,30 8-20 * * *"])).toBe(11.5); // 20:30 to 08:00
    expect(longestCronGapHours(["0 0 * * *", "0 12 * * *"])).toBe(12);
    expect(() => longestCronGapHours(["0 0 * * 1"])).toThrow(/every day/);
    const gap = longestCronGapHours(workflow.on.schedule.map((entry) => entry.cron));
    expect(gap).toBeLessThanOrEqual(readSettings(path.join(projectRoot, "_data")).site.rebuildWithinHours);
  });

  it("installs with npm ci on Node 22, tests, builds with the Pages prefix and URL, then uploads and deploys", () => {
    const node = steps.find((step) => step.uses?.startsWith("actions/setup-node@"));
    expect(node?.with?.["node-version"]).toBe(22);
    const order = [
      indexOf((step) => step.run === "npm ci"),
      indexOf((step) => step.run === "npm test"),
      indexOf((step) => Boolean(step.run?.includes("npm run build"))),
      indexOf((step) => Boolean(step.uses?.startsWith("actions/upload-pages-artifact@"))),
    ];
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const build = steps[order[2]!]!.run!;
    expect(build).toContain("PATH_PREFIX=");
    expect(build).toContain("SITE_URL=");
    expect(build).toContain("customDomain");
    expect(workflow.jobs.deploy.needs).toBe("build");
    expect(workflow.jobs.deploy.steps.some((step) => step.uses?.startsWith("actions/deploy-pages@"))).toBe(true);
    expect(workflow.permissions).toMatchObject({ pages: "write", "id-token": "write" });
  });

  it("restores and keeps the cache folder the build uses, with its record of published URLs", () => {
    const cache = indexOf((step) => Boolean(step.uses?.startsWith("actions/cache@")));
    const build = indexOf((step) => Boolean(step.run?.includes("npm run build")));
    expect(cache).toBeGreaterThanOrEqual(0);
    expect(cache).toBeLessThan(build);
    // The build's cache is the default folder (no BROADSHEET_CACHE elsewhere), which holds published-urls.json.
    expect(steps[cache]!.with?.path).toBe(".cache");
    expect(steps.some((step) => step.run?.includes("BROADSHEET_CACHE"))).toBe(false);
    expect(path.join(readBuildEnv({}, [], projectRoot).cacheDir, PUBLISHED_URLS_FILE)).toBe(path.join(projectRoot, ".cache", PUBLISHED_URLS_FILE));
    // A new entry each run (restored from the newest), so the record a run writes is the next run's.
    expect(String(steps[cache]!.with?.key)).toContain("${{ github.run_id }}");
    expect(steps[cache]!.with?.["restore-keys"]).toBeTruthy();
  });
});

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
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  uses?: string;
  env?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown> & { push?: { branches: string[] }; schedule?: Array<{ cron: string }> };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}
const readWorkflow = (name: string) => yaml.load(readFileSync(path.join(projectRoot, ".github/workflows", name), "utf8")) as Workflow;
const workflow = readWorkflow("deploy.yml");
const objectStorage = readWorkflow("deploy-object-storage.yml");
const tests = readWorkflow("tests.yml");
const steps = workflow.jobs.build!.steps!;

type Value = string | boolean;
interface Scope {
  event: string;
  vars: Record<string, string>;
  results: Record<string, string>;
  /** success(): every job this one needs, and every job those need, succeeded. */
  chainSucceeded: boolean;
}

/**
 * Evaluates a GitHub Actions `if:` expression (the subset these workflows use: ==, !=, !, &&, ||,
 * parentheses, 'strings', github.event_name, vars.*, needs.*.result and the status functions).
 */
function evaluate(expression: string, scope: Scope): Value {
  const tokens = [...expression.replace(/^\s*\$\{\{|\}\}\s*$/g, "").matchAll(/\s*(&&|\|\||==|!=|!|\(|\)|'[^']*'|[A-Za-z_][\w.-]*)/gy)].map((match) => match[1]!);
  if (tokens.join("").replace(/\s/g, "") !== expression.replace(/^\s*\$\{\{|\}\}\s*$/g, "").replace(/\s/g, "")) throw new Error(`expression not understood here: ${expression}`);
  let position = 0;
  const truthy = (value: Value) => value !== false && value !== "";
  const primary = (): Value => {
    const token = tokens[position++];
    if (token === "(") {
      const value = or();
      if (tokens[position++] !== ")") throw new Error(`missing ) in ${expression}`);
      return value;
    }
    if (token === undefined) throw new Error(`expression ends early: ${expression}`);
    if (token.startsWith("'")) return token.slice(1, -1);
    if (token === "true" || token === "false") return token === "true";
    if (tokens[position] === "(") {
      position += 2; // "(" ")": the status functions take no arguments
      const status: Record<string, boolean> = { success: scope.chainSucceeded, always: true, cancelled: false, failure: false };
      if (!(token in status)) throw new Error(`function ${token}() not understood here`);
      return status[token]!;
    }
    if (token === "github.event_name") return scope.event;
    const variable = /^vars\.(\w+)$/.exec(token);
    if (variable) return scope.vars[variable[1]!] ?? "";
    const need = /^needs\.([\w-]+)\.result$/.exec(token);
    if (need) return scope.results[need[1]!] ?? "";
    throw new Error(`${token} not understood here`);
  };
  const comparison = (): Value => {
    const left = primary();
    const operator = tokens[position];
    if (operator !== "==" && operator !== "!=") return left;
    position++;
    const equal = String(left).toLowerCase() === String(primary()).toLowerCase();
    return operator === "==" ? equal : !equal;
  };
  const unary = (): Value => {
    if (tokens[position] === "!") {
      position++;
      return !truthy(unary());
    }
    return comparison();
  };
  // a && b is b when a holds, else a; a || b is a when a holds, else b.
  const chain = (operator: "&&" | "||", operand: () => Value): Value => {
    let value = operand();
    while (tokens[position] === operator) {
      position++;
      const right = operand();
      value = truthy(value) === (operator === "&&") ? right : value;
    }
    return value;
  };
  const and = () => chain("&&", unary);
  const or = (): Value => chain("||", and);
  const value = or();
  if (position !== tokens.length) throw new Error(`expression not understood here: ${expression}`);
  return truthy(value);
}

const needsOf = (job: Job) => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);

/**
 * Which jobs of a workflow run for an event, as GitHub decides: a job runs when its `if:` holds;
 * an `if:` with no status function has `success()` put before it, and success() asks for every
 * job up the chain of needs to have succeeded (so a skipped test skips the deploy after a build
 * that ran, unless the deploy says otherwise). A job calling tests.yml ends as `tests`.
 */
function jobResults(flow: Workflow, event: string, { tests: outcome = "success", vars = {} }: { tests?: "success" | "failure"; vars?: Record<string, string> } = {}): Record<string, string> {
  if (!(event in flow.on)) return {};
  const results: Record<string, string> = {};
  const ancestors = (id: string): string[] => needsOf(flow.jobs[id]!).flatMap((need) => [need, ...ancestors(need)]);
  for (const [id, job] of Object.entries(flow.jobs)) {
    for (const need of needsOf(job)) if (!(need in results)) throw new Error(`${id} needs ${need}, which comes after it`);
    const condition = job.if ?? "true";
    const scope = { event, vars, results, chainSucceeded: ancestors(id).every((ancestor) => results[ancestor] === "success") };
    const withStatus = /\b(success|always|cancelled|failure)\(\)/.test(condition);
    const runs = (withStatus || scope.chainSucceeded) && evaluate(condition, scope);
    results[id] = !runs ? "skipped" : job.uses?.endsWith("/tests.yml") ? outcome : "success";
  }
  return results;
}

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
const indexIn = (list: Step[], match: (step: Step) => boolean) => list.findIndex(match);
const indexOf = (match: (step: Step) => boolean) => indexIn(steps, match);
const dailyCrons = (flow: Workflow) => flow.on.schedule!.map((entry) => entry.cron);

/** The cache step restores `.cache` (published-urls.json included) before the build, into a new entry each run. */
function expectCacheBeforeBuild(list: Step[]): Step {
  const cache = indexIn(list, (step) => Boolean(step.uses?.startsWith("actions/cache@")));
  const build = indexIn(list, (step) => Boolean(step.run?.includes("npm run build")));
  expect(cache).toBeGreaterThanOrEqual(0);
  expect(cache).toBeLessThan(build);
  // The build's cache is the default folder (no BROADSHEET_CACHE elsewhere), which holds published-urls.json.
  expect(list[cache]!.with?.path).toBe(".cache");
  expect(list.some((step) => step.run?.includes("BROADSHEET_CACHE") || (step.env && "BROADSHEET_CACHE" in step.env))).toBe(false);
  // A new entry each run (restored from the newest), so the record a run writes is the next run's.
  expect(String(list[cache]!.with?.key)).toContain("${{ github.run_id }}");
  expect(list[cache]!.with?.["restore-keys"]).toBeTruthy();
  return list[cache]!;
}

describe("the GitHub Pages workflow", () => {
  it("runs on every push to main, every hour and by hand", () => {
    expect(workflow.on.push!.branches).toEqual(["main"]);
    expect(workflow.on.schedule).toHaveLength(1);
    const [minute, hour, day, month, weekday] = workflow.on.schedule![0]!.cron.split(" ");
    expect(/^\d+$/.test(minute!) && [hour, day, month, weekday].every((field) => field === "*")).toBe(true);
    expect("workflow_dispatch" in workflow.on).toBe(true);
  });

  it("rebuilds at least every rebuildWithinHours, the news sitemap's margin before Google's 48 hours", () => {
    expect(longestCronGapHours(["7 * * * *"])).toBe(1);
    expect(longestCronGapHours(["0 */6 * * *"])).toBe(6);
    expect(longestCronGapHours(["0,30 8-20 * * *"])).toBe(11.5); // 20:30 to 08:00
    expect(longestCronGapHours(["0 0 * * *", "0 12 * * *"])).toBe(12);
    expect(() => longestCronGapHours(["0 0 * * 1"])).toThrow(/every day/);
    const gap = longestCronGapHours(dailyCrons(workflow));
    expect(gap).toBeLessThanOrEqual(readSettings(path.join(projectRoot, "_data")).site.rebuildWithinHours);
  });

  it("tests a push before building and deploying it; the hourly and manual runs build and deploy without the suite", () => {
    expect(jobResults(workflow, "push")).toEqual({ test: "success", build: "success", deploy: "success" });
    expect(jobResults(workflow, "push", { tests: "failure" })).toEqual({ test: "failure", build: "skipped", deploy: "skipped" });
    expect(jobResults(workflow, "schedule", { tests: "failure" })).toEqual({ test: "skipped", build: "success", deploy: "success" });
    expect(jobResults(workflow, "workflow_dispatch", { tests: "failure" })).toEqual({ test: "skipped", build: "success", deploy: "success" });
    // Pull requests are tested by tests.yml, which has no deploy in it.
    expect(jobResults(workflow, "pull_request")).toEqual({});
    expect(workflow.jobs.test!.uses).toBe("./.github/workflows/tests.yml");
  });

  it("installs with npm ci on Node 22, builds with the Pages prefix and URL, then uploads and deploys", () => {
    const node = steps.find((step) => step.uses?.startsWith("actions/setup-node@"));
    expect(node?.with?.["node-version"]).toBe(22);
    const order = [
      indexOf((step) => step.run === "npm ci"),
      indexOf((step) => Boolean(step.run?.includes("npm run build"))),
      indexOf((step) => Boolean(step.uses?.startsWith("actions/upload-pages-artifact@"))),
    ];
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(steps.some((step) => step.run === "npm test")).toBe(false);
    const build = steps[order[1]!]!.run!;
    expect(build).toContain("PATH_PREFIX=");
    expect(build).toContain("SITE_URL=");
    expect(build).toContain("customDomain");
    expect(workflow.jobs.deploy!.needs).toBe("build");
    expect(workflow.jobs.deploy!.steps!.some((step) => step.uses?.startsWith("actions/deploy-pages@"))).toBe(true);
    expect(workflow.permissions).toMatchObject({ pages: "write", "id-token": "write" });
  });

  it("restores and keeps the cache folder the build uses, with its record of published URLs", () => {
    expectCacheBeforeBuild(steps);
    expect(path.join(readBuildEnv({}, [], projectRoot).cacheDir, PUBLISHED_URLS_FILE)).toBe(path.join(projectRoot, ".cache", PUBLISHED_URLS_FILE));
  });
});

describe("the test workflow", () => {
  const job = tests.jobs.test!;
  it("runs the whole suite on every pull request and when a deploy calls it, and publishes nothing", () => {
    expect(Object.keys(tests.on).sort()).toEqual(["pull_request", "workflow_call"]);
    const list = job.steps!;
    const order = [indexIn(list, (step) => step.run === "npm ci"), indexIn(list, (step) => step.run === "npm test")];
    expect(order[0]).toBeGreaterThanOrEqual(0);
    expect(order[1]).toBeGreaterThan(order[0]!);
    expect(list.find((step) => step.uses?.startsWith("actions/setup-node@"))?.with?.["node-version"]).toBe(22);
    expect(Object.keys(tests.jobs)).toEqual(["test"]);
    const text = JSON.stringify(tests);
    for (const publishing of ["deploy-pages", "upload-pages-artifact", "deploy:sync", "secrets."]) expect(text).not.toContain(publishing);
    expect(tests.permissions).toEqual({ contents: "read" });
  });

  it("installs rclone before the suite, so the sync test runs on CI rather than skipping", () => {
    const list = job.steps!;
    const rclone = indexIn(list, (step) => /apt-get install .*\brclone\b/.test(step.run ?? ""));
    expect(rclone).toBeGreaterThanOrEqual(0);
    expect(rclone).toBeLessThan(indexIn(list, (step) => step.run === "npm test"));
  });
});

describe("the object-storage workflow", () => {
  const bucket = { OBJECT_STORAGE_BUCKET: "newsroom-site" };
  const publish = objectStorage.jobs.publish!;
  const list = publish.steps!;

  it("runs when deploy.yml does: every push to main, on deploy.yml's schedule, and by hand", () => {
    expect(objectStorage.on.push!.branches).toEqual(["main"]);
    expect(dailyCrons(objectStorage)).toEqual(dailyCrons(workflow));
    expect("workflow_dispatch" in objectStorage.on).toBe(true);
  });

  it("tests a push before publishing it, publishes scheduled and manual runs without the suite, and does nothing without a bucket", () => {
    expect(jobResults(objectStorage, "push", { vars: bucket })).toEqual({ test: "success", publish: "success" });
    expect(jobResults(objectStorage, "push", { vars: bucket, tests: "failure" })).toEqual({ test: "failure", publish: "skipped" });
    expect(jobResults(objectStorage, "schedule", { vars: bucket })).toEqual({ test: "skipped", publish: "success" });
    expect(jobResults(objectStorage, "workflow_dispatch", { vars: bucket })).toEqual({ test: "skipped", publish: "success" });
    expect(jobResults(objectStorage, "pull_request", { vars: bucket })).toEqual({});
    for (const event of ["push", "schedule", "workflow_dispatch"]) expect(jobResults(objectStorage, event)).toEqual({ test: "skipped", publish: "skipped" });
    expect(objectStorage.jobs.test!.uses).toBe("./.github/workflows/tests.yml");
  });

  it("restores the build cache, builds for the CDN's address at its root, then syncs with the one sync command", () => {
    const cache = expectCacheBeforeBuild(list);
    // Its own entries, falling back to the Pages workflow's on its first run.
    expect(String(cache.with?.["restore-keys"]).split("\n").filter(Boolean)).toEqual(["broadsheet-object-storage-cache-", "broadsheet-cache-"]);
    const order = [
      indexIn(list, (step) => /apt-get install .*\brclone\b/.test(step.run ?? "")),
      indexIn(list, (step) => step.run === "npm ci"),
      indexIn(list, (step) => Boolean(step.run?.includes("npm run build"))),
      indexIn(list, (step) => Boolean(step.run?.startsWith("npm run deploy:sync -- _site "))),
    ];
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const build = list[order[2]!]!;
    expect(build.env).toMatchObject({ PATH_PREFIX: "/", SITE_URL: "${{ vars.OBJECT_STORAGE_SITE_URL }}" });
    const scripts = (JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts["deploy:sync"]).toBe("tools/deploy-sync.sh");
  });

  it("publishes the CloudFront Function made from this build's _redirects after the sync, only when one is named", () => {
    const sync = indexIn(list, (step) => Boolean(step.run?.startsWith("npm run deploy:sync")));
    const cloudFront = indexIn(list, (step) => Boolean(step.run?.includes("tools/cloudfront-function.ts _site")));
    expect(cloudFront).toBeGreaterThan(sync);
    const step = list[cloudFront]! as Step & { if?: string };
    const runs = (vars: Record<string, string>) => evaluate(step.if!, { event: "schedule", vars, results: {}, chainSucceeded: true });
    expect(runs({ ...bucket, CLOUDFRONT_FUNCTION_NAME: "newsroom-index-rewrite" })).toBe(true);
    expect(runs(bucket)).toBe(false);
    expect(step.run).toMatch(/update-function [^\n]*--if-match/);
    expect(step.run).toContain('"Runtime":"cloudfront-js-2.0"');
    expect(step.run).toMatch(/publish-function --name "\$FUNCTION" --if-match/);
  });

  it("configures the rclone remote it syncs to from the environment, its keys from repository secrets", () => {
    const sync = list.find((step) => step.run?.startsWith("npm run deploy:sync"))!.run!;
    const remote = /_site "(\w+):/.exec(sync)?.[1];
    expect(remote).toBeTruthy();
    const prefix = `RCLONE_CONFIG_${remote!.toUpperCase()}_`;
    expect(publish.env).toMatchObject({
      [`${prefix}TYPE`]: "s3",
      [`${prefix}ACCESS_KEY_ID`]: "${{ secrets.OBJECT_STORAGE_ACCESS_KEY_ID }}",
      [`${prefix}SECRET_ACCESS_KEY`]: "${{ secrets.OBJECT_STORAGE_SECRET_ACCESS_KEY }}",
      [`${prefix}PROVIDER`]: "${{ vars.OBJECT_STORAGE_PROVIDER }}",
    });
    expect(Object.keys(publish.env!)).toContain(`${prefix}ENDPOINT`);
    expect(objectStorage.permissions).toEqual({ contents: "read" });
  });
});

describe("the job conditions model", () => {
  it("follows GitHub: a skipped job skips the jobs after it, even past one that ran, unless they say otherwise", () => {
    const chain: Workflow = {
      on: { schedule: [] },
      permissions: {},
      jobs: { a: { if: "false" }, b: { needs: "a", if: "${{ !cancelled() && needs.a.result != 'failure' }}" }, c: { needs: "b" }, d: { needs: "b", if: "${{ !cancelled() && needs.b.result == 'success' }}" } },
    };
    expect(jobResults(chain, "schedule")).toEqual({ a: "skipped", b: "success", c: "skipped", d: "success" });
    expect(evaluate("${{ github.event_name == 'push' && vars.X != '' }}", { event: "push", vars: { X: "y" }, results: {}, chainSucceeded: true })).toBe(true);
    expect(evaluate("github.event_name == 'push' && vars.X != ''", { event: "push", vars: {}, results: {}, chainSucceeded: true })).toBe(false);
    expect(() => evaluate("contains(github.ref, 'main')", { event: "push", vars: {}, results: {}, chainSucceeded: true })).toThrow(/not understood/);
  });
});

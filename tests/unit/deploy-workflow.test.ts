import { readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/site.ts";

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
const indexOf = (match: (step: Step) => boolean) => steps.findIndex(match);

describe("the GitHub Pages workflow", () => {
  it("runs on every push to main, every hour and by hand", () => {
    expect(workflow.on.push.branches).toEqual(["main"]);
    expect(workflow.on.schedule).toHaveLength(1);
    const [minute, hour, day, month, weekday] = workflow.on.schedule[0]!.cron.split(" ");
    expect(/^\d+$/.test(minute!) && [hour, day, month, weekday].every((field) => field === "*")).toBe(true);
    expect("workflow_dispatch" in workflow.on).toBe(true);
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
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/lighthouse/**", "**/node_modules/**"],
    // The sites several suites read are built once a run, by the first suite that needs each.
    globalSetup: ["tests/helpers/global-setup.ts"],
    // Whole-site suites build once in beforeAll; a build and vnu take seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: at most two suites at once, so builds do not starve each other.
    maxWorkers: 2,
  },
});

import { defineConfig } from "vitest/config";

// Lighthouse runs alone, after the other suites, so it has the machine to itself.
export default defineConfig({
  test: {
    include: ["tests/lighthouse/**/*.test.ts"],
    // Its own run, so its own folder of shared sites: it builds the demo once, as before.
    globalSetup: ["tests/helpers/global-setup.ts"],
    hookTimeout: 180_000,
    testTimeout: 300_000,
  },
});

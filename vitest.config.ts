import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts"],
    // Each file runs its own in-process chain; contract flows take seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // The summary reporter ends every run with the plain `N passed, N failed` line CI reads.
    reporters: ["default", "./test/reporters/summary.ts"],
  },
});

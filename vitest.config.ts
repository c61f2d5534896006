import path from "node:path";
import { defineConfig, type Plugin } from "vitest/config";

// Set by `hardhat test --coverage` (the `test vitest` task): the coverage build's artifacts.
const coverageArtifacts = process.env.RHIZOME_COVERAGE_ARTIFACTS;
const contractsSrc = path.resolve(import.meta.dirname, "packages/contracts/src");

/** Under coverage, @rhizome/contracts deploys the instrumented bytecode (see test/hardhat/). */
const instrumentedBytecode: Plugin = {
  name: "rhizome-instrumented-bytecode",
  enforce: "pre",
  resolveId(source, importer) {
    if (source !== "./generated/artifacts.js" || !importer?.startsWith(contractsSrc)) return null;
    return path.resolve(import.meta.dirname, "test/hardhat/instrumented-artifacts.ts");
  },
};

export default defineConfig({
  plugins: coverageArtifacts ? [instrumentedBytecode] : [],
  test: {
    include: [
      "test/**/*.test.ts",
      "packages/*/src/**/*.test.ts",
      "apps/*/src/**/*.test.ts",
      "apps/*/src/**/*.test.tsx",
    ],
    // Each file runs its own in-process chain; contract flows take seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Under coverage each file saves what its chains collected for Hardhat's report.
    setupFiles: coverageArtifacts ? ["test/hardhat/save-coverage.ts"] : [],
    // The summary reporter ends every run with the plain `N passed, N failed` line CI reads.
    reporters: ["default", "./test/reporters/summary.ts"],
  },
});

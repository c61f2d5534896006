/**
 * The `test vitest` task: runs the TypeScript tests (vitest) as one of `hardhat test`'s runners,
 * next to `test solidity`, so `hardhat test --coverage` measures both and reports their union.
 *
 * Under coverage the vitest workers collect coverage from their in-process chains
 * (HARDHAT_COVERAGE=true), deploy the instrumented bytecode (test/hardhat/instrumented-artifacts.ts)
 * and save their data under coverage/data/vitest (test/hardhat/save-coverage.ts). The Solidity
 * tests are not run again here: test/solidity.test.ts is left out.
 *
 * Without --coverage, the TypeScript tests deploy @rhizome/contracts as `npm run build` last
 * generated it; `npm test` is the usual way to run them.
 */
import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { errorResult, successfulResult } from "hardhat/utils/result";

interface VitestTaskArguments {
  testFiles: string[];
  noCompile: boolean;
}

interface VitestJsonResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

const require = createRequire(import.meta.url);

export default async function runVitest({ testFiles, noCompile }: VitestTaskArguments, hre: HardhatRuntimeEnvironment) {
  const coverage = hre.globalOptions.coverage === true;
  if (coverage && !noCompile) await hre.tasks.getTask("build").run({});
  await hre.hooks.runHandlerChain("test", "onTestRunStart", ["vitest"], async () => {});

  const resultsFile = path.join(hre.config.paths.cache, "vitest-results.json");
  await rm(resultsFile, { force: true });
  const vitest = path.join(path.dirname(require.resolve("vitest/package.json")), "vitest.mjs");
  const args = [
    vitest,
    "run",
    ...testFiles,
    // The Solidity tests run as `test solidity`; under coverage, the package deploys the
    // instrumented bytecode, which its own check against the normal build would reject.
    "--exclude=test/solidity.test.ts",
    ...(coverage ? ["--exclude=packages/contracts/src/generated.test.ts"] : []),
    "--reporter=default",
    "--reporter=./test/reporters/summary.ts",
    "--reporter=json",
    `--outputFile.json=${resultsFile}`,
  ];
  const env = coverage
    ? { ...process.env, HARDHAT_COVERAGE: "true", RHIZOME_COVERAGE_ARTIFACTS: hre.config.paths.artifacts }
    : process.env;
  const exitCode = await new Promise<number>((resolve, reject) => {
    spawn(process.execPath, args, { cwd: hre.config.paths.root, env, stdio: "inherit" })
      .on("error", reject)
      .on("exit", (code) => resolve(code ?? 1));
  });

  await hre.hooks.runHandlerChain("test", "onTestRunDone", ["vitest"], async () => {});
  const results = JSON.parse(await readFile(resultsFile, "utf8").catch(() => "null")) as VitestJsonResults | null;
  const summary = {
    passed: results?.numPassedTests ?? 0,
    // A run that failed outside its tests (a file that did not load, no results) still fails.
    failed: results?.numFailedTests || (exitCode === 0 ? 0 : 1),
    skipped: results?.numPendingTests ?? 0,
    todo: results?.numTodoTests ?? 0,
  };
  return exitCode === 0 ? successfulResult({ summary }) : errorResult({ summary });
}

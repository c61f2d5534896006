/**
 * Runs the Solidity tests (test/solidity/*.t.sol: fuzz and invariant tests on the real
 * contracts) with Hardhat's Solidity test runner, once, and reports each of them as its own
 * vitest test, so `npm test` runs them and each one counts once in the `N passed, N failed` line.
 *
 * The test names are read from the .t.sol sources at collection time (vitest needs them before
 * anything runs); the results come from Hardhat's `test solidity` task run in this process,
 * which returns every suite's results as data. A failed Solidity test fails with the reason,
 * stack trace and counterexample Hardhat prints for it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { beforeAll, describe, it, vi } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const solidityTestsDir = path.join(root, "test", "solidity");

interface SolidityTestResult {
  readonly name: string;
  readonly status: "Success" | "Failure" | "Skipped";
  readonly reason?: string;
}

interface SoliditySuiteResult {
  readonly id: { readonly name: string; readonly source: string };
  readonly testResults: readonly SolidityTestResult[];
}

interface SolidityRunResult {
  readonly summary: { readonly failureOutput?: string };
  readonly suiteResults: readonly SoliditySuiteResult[];
}

/** A contract's own test functions, and the contracts it inherits from. */
interface ParsedContract {
  readonly file: string;
  /** Abstract contracts are not run themselves, only through the contracts that inherit them. */
  readonly abstract: boolean;
  readonly bases: string[];
  readonly tests: string[];
}

/** Every test contract in the .t.sol files with its test and invariant functions, inherited ones included. */
function listSolidityTests(): Map<string, { file: string; tests: string[] }> {
  const files = readdirSync(solidityTestsDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".t.sol"))
    .sort();
  const contracts = new Map<string, ParsedContract>();
  for (const file of files) {
    const source = readFileSync(path.join(solidityTestsDir, file), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
    const heads = [...source.matchAll(/\b(abstract\s+)?contract\s+(\w+)(?:\s+is\s+([^{]+))?\s*\{/g)];
    heads.forEach((head, i) => {
      const body = source.slice(head.index, heads[i + 1]?.index ?? source.length);
      const tests = [...body.matchAll(/\bfunction\s+((?:test|invariant)\w*)\s*\(/g)].map((m) => m[1] ?? "");
      const bases = (head[3] ?? "").split(",").map((base) => base.trim().split(/[\s(]/)[0] ?? "");
      const abstract = head[1] !== undefined;
      contracts.set(head[2] ?? "", { file: `test/solidity/${file}`, abstract, bases, tests });
    });
  }
  const testsOf = (name: string): string[] => {
    const contract = contracts.get(name);
    if (!contract) return [];
    return [...new Set([...contract.bases.flatMap(testsOf), ...contract.tests])];
  };
  const listed = new Map<string, { file: string; tests: string[] }>();
  for (const [name, contract] of contracts) {
    if (contract.abstract) continue;
    const tests = testsOf(name);
    if (tests.length > 0) listed.set(name, { file: contract.file, tests });
  }
  return listed;
}

/** Hardhat's failure report, one entry per `Contract#test(...)` heading. */
function failureReports(failureOutput: string): Map<string, string> {
  const reports = new Map<string, string>();
  const text = stripVTControlCharacters(failureOutput);
  const headings = [...text.matchAll(/^ *\d+\) (\w+)#(\w+)\(.*$/gm)];
  headings.forEach((heading, i) => {
    const end = headings[i + 1]?.index ?? text.length;
    reports.set(`${heading[1]}#${heading[2]}`, text.slice(heading.index, end).trim());
  });
  return reports;
}

const listed = listSolidityTests();
const results = new Map<string, SolidityTestResult>();
let reports = new Map<string, string>();
let runOutput = "";
let runError: Error | undefined;

/** Runs every Solidity test once and records each result; an error that stops the run is kept for each test to report. */
async function runSolidityTests(): Promise<void> {
  // Keep the runner's own report out of vitest's; failures carry their part of it.
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array, ...rest) => {
    runOutput += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    // The runner waits for each write's callback (write(chunk, callback) or write(chunk, encoding, callback)).
    const callback = rest.find((arg) => typeof arg === "function");
    if (callback) queueMicrotask(() => callback());
    return true;
  });
  const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    runOutput += `${args.join(" ")}\n`;
  });
  let outcome: unknown;
  try {
    const { default: hre } = await import("hardhat");
    // A testSummaryIndex over 0 makes the runner hand back its failure report instead of printing it.
    outcome = await hre.tasks.getTask(["test", "solidity"]).run({ testSummaryIndex: 1 });
  } finally {
    write.mockRestore();
    log.mockRestore();
  }
  const result = outcome as { success: boolean; value?: SolidityRunResult; error?: SolidityRunResult };
  const run = result.success ? result.value : result.error;
  if (!run?.suiteResults) throw new Error("The Solidity test run returned no results");
  for (const suite of run.suiteResults) {
    for (const test of suite.testResults) {
      const name = test.name.split("(")[0] ?? test.name;
      const key = `${suite.id.name}#${name}`;
      if (!listed.get(suite.id.name)?.tests.includes(name)) {
        throw new Error(`Solidity test ${key} ran but was not listed from the sources (see listSolidityTests)`);
      }
      results.set(key, test);
    }
  }
  reports = failureReports(run.summary.failureOutput ?? "");
}

beforeAll(async () => {
  try {
    await runSolidityTests();
  } catch (error) {
    // Failing the hook would mark the tests skipped; each of them fails with this instead.
    const output = stripVTControlCharacters(runOutput).trim().split("\n").slice(-40).join("\n");
    runError = new Error(`The Solidity test run failed: ${String(error)}\n${output}`, { cause: error });
  }
}, 900_000);

/** An error that reads as Hardhat's report alone, without a stack into this file. */
function failure(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}

for (const [contract, { file, tests }] of listed) {
  describe(`${file}:${contract}`, () => {
    for (const name of tests) {
      it(name, (context) => {
        if (runError) throw runError;
        const key = `${contract}#${name}`;
        const result = results.get(key);
        if (!result) throw new Error(`Solidity test ${key} did not run`);
        if (result.status === "Skipped") context.skip();
        if (result.status === "Failure") throw failure(reports.get(key) ?? result.reason ?? `${key} failed`);
      });
    }
  });
}

/**
 * @rhizome/contracts' generated artifacts with the creation bytecode of the coverage build.
 *
 * Under `hardhat test --coverage` the TypeScript tests must deploy the instrumented contracts,
 * or their runs would not count. vitest.config.ts then resolves the package's
 * `./generated/artifacts.js` to this module: the same exports (ABIs, errors), with each
 * `…Bytecode` read from the coverage build's artifacts (RHIZOME_COVERAGE_ARTIFACTS, set by the
 * `test vitest` task). Nothing in packages/ changes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import * as generated from "../../packages/contracts/src/generated/artifacts.js";

export * from "../../packages/contracts/src/generated/artifacts.js";

type Hex = `0x${string}`;

const artifactsDir = process.env.RHIZOME_COVERAGE_ARTIFACTS;
if (!artifactsDir) throw new Error("RHIZOME_COVERAGE_ARTIFACTS is not set: run coverage with `npm run coverage`");

function bytecode(file: string): Hex {
  const artifact = JSON.parse(readFileSync(path.join(artifactsDir ?? "", "contracts", file), "utf8")) as {
    bytecode: Hex;
  };
  return artifact.bytecode;
}

export const sharesBytecode = bytecode("Shares.sol/Shares.json");
export const collectiveGovernorBytecode = bytecode("CollectiveGovernor.sol/CollectiveGovernor.json");
export const collectiveTimelockBytecode = bytecode("CollectiveTimelock.sol/CollectiveTimelock.json");
export const treasuryBytecode = bytecode("Treasury.sol/Treasury.json");
export const workBytecode = bytecode("Work.sol/Work.json");
export const collectiveFactoryBytecode = bytecode("CollectiveFactory.sol/CollectiveFactory.json");
export const testTokenBytecode = bytecode("testing/TestToken.sol/TestToken.json");

// A contract added to the package must be added here too, or its runs would go uncounted.
const replaced = new Set([
  "sharesBytecode",
  "collectiveGovernorBytecode",
  "collectiveTimelockBytecode",
  "treasuryBytecode",
  "workBytecode",
  "collectiveFactoryBytecode",
  "testTokenBytecode",
]);
const missing = Object.keys(generated).filter((name) => name.endsWith("Bytecode") && !replaced.has(name));
if (missing.length > 0)
  throw new Error(`test/hardhat/instrumented-artifacts.ts does not replace ${missing.join(", ")}`);

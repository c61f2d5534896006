import { createRequire } from "node:module";
import { configVariable, defineConfig, task } from "hardhat/config";
import hardhatViem from "@nomicfoundation/hardhat-viem";
import hardhatNetworkHelpers from "@nomicfoundation/hardhat-network-helpers";

// Compile with the npm `solc` package (WASM): nothing is downloaded, no compiler cache is
// written under the home folder, and the version is the one package-lock.json pins.
const require = createRequire(import.meta.url);
const solcVersion = (require("solc/package.json") as { version: string }).version;
const soljson = require.resolve("solc/soljson.js");

// A coverage build instruments the sources: its artifacts and cache live apart from the normal
// build's, so `--coverage` never leaves instrumented bytecode where `npm run build` reads it.
const coverage = process.env.HARDHAT_COVERAGE === "true" || process.argv.includes("--coverage");

export default defineConfig({
  plugins: [hardhatViem, hardhatNetworkHelpers],
  // Where `npm run deploy -- --network NAME` can deploy Rhizome. Keys and URLs are config
  // variables: read from the environment, or from Hardhat's keystore when a keystore plugin is
  // set up; nothing secret lives in this file.
  networks: {
    localhost: {
      type: "http",
      chainType: "l1",
      url: process.env.LOCALHOST_RPC_URL ?? "http://127.0.0.1:8545",
    },
    sepolia: {
      type: "http",
      chainType: "l1",
      url: configVariable("SEPOLIA_RPC_URL"),
      accounts: [configVariable("DEPLOYER_PRIVATE_KEY")],
    },
    custom: {
      type: "http",
      url: configVariable("DEPLOY_RPC_URL"),
      accounts: [configVariable("DEPLOYER_PRIVATE_KEY")],
    },
  },
  solidity: {
    compilers: [
      {
        version: solcVersion,
        path: soljson,
        settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: "cancun" },
      },
    ],
    overrides: {
      // The governor is over the 24 KB code size limit through the legacy pipeline (26.4 KB); the
      // IR pipeline at 100 runs makes it 24.2 KB and keeps every gas target (npm run bench:gas).
      "contracts/CollectiveGovernor.sol": {
        version: solcVersion,
        path: soljson,
        settings: { optimizer: { enabled: true, runs: 100 }, evmVersion: "cancun", viaIR: true },
      },
    },
  },
  paths: {
    artifacts: coverage ? "coverage/artifacts" : "artifacts",
    cache: coverage ? "coverage/cache" : "cache",
    // bench/reference: plain OpenZeppelin contracts the gas benchmark (bench/gas.ts) compares with.
    sources: { solidity: ["contracts", "bench/reference"] },
    // Hardhat's Solidity test runner sees only test/solidity; vitest runs the TypeScript tests
    // (and, through test/solidity.test.ts, the Solidity ones).
    tests: { solidity: "test/solidity" },
  },
  // Coverage is about Rhizome's contracts, not the benchmark's reference stack or test helpers.
  coverage: { skipFiles: ["bench/**", "contracts/testing/**"] },
  tasks: [
    // vitest as a runner of `hardhat test`, next to `test solidity`: `hardhat test --coverage`
    // (npm run coverage) then measures the TypeScript and the Solidity tests together.
    task(["test", "vitest"], "Run the TypeScript tests with vitest")
      .addVariadicArgument({ name: "testFiles", description: "Test files to run", defaultValue: [] })
      .addFlag({ name: "noCompile", description: "Don't compile the project before running the tests" })
      .setAction(() => import("./test/hardhat/vitest-task.js"))
      .build(),
  ],
});

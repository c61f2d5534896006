import { createRequire } from "node:module";
import { defineConfig } from "hardhat/config";
import hardhatViem from "@nomicfoundation/hardhat-viem";
import hardhatNetworkHelpers from "@nomicfoundation/hardhat-network-helpers";

// Compile with the npm `solc` package (WASM): nothing is downloaded, no compiler cache is
// written under the home folder, and the version is the one package-lock.json pins.
const require = createRequire(import.meta.url);
const solcVersion = (require("solc/package.json") as { version: string }).version;
const soljson = require.resolve("solc/soljson.js");

export default defineConfig({
  plugins: [hardhatViem, hardhatNetworkHelpers],
  solidity: {
    version: solcVersion,
    path: soljson,
    settings: {
      // The governor is over the 24 KB code size limit without the optimizer.
      optimizer: { enabled: true, runs: 200 },
      evmVersion: "cancun",
    },
  },
  paths: {
    // bench/reference: plain OpenZeppelin contracts the gas benchmark (bench/gas.ts) compares with.
    sources: { solidity: ["contracts", "bench/reference"] },
    // vitest runs the TypeScript tests; Hardhat's own runner only sees Solidity tests.
    tests: { solidity: "test/solidity" },
  },
  // Coverage is about Rhizome's contracts, not the benchmark's reference stack.
  coverage: { skipFiles: ["bench/**"] },
});

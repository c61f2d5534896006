/**
 * vitest setup file under coverage: once a test file's tests have run, saves the coverage its
 * in-process Hardhat chains collected (HARDHAT_COVERAGE=true turns collection on) where
 * `hardhat test --coverage` reads it for the report: coverage/data/vitest/.
 */
import { afterAll } from "vitest";
import { markTestWorkerDone } from "hardhat/internal/coverage";

afterAll(async () => {
  await markTestWorkerDone("vitest");
});

/** The package's ABIs and bytecode are the build's, not copies that can drift from it. */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  collectiveFactoryAbi,
  collectiveFactoryBytecode,
  collectiveGovernorAbi,
  collectiveTimelockAbi,
  rhizomeErrorsAbi,
  sharesAbi,
  sharesBytecode,
  treasuryAbi,
} from "./index.js";

const artifact = async (file: string) =>
  JSON.parse(await readFile(new URL(`../../../artifacts/contracts/${file}`, import.meta.url), "utf8")) as {
    abi: { type: string; name?: string }[];
    bytecode: string;
  };

describe("@rhizome/contracts", () => {
  it("exports the ABIs and bytecode of the current build", async () => {
    const shares = await artifact("Shares.sol/Shares.json");
    expect(sharesAbi).toEqual(shares.abi);
    expect(sharesBytecode).toBe(shares.bytecode);
    const factory = await artifact("CollectiveFactory.sol/CollectiveFactory.json");
    expect(collectiveFactoryAbi).toEqual(factory.abi);
    expect(collectiveFactoryBytecode).toBe(factory.bytecode);
  });

  it("collects every custom error of every module into one ABI", () => {
    const names = new Set(rhizomeErrorsAbi.map((e) => e.name));
    for (const abi of [sharesAbi, collectiveGovernorAbi, collectiveTimelockAbi, treasuryAbi, collectiveFactoryAbi]) {
      for (const item of abi) if (item.type === "error") expect(names).toContain(item.name);
    }
    expect(names).toContain("SharesNonTransferable");
    expect(names).toContain("GovernorInsufficientProposerVotes");
  });
});

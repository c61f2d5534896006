/** An ethers v6 user drives a collective with nothing but @rhizome/contracts' ABIs. */
import { describe, expect, it } from "vitest";
import { BrowserProvider, Contract, Interface, id, type Log } from "ethers";
import { collectiveFactoryAbi, collectiveGovernorAbi, sharesAbi } from "@rhizome/contracts";
import { PRINCIPLES, SETTINGS, startChain } from "../helpers/collective.js";

describe("ethers v6", () => {
  it("creates a collective, admits a member by proposal and reads the result", async () => {
    const chain = await startChain();
    const provider = new BrowserProvider(chain.connection.provider);
    const alice = await provider.getSigner(1);
    const dave = await provider.getSigner(4);

    const factory = new Contract(chain.deployment.factory, collectiveFactoryAbi, alice);
    const tx = await factory.getFunction("create")(
      "Rizom",
      "RZM",
      [...PRINCIPLES],
      [{ account: alice.address, shares: 100n }],
      { ...SETTINGS, countingRule: 0 },
    );
    const receipt = await tx.wait();
    const factoryInterface = new Interface(collectiveFactoryAbi);
    const created = (receipt.logs as Log[])
      .map((log) => factoryInterface.parseLog(log))
      .find((parsed) => parsed?.name === "CollectiveCreated");
    const modules = created?.args.getValue("modules") as { shares: string; governor: string };
    expect(created?.args.getValue("name")).toBe("Rizom");

    const shares = new Contract(modules.shares, sharesAbi, alice);
    const governor = new Contract(modules.governor, collectiveGovernorAbi, alice);
    expect(await shares.getFunction("balanceOf")(alice.address)).toBe(100n);

    const calldata = shares.interface.encodeFunctionData("mint", [dave.address, 10n]);
    const description = "Admit Dave";
    const args = [[modules.shares], [0n], [calldata]] as const;
    await (await governor.getFunction("propose")(...args, description)).wait();
    const proposalId = (await governor.getFunction("getProposalId")(...args, id(description))) as bigint;

    await chain.networkHelpers.time.increase(SETTINGS.votingDelay + 1);
    await (await governor.getFunction("castVoteWithReason")(proposalId, 1, "Welcome, Dave")).wait();
    await chain.networkHelpers.time.increase(SETTINGS.votingPeriod);
    await (await governor.getFunction("queue")(...args, id(description))).wait();
    await chain.networkHelpers.time.increase(SETTINGS.timelockDelay + 1);
    await (await governor.getFunction("execute")(...args, id(description))).wait();

    expect(await governor.getFunction("state")(proposalId)).toBe(7n);
    expect(await shares.getFunction("balanceOf")(dave.address)).toBe(10n);
    expect(await shares.getFunction("getVotes")(dave.address)).toBe(10n);
  });
});

/**
 * Findings of the security review (README, "Security"), each pinned by a test: a proposal
 * threshold that members' exits left above the supply no longer locks a collective out of
 * governing itself; the last member to leave takes everything and leaves no supply; a setting that
 * would leave a collective unable to govern itself fails as a proposal and changes nothing; tokens
 * that refuse zero transfers or take a fee neither block an exit nor cost those who stay.
 */
import { describe, expect, it } from "vitest";
import { encodeFunctionData, parseEther, type PublicClient } from "viem";
import {
  collectiveGovernorAbi,
  mintSharesProposal,
  ragequit,
  workProposal,
  type ProposalActions,
} from "@rhizome/contracts";
import {
  addressOf,
  advance,
  collectiveFixture,
  deployToken,
  pass,
  propose,
  SETTINGS,
  waitFor,
} from "../helpers/collective.js";
import { expectFailedExecution, expectRevert } from "../helpers/reverts.js";

const governorCall = (governor: `0x${string}`, data: `0x${string}`, description: string): ProposalActions => ({
  targets: [governor],
  values: [0n],
  calldatas: [data],
  description,
});

describe("security review", () => {
  it("lets any voter propose once exits leave the threshold above the whole supply, so it can be lowered", async () => {
    // Alice 600, bob 300, carol 100 shares; a threshold of 900 is within the supply when set.
    const f = await collectiveFixture();
    const raise = governorCall(
      f.modules.governor,
      encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "setProposalThreshold", args: [900n] }),
      "Only a broad coalition may propose",
    );
    await pass(f, raise);
    const { governor } = f.as(f.bob);
    expect(await governor.read.proposalThreshold()).toBe(900n);
    const grant = (n: number) => mintSharesProposal(f.modules, addressOf(f.dave), 1n, `Grant ${n}`);
    // While the supply reaches it, a proposer short of it is refused, as before.
    await expectRevert(
      governor.write.propose([grant(1).targets, grant(1).values, grant(1).calldatas, "Grant 1"]),
      "GovernorInsufficientProposerVotes",
    );

    // Alice leaves with all her shares: 400 remain, and no one could ever reach 900 again.
    await waitFor(
      f,
      ragequit(
        { publicClient: f.publicClient as PublicClient, walletClient: f.alice },
        { governor: f.modules.governor, treasury: f.modules.treasury, shares: 600n },
      ),
    );
    expect(await f.as(f.bob).shares.read.totalSupply()).toBe(400n);
    const lower = governorCall(
      f.modules.governor,
      encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "setProposalThreshold", args: [10n] }),
      "Lower the threshold again",
    );
    await pass(f, lower, { proposer: f.bob, voters: [f.bob, f.carol] });
    expect(await governor.read.proposalThreshold()).toBe(10n);
    // Someone with no votes at all is still refused.
    await expectRevert(
      f.as(f.dave).governor.write.propose([grant(2).targets, grant(2).values, grant(2).calldatas, "Grant 2"]),
      "GovernorInsufficientProposerVotes",
    );
  });

  it("pays the last member to leave the whole treasury, ETH and tokens, and leaves no supply", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("3") }));
    const token = await deployToken(f, f.modules.treasury, 1_001n);
    const leave = (wallet: typeof f.alice, shares: bigint) =>
      waitFor(
        f,
        ragequit(
          { publicClient: f.publicClient as PublicClient, walletClient: wallet },
          { governor: f.modules.governor, treasury: f.modules.treasury, shares, tokens: [token.address] },
        ),
      );
    await leave(f.carol, 100n);
    await leave(f.bob, 300n);
    await leave(f.alice, 600n);
    expect(await f.as(f.alice).shares.read.totalSupply()).toBe(0n);
    expect(await f.publicClient.getBalance({ address: f.modules.treasury })).toBe(0n);
    expect(await token.read.balanceOf([f.modules.treasury])).toBe(0n);
    // Rounded down at each exit, the dust went to those who stayed, and the last took the rest.
    expect(await token.read.balanceOf([addressOf(f.carol)])).toBe(100n);
    expect(await token.read.balanceOf([addressOf(f.bob)])).toBe(300n);
    expect(await token.read.balanceOf([addressOf(f.alice)])).toBe(601n);
  });

  it("fails a proposal that would leave the collective unable to govern itself, and changes nothing", async () => {
    const f = await collectiveFixture();
    const { governor } = f.as(f.alice);
    const before = await governor.read.quorumNumerator();
    // A quorum of every share: one absent member would block every decision, this one's undoing included.
    const all = governorCall(
      f.modules.governor,
      encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "updateQuorumNumerator", args: [100n] }),
      "Everyone must agree",
    );
    await expectFailedExecution(pass(f, all), "GovernorInvalidQuorumFraction");
    expect(await governor.read.quorumNumerator()).toBe(before);
    // And the collective still decides.
    const id = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 1n, "Still deciding"));
    expect(id).toBeGreaterThan(0n);
  });

  it("never lets a token that refuses transfers of zero block an exit: a part of zero is not sent", async () => {
    const f = await collectiveFixture();
    const token = await f.connection.viem.deployContract("ZeroRefusingToken", []);
    await token.write.mint([f.modules.treasury, 5n]);
    // Carol's 100 of 1,000 shares are worth 0.5 of a unit: rounded down to nothing. Straight to the
    // treasury, not through the client's action, which would leave a refusing token out anyway.
    await waitFor(f, f.as(f.carol).treasury.write.ragequit([100n, [token.address], []]));
    expect(await f.as(f.alice).shares.read.balanceOf([addressOf(f.carol)])).toBe(0n);
    expect(await token.read.balanceOf([f.modules.treasury])).toBe(5n);
  });

  it("takes a fee-on-transfer token's fee from what the leaver receives, not from the others' part", async () => {
    const f = await collectiveFixture();
    const token = await f.connection.viem.deployContract("FeeToken", []);
    await token.write.mint([f.modules.treasury, 1_000n]);
    await waitFor(
      f,
      ragequit(
        { publicClient: f.publicClient as PublicClient, walletClient: f.carol },
        { governor: f.modules.governor, treasury: f.modules.treasury, shares: 100n, tokens: [token.address] },
      ),
    );
    // Carol's part is 100; the token keeps 1 of it on the way.
    expect(await token.read.balanceOf([addressOf(f.carol)])).toBe(99n);
    // The 900 shares left own exactly the 900 tokens left.
    expect(await token.read.balanceOf([f.modules.treasury])).toBe(900n);
    expect(await f.as(f.alice).shares.read.totalSupply()).toBe(900n);
  });

  it("disputes work delivered when no shares remain, rather than accepting it unreviewed", async () => {
    const f = await collectiveFixture();
    await pass(
      f,
      workProposal(
        f.modules,
        {
          title: "Archive the books",
          specUri: "https://rizom.example/archive",
          principle: 0,
          reward: 10n,
          contributor: addressOf(f.dave),
        },
        "Commission the archive",
      ),
    );
    // Every member leaves before it is delivered: the supply at delivery is zero, and so is the
    // objection quorum (the threshold of that supply, rounded up).
    for (const [wallet, shares] of [
      [f.alice, 600n],
      [f.bob, 300n],
      [f.carol, 100n],
    ] as const) {
      await waitFor(
        f,
        ragequit(
          { publicClient: f.publicClient as PublicClient, walletClient: wallet },
          { governor: f.modules.governor, treasury: f.modules.treasury, shares },
        ),
      );
    }
    const work = f.as(f.dave).work;
    await waitFor(f, work.write.deliver([1n, "https://rizom.example/archive/done"]));
    expect((await work.read.item([1n])).objectionQuorum).toBe(0n);
    await advance(f, SETTINGS.reviewWindow + 1);
    await waitFor(f, work.write.settle([1n]));
    const settled = await work.read.item([1n]);
    expect(settled.state).toBe(4); // Disputed: no one reviewed it, so no reward is minted.
    expect(await f.as(f.dave).shares.read.balanceOf([addressOf(f.dave)])).toBe(0n);
  });
});

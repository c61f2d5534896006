import { describe, expect, it } from "vitest";
import { erc20Abi, parseEventLogs, parseSignature, type Address } from "viem";
import { mintSharesProposal, sharesAbi } from "@rhizome/contracts";
import {
  addressOf,
  advance,
  collectiveFixture,
  pass,
  propose,
  SETTINGS,
  Vote,
  waitFor,
} from "../helpers/collective.js";
import { expectRevert } from "../helpers/reverts.js";

describe("Shares", () => {
  it("cannot be transferred or approved by any path", async () => {
    const f = await collectiveFixture();
    const { shares } = f.as(f.alice);
    const alice = addressOf(f.alice);
    const bob = addressOf(f.bob);
    // As a wallet would send them, with the standard ERC-20 ABI.
    const send = (wallet: typeof f.alice, functionName: "transfer" | "approve", args: readonly [Address, bigint]) =>
      wallet.writeContract({ address: f.modules.shares, abi: erc20Abi, functionName, args });
    await expectRevert(send(f.alice, "transfer", [bob, 1n]), "SharesNonTransferable");
    await expectRevert(send(f.alice, "approve", [bob, 1n]), "SharesNonTransferable");
    for (const wallet of [f.alice, f.bob]) {
      await expectRevert(
        wallet.writeContract({
          address: f.modules.shares,
          abi: erc20Abi,
          functionName: "transferFrom",
          args: [alice, bob, 1n],
        }),
        "SharesNonTransferable",
      );
    }
    await expectRevert(shares.read.transfer([bob, 1n]), "SharesNonTransferable");
    expect(await shares.read.balanceOf([addressOf(f.alice)])).toBe(600n);
    expect(await shares.read.allowance([addressOf(f.alice), bob])).toBe(0n);
  });

  it("uses the block timestamp as its clock, as does the governor", async () => {
    const f = await collectiveFixture();
    const { shares, governor } = f.as(f.alice);
    const block = await f.publicClient.getBlock();
    expect(await shares.read.CLOCK_MODE()).toBe("mode=timestamp");
    expect(await governor.read.CLOCK_MODE()).toBe("mode=timestamp");
    expect(BigInt(await shares.read.clock())).toBe(block.timestamp);
    expect(BigInt(await governor.read.clock())).toBe(block.timestamp);
  });

  it("moves voting power by delegation; votes moved after the snapshot count for no one", async () => {
    const f = await collectiveFixture();
    const alice = addressOf(f.alice);
    const carol = addressOf(f.carol);
    const proposalId = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 1n, "Admit Dave"));
    await advance(f, SETTINGS.votingDelay + 1);

    // After the snapshot, carol delegates her 100 shares to alice.
    const receipt = await waitFor(f, f.as(f.carol).shares.write.delegate([alice]));
    const { shares, governor } = f.as(f.alice);
    expect(await shares.read.getVotes([alice])).toBe(700n);
    expect(await shares.read.getVotes([carol])).toBe(0n);
    expect(await shares.read.delegates([carol])).toBe(alice);
    expect(await shares.read.balanceOf([carol])).toBe(100n);
    const changed = parseEventLogs({ abi: sharesAbi, eventName: "DelegateChanged", logs: receipt.logs });
    expect(changed.map((e) => e.args)).toEqual([{ delegator: carol, fromDelegate: carol, toDelegate: alice }]);
    const moved = parseEventLogs({ abi: sharesAbi, eventName: "DelegateVotesChanged", logs: receipt.logs });
    expect(moved.map((e) => e.args)).toEqual([
      { delegate: carol, previousVotes: 100n, newVotes: 0n },
      { delegate: alice, previousVotes: 600n, newVotes: 700n },
    ]);

    // The snapshot saw alice 600, carol 100; a vote weighs the lesser of that and now, so alice
    // counts 600 (not the 100 that arrived later) and carol, whose votes moved away, none.
    const snapshot = await governor.read.proposalSnapshot([proposalId]);
    expect(await shares.read.getPastVotes([alice, snapshot])).toBe(600n);
    expect(await shares.read.getPastVotes([carol, snapshot])).toBe(100n);
    await waitFor(f, f.as(f.alice).governor.write.castVote([proposalId, Vote.For]));
    await expectRevert(f.as(f.carol).governor.write.castVote([proposalId, Vote.For]), "GovernorNoVotesLeft");
    expect(await governor.read.proposalVotes([proposalId])).toEqual([0n, 600n, 0n]);

    // Carol takes her power back.
    await waitFor(f, f.as(f.carol).shares.write.delegate([carol]));
    expect(await shares.read.getVotes([alice])).toBe(600n);
    expect(await shares.read.getVotes([carol])).toBe(100n);
  });

  it("keeps an existing delegation when more shares arrive", async () => {
    const f = await collectiveFixture();
    const alice = addressOf(f.alice);
    const carol = addressOf(f.carol);
    await waitFor(f, f.as(f.carol).shares.write.delegate([alice]));
    await pass(f, mintSharesProposal(f.modules, carol, 50n, "More shares for Carol's work"));
    const { shares } = f.as(f.alice);
    expect(await shares.read.delegates([carol])).toBe(alice);
    expect(await shares.read.getVotes([alice])).toBe(750n);
    expect(await shares.read.getVotes([carol])).toBe(0n);
  });
});

describe("Shares voting power over time", () => {
  it("answers every past timepoint from its checkpoints, and refuses the present", async () => {
    const f = await collectiveFixture();
    const alice = addressOf(f.alice);
    const bob = addressOf(f.bob);
    const carol = addressOf(f.carol);
    // carol moves her 100 votes back and forth, one move per block.
    const seen: { at: bigint; alice: bigint; bob: bigint }[] = [];
    const { shares } = f.as(f.alice);
    for (let i = 0; i < 9; i++) {
      const receipt = await waitFor(
        f,
        f.as(f.carol).shares.write.delegate([i % 3 === 0 ? alice : i % 3 === 1 ? bob : carol]),
      );
      const block = await f.publicClient.getBlock({ blockNumber: receipt.blockNumber });
      seen.push({
        at: block.timestamp,
        alice: await shares.read.getVotes([alice]),
        bob: await shares.read.getVotes([bob]),
      });
      await advance(f, 10);
    }
    for (const point of seen) {
      expect(await shares.read.getPastVotes([alice, point.at])).toBe(point.alice);
      expect(await shares.read.getPastVotes([bob, point.at])).toBe(point.bob);
      expect(await shares.read.getPastVotes([alice, point.at + 5n])).toBe(point.alice);
      expect(await shares.read.getPastTotalSupply([point.at])).toBe(1000n);
    }
    const first = seen[0]?.at ?? 0n;
    expect(await shares.read.getPastVotes([carol, first - 1n])).toBe(100n);
    expect(await shares.read.getPastVotes([alice, 0n])).toBe(0n);
    const now = BigInt(await shares.read.clock());
    expect(await expectRevert(shares.read.getPastVotes([alice, now]), "ERC5805FutureLookup")).toEqual([
      now,
      Number(now),
    ]);
    await expectRevert(shares.read.getPastTotalSupply([now + 100n]), "ERC5805FutureLookup");
  });

  it("delegates by signature, once per nonce and not after expiry", async () => {
    const f = await collectiveFixture();
    const carol = addressOf(f.carol);
    const alice = addressOf(f.alice);
    const { shares } = f.as(f.eve);
    const sign = async (nonce: bigint, expiry: bigint) => {
      const signature = await f.carol.signTypedData({
        domain: {
          name: "Rizom",
          version: "1",
          chainId: await f.publicClient.getChainId(),
          verifyingContract: f.modules.shares,
        },
        types: {
          Delegation: [
            { name: "delegatee", type: "address" },
            { name: "nonce", type: "uint256" },
            { name: "expiry", type: "uint256" },
          ],
        },
        primaryType: "Delegation",
        message: { delegatee: alice, nonce, expiry },
      });
      const { r, s, v } = parseSignature(signature);
      return [alice, nonce, expiry, Number(v), r, s] as const;
    };
    const latest = await f.publicClient.getBlock();
    await expectRevert(shares.write.delegateBySig(await sign(0n, latest.timestamp - 1n)), "VotesExpiredSignature");
    const args = await sign(0n, latest.timestamp + 3_600n);
    await waitFor(f, shares.write.delegateBySig(args));
    expect(await shares.read.delegates([carol])).toBe(alice);
    expect(await shares.read.getVotes([alice])).toBe(700n);
    expect(await shares.read.nonces([carol])).toBe(1n);
    await expectRevert(shares.write.delegateBySig(args), "InvalidAccountNonce");
  });

  it("answers the ERC-20 and ERC-5805 reads a wallet or a governance tool makes", async () => {
    const f = await collectiveFixture();
    const { shares } = f.as(f.alice);
    expect(await shares.read.allowance([addressOf(f.alice), addressOf(f.bob)])).toBe(0n);
    expect(await shares.read.voterIndex([addressOf(f.carol)])).toBe(3n);
    expect(await shares.read.voterIndex([addressOf(f.eve)])).toBe(0n);
    const [, name, version, , verifyingContract] = await shares.read.eip712Domain();
    expect([name, version, verifyingContract]).toEqual(["Rizom", "1", f.modules.shares]);
    // A stranger who never held votes cannot vote, and says so.
    const proposalId = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 1n, "Admit Dave"));
    await advance(f, SETTINGS.votingDelay + 1);
    expect(
      await expectRevert(f.as(f.eve).governor.write.castVote([proposalId, Vote.For]), "GovernorNotAVoter"),
    ).toEqual([addressOf(f.eve)]);
    expect(await f.as(f.eve).governor.read.hasVoted([proposalId, addressOf(f.eve)])).toBe(false);
  });
});

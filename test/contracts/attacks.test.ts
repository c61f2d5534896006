/**
 * The ways someone could try to cheat a collective, each as a named test that would fail if
 * the defence broke.
 */
import { describe, expect, it } from "vitest";
import { encodeFunctionData, parseEther, parseEventLogs, zeroAddress, type Address, type Hex } from "viem";
import {
  collectiveGovernorAbi,
  mintSharesProposal,
  paymentProposal,
  restrictToProposer,
  sharesAbi,
  workAbi,
  workProposal,
  type ProposalActions,
  proposalOperation,
} from "@rhizome/contracts";
import {
  addressOf,
  advance,
  collectiveFixture,
  deployToken,
  pass,
  propose,
  ProposalState,
  secondCollective,
  SETTINGS,
  vote,
  Vote,
  waitFor,
  type Fixture,
  type Wallet,
} from "../helpers/collective.js";
import { expectFailedExecution, expectRevert } from "../helpers/reverts.js";

/** A proposal that has passed its vote, queued or not. */
async function passedProposal(f: Fixture, description: string, queue: boolean) {
  const actions = paymentProposal(f.modules, { to: addressOf(f.eve), amount: parseEther("1") }, description);
  const proposalId = await propose(f, f.alice, actions);
  await advance(f, SETTINGS.votingDelay + 1);
  await vote(f, f.carol, proposalId, Vote.For);
  await vote(f, f.alice, proposalId, Vote.For);
  await advance(f, SETTINGS.votingPeriod);
  if (queue) await waitFor(f, f.as(f.alice).governor.write.queue(proposalOperation(actions)));
  return { actions, proposalId };
}

async function signBallot(
  f: Fixture,
  signer: Wallet,
  domain: { chainId: number; governor: Address; name: string },
  proposalId: bigint,
  nonce: bigint,
): Promise<Hex> {
  return signer.signTypedData({
    domain: { name: domain.name, version: "1", chainId: domain.chainId, verifyingContract: domain.governor },
    types: {
      Ballot: [
        { name: "proposalId", type: "uint256" },
        { name: "support", type: "uint8" },
        { name: "voter", type: "address" },
        { name: "nonce", type: "uint256" },
      ],
    },
    primaryType: "Ballot",
    message: { proposalId, support: Vote.For, voter: addressOf(signer), nonce },
  });
}

describe("Attacks", () => {
  it("voting power acquired after the snapshot has no weight", async () => {
    const f = await collectiveFixture();
    const eve = addressOf(f.eve);
    // An admission for eve passes and is queued...
    const admission = mintSharesProposal(f.modules, eve, 5_000n, "Admit Eve with a large stake");
    const admissionId = await propose(f, f.alice, admission);
    await advance(f, SETTINGS.votingDelay + 1);
    await vote(f, f.alice, admissionId, Vote.For);
    await advance(f, SETTINGS.votingPeriod);
    await waitFor(f, f.as(f.alice).governor.write.queue(proposalOperation(admission)));
    // ...then another proposal takes its snapshot before eve's shares arrive.
    const target = await propose(f, f.bob, mintSharesProposal(f.modules, eve, 1n, "One more for Eve"));
    await advance(f, SETTINGS.timelockDelay + 1);
    await waitFor(f, f.as(f.alice).governor.write.execute(proposalOperation(admission)));
    expect(await f.as(f.alice).shares.read.getVotes([eve])).toBe(5_000n);
    // carol also hands her votes to alice after the snapshot.
    await waitFor(f, f.as(f.carol).shares.write.delegate([addressOf(f.alice)]));

    const receipt = await vote(f, f.eve, target, Vote.Against);
    const [cast] = parseEventLogs({ abi: collectiveGovernorAbi, eventName: "VoteCast", logs: receipt.logs });
    expect(cast?.args.weight).toBe(0n);
    // alice counts her 600 of the snapshot, not carol's 100 that came after; carol, whose votes
    // have moved away since, has none left to cast.
    await vote(f, f.alice, target, Vote.For);
    await expectRevert(f.as(f.carol).governor.write.castVote([target, Vote.For]), "GovernorNoVotesLeft");
    expect(await f.as(f.alice).governor.read.proposalVotes([target])).toEqual([0n, 600n, 0n]);
  });

  it("a second vote on the same proposal is refused, by any path", async () => {
    const f = await collectiveFixture();
    const proposalId = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 1n, "Admit Dave"));
    await advance(f, SETTINGS.votingDelay + 1);
    await vote(f, f.bob, proposalId, Vote.For);
    const bob = addressOf(f.bob);
    const { governor } = f.as(f.bob);
    for (const support of [Vote.For, Vote.Against, Vote.Abstain]) {
      expect(await expectRevert(governor.write.castVote([proposalId, support]), "GovernorAlreadyCastVote")).toEqual([
        bob,
      ]);
    }
    await expectRevert(
      governor.write.castVoteWithReason([proposalId, Vote.Against, "changed my mind"]),
      "GovernorAlreadyCastVote",
    );
    const domain = { name: "Rizom", chainId: await f.publicClient.getChainId(), governor: f.modules.governor };
    const signature = await signBallot(f, f.bob, domain, proposalId, await governor.read.nonces([bob]));
    await expectRevert(
      f.as(f.eve).governor.write.castVoteBySig([proposalId, Vote.For, bob, signature]),
      "GovernorAlreadyCastVote",
    );
    expect(await governor.read.proposalVotes([proposalId])).toEqual([0n, 300n, 0n]);
  });

  it("vote for then ragequit is refused until the proposal is executed", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("10") }));
    const { actions, proposalId } = await passedProposal(f, "Pay Eve 1 ETH", true);
    const { treasury } = f.as(f.carol);
    // Without the proof, or with it, carol cannot leave while the payment she backed can run.
    await expectRevert(treasury.write.ragequit([100n, [], []]), "GovernorForVotesMismatch");
    const locked = await expectRevert(treasury.write.ragequit([100n, [], [proposalId]]), "GovernorExitLocked");
    expect(locked).toEqual([addressOf(f.carol), proposalId, ProposalState.Queued]);
    await advance(f, SETTINGS.timelockDelay + 1);
    await waitFor(f, f.as(f.alice).governor.write.execute(proposalOperation(actions)));
    await waitFor(f, treasury.write.ragequit([100n, [], [proposalId]]));
    // After the payment of 1 ETH, carol took 10% of the 9 ETH left.
    expect(await f.publicClient.getBalance({ address: f.modules.treasury })).toBe(parseEther("8.1"));
  });

  it("vote for then ragequit is refused until the proposal is defeated", async () => {
    const f = await collectiveFixture();
    const actions = mintSharesProposal(f.modules, addressOf(f.carol), 1_000n, "Double Carol's stake");
    const proposalId = await propose(f, f.carol, actions);
    await advance(f, SETTINGS.votingDelay + 1);
    await vote(f, f.carol, proposalId, Vote.For);
    await vote(f, f.alice, proposalId, Vote.Against);
    await expectRevert(f.as(f.carol).treasury.write.ragequit([100n, [], [proposalId]]), "GovernorExitLocked");
    await advance(f, SETTINGS.votingPeriod);
    expect(await f.as(f.carol).governor.read.state([proposalId])).toBe(ProposalState.Defeated);
    await waitFor(f, f.as(f.carol).treasury.write.ragequit([100n, [], [proposalId]]));
    expect(await f.as(f.carol).shares.read.balanceOf([addressOf(f.carol)])).toBe(0n);
  });

  it("vote for then ragequit is refused until the proposal is expired", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("10") }));
    const { actions, proposalId } = await passedProposal(f, "Pay Eve 1 ETH", false);
    const { treasury, governor } = f.as(f.carol);
    await expectRevert(treasury.write.ragequit([10n, [], [proposalId]]), "GovernorExitLocked");
    // Nobody queues it within the execution window: it expires and can never run.
    await advance(f, SETTINGS.executionWindow + 1);
    expect(await governor.read.state([proposalId])).toBe(ProposalState.Expired);
    await expectRevert(governor.write.queue(proposalOperation(actions)), "GovernorUnexpectedProposalState");
    await waitFor(f, treasury.write.ragequit([10n, [], [proposalId]]));
    // Votes against never lock anyone.
    const other = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 1n, "Admit Dave"));
    await advance(f, SETTINGS.votingDelay + 1);
    await vote(f, f.carol, other, Vote.Against);
    await waitFor(f, treasury.write.ragequit([10n, [], []]));
  });

  it("ragequit with a reentrant ETH receiver cannot take more than its share", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("10") }));
    const attacker = await f.connection.viem.deployContract("AttackerMember", [f.modules.treasury]);
    await pass(f, mintSharesProposal(f.modules, attacker.address, 250n, "Admit the attacker"));
    // 250 of 1250 shares; it burns 125, a tenth of the supply, and tries again from receive().
    await waitFor(f, attacker.write.ragequit([125n, []]));
    expect(await attacker.read.reentryAttempts()).toBe(1n);
    expect(await attacker.read.reentrySucceeded()).toBe(false);
    expect((await attacker.read.reentryError()).slice(0, 10)).toBe("0x3ee5aeb5"); // ReentrancyGuardReentrantCall()
    expect(await f.publicClient.getBalance({ address: attacker.address })).toBe(parseEther("1"));
    expect(await f.publicClient.getBalance({ address: f.modules.treasury })).toBe(parseEther("9"));
    expect(await f.as(f.alice).shares.read.balanceOf([attacker.address])).toBe(125n);
  });

  it("ragequit with a malicious ERC-20 cannot take more than its share", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("10") }));
    const attacker = await f.connection.viem.deployContract("AttackerMember", [f.modules.treasury]);
    const bad = await f.connection.viem.deployContract("ReentrantToken", [attacker.address]);
    await waitFor(f, bad.write.mint([f.modules.treasury, 1_000n]));
    const good = await deployToken(f, f.modules.treasury, 1_000n);
    await pass(f, mintSharesProposal(f.modules, attacker.address, 250n, "Admit the attacker"));

    const tokens = [bad.address, good.address].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1));
    // It reenters twice: from receive() on the ETH payout, then from the token's callback.
    await waitFor(f, attacker.write.ragequit([125n, tokens]));
    expect(await attacker.read.reentrySucceeded()).toBe(false);
    expect(await attacker.read.reentryAttempts()).toBe(2n);
    expect(await bad.read.balanceOf([attacker.address])).toBe(100n);
    expect(await good.read.balanceOf([attacker.address])).toBe(100n);
    expect(await f.publicClient.getBalance({ address: attacker.address })).toBe(parseEther("1"));
    expect(await f.as(f.alice).shares.read.totalSupply()).toBe(1_125n);
  });

  it("a vote signature replayed on another proposal, collective or chain is refused", async () => {
    const f = await collectiveFixture();
    // A second collective with the same name, so that the two signing domains differ only by the
    // governor's address, and the same proposal in both: the same id in each.
    const mycel = await secondCollective(f, f.bob, "Rizom");
    const same: ProposalActions = {
      targets: [addressOf(f.dave)],
      values: [0n],
      calldatas: ["0x"],
      description: "The same words in two collectives",
    };
    const first = await propose(f, f.alice, same);
    const second = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 2n, "Admit Dave, 2"));
    const elsewhere = await propose(mycel, f.bob, same);
    expect(elsewhere).toBe(first);
    await advance(f, SETTINGS.votingDelay + 1);
    const bob = addressOf(f.bob);
    const chainId = await f.publicClient.getChainId();
    const nonce = await f.as(f.bob).governor.read.nonces([bob]);
    const signature = await signBallot(
      f,
      f.bob,
      { name: "Rizom", chainId, governor: f.modules.governor },
      first,
      nonce,
    );
    const relayer = f.as(f.eve).governor;

    await expectRevert(relayer.write.castVoteBySig([second, Vote.For, bob, signature]), "GovernorInvalidSignature");
    await expectRevert(
      mycel.as(f.eve).governor.write.castVoteBySig([elsewhere, Vote.For, bob, signature]),
      "GovernorInvalidSignature",
    );
    const otherChain = await signBallot(
      f,
      f.bob,
      { name: "Rizom", chainId: 1, governor: f.modules.governor },
      first,
      nonce,
    );
    await expectRevert(relayer.write.castVoteBySig([first, Vote.For, bob, otherChain]), "GovernorInvalidSignature");
    // The genuine signature still works, once.
    await waitFor(f, relayer.write.castVoteBySig([first, Vote.For, bob, signature]));
    await expectRevert(relayer.write.castVoteBySig([first, Vote.For, bob, signature]), "GovernorInvalidSignature");
  });

  it("the #proposer= description suffix stops proposal front-running", async () => {
    const f = await collectiveFixture();
    const base = mintSharesProposal(f.modules, addressOf(f.dave), 1n, "Admit Dave");
    const restricted = { ...base, description: restrictToProposer(base.description, addressOf(f.alice)) };
    const args = [restricted.targets, restricted.values, restricted.calldatas, restricted.description] as const;
    // bob copies alice's pending transaction and submits it first: refused.
    expect(await expectRevert(f.as(f.bob).governor.write.propose(args), "GovernorRestrictedProposer")).toEqual([
      addressOf(f.bob),
    ]);
    const proposalId = await propose(f, f.alice, restricted);
    expect(await f.as(f.alice).governor.read.proposalProposer([proposalId])).toBe(addressOf(f.alice));
  });

  it("settle before the window ends is refused", async () => {
    const f = await collectiveFixture();
    const terms = { title: "Docs", specUri: "https://spec", principle: 1, reward: 10n, contributor: addressOf(f.bob) };
    await pass(f, workProposal(f.modules, terms, "Write the docs"));
    await waitFor(f, f.as(f.bob).work.write.deliver([1n, "https://docs"]));
    const { reviewEnds } = await f.as(f.bob).work.read.item([1n]);
    await advance(f, SETTINGS.reviewWindow - 5);
    expect(await expectRevert(f.as(f.bob).work.write.settle([1n]), "WorkReviewOpen")).toEqual([1n, BigInt(reviewEnds)]);
    expect(await f.as(f.bob).shares.read.balanceOf([addressOf(f.bob)])).toBe(300n);
  });

  it("objection by a non-holder has no weight", async () => {
    const f = await collectiveFixture();
    const terms = { title: "Docs", specUri: "https://spec", principle: 1, reward: 10n, contributor: addressOf(f.bob) };
    await pass(f, workProposal(f.modules, terms, "Write the docs"));
    await waitFor(f, f.as(f.bob).work.write.deliver([1n, "https://docs"]));
    await advance(f, 1);
    expect(await expectRevert(f.as(f.eve).work.write.object([1n, "spam"]), "WorkNoObjectionWeight")).toEqual([
      1n,
      addressOf(f.eve),
    ]);
    // Shares that arrive after the delivery count for nothing either, though the window is open.
    await pass(f, mintSharesProposal(f.modules, addressOf(f.dave), 5_000n, "Admit Dave"));
    await expectRevert(f.as(f.dave).work.write.object([1n, "late stake"]), "WorkNoObjectionWeight");
    expect((await f.as(f.bob).work.read.item([1n])).objections).toBe(0n);
  });

  it("every privileged function refuses everyone but its caller", async () => {
    const f = await collectiveFixture();
    const mycel = await secondCollective(f, f.eve);
    const alice = addressOf(f.alice);
    // A founder, a stranger, and another collective's timelock acting through a proposal all fail.
    const callers: Wallet[] = [f.alice, f.eve];
    for (const wallet of callers) {
      const { shares, governor, timelock, treasury, work } = f.as(wallet);
      const who = addressOf(wallet);
      const refusals: [Promise<unknown>, string][] = [
        [shares.write.mint([who, 1n]), "SharesUnauthorized"],
        [shares.write.burn([alice, 1n]), "SharesUnauthorized"],
        [shares.write.admit([1n, 1n]), "SharesUnauthorized"],
        [governor.write.setVotingDelay([1]), "GovernorOnlyExecutor"],
        [governor.write.setVotingPeriod([1]), "GovernorOnlyExecutor"],
        [governor.write.setProposalThreshold([0n]), "GovernorOnlyExecutor"],
        [governor.write.setExecutionWindow([1]), "GovernorOnlyExecutor"],
        [governor.write.updateQuorumNumerator([1n]), "GovernorOnlyExecutor"],
        [governor.write.relay([f.modules.shares, 0n, "0x"]), "GovernorOnlyExecutor"],
        [timelock.write.schedule([1n]), "TimelockUnauthorized"],
        [timelock.write.execute([1n, [f.modules.treasury], [0n], ["0x"]]), "TimelockUnauthorized"],
        [timelock.write.updateDelay([0]), "TimelockOnlySelf"],
        [treasury.write.pay([zeroAddress, who, 1n]), "TreasuryUnauthorized"],
        [work.write.commission([who, 0n, 10n, zeroAddress, 0n, "Title", "https://spec"]), "WorkUnauthorized"],
        [work.write.resolve([1n, true]), "WorkUnauthorized"],
        [work.write.cancel([1n]), "WorkUnauthorized"],
        [work.write.setPrinciple([0n, "Renamed"]), "WorkUnauthorized"],
        [work.write.setReviewWindow([1]), "WorkUnauthorized"],
        [work.write.setObjectionThreshold([1]), "WorkUnauthorized"],
      ];
      for (const [attempt, error] of refusals) await expectRevert(attempt, error);
    }
    // Another collective's governance is not this one's.
    const foreign = {
      targets: [f.modules.shares, f.modules.work],
      values: [0n, 0n],
      calldatas: [
        encodeFunctionData({ abi: sharesAbi, functionName: "mint", args: [addressOf(f.eve), 1n] }),
        encodeFunctionData({ abi: workAbi, functionName: "cancel", args: [1n] }),
      ],
      description: "Mint ourselves shares in Rizom",
    };
    await expectFailedExecution(pass(mycel, foreign, { proposer: f.eve, voters: [f.eve] }), "SharesUnauthorized");
    expect(await f.as(f.alice).shares.read.totalSupply()).toBe(1_000n);
  });
});

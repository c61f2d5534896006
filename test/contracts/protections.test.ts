/**
 * Members' protections, each as a named attack that the contracts refuse: a proposal that cannot
 * run ends instead of keeping its backers from leaving, and an executor cannot end one by
 * starving it of gas; expired is final; a member who left has no vote; no proposal can burn a
 * member's shares; no one can make a pending exit revert by releasing first; the exit's proof
 * can be cut down in parts.
 */
import { describe, expect, it } from "vitest";
import { encodeFunctionData, getAddress, parseEther, parseEventLogs } from "viem";
import {
  admissionProposal,
  collectiveGovernorAbi,
  bindingDelegates,
  createCollective,
  forVotesSinceRelease,
  mintSharesProposal,
  ragequit,
  paymentProposal,
  sharesAbi,
  treasuryAbi,
  proposalOperation,
} from "@rhizome/contracts";
import {
  addressOf,
  advance,
  collectiveFixture,
  deployToken,
  propose,
  ProposalState,
  SETTINGS,
  vote,
  Vote,
  waitFor,
  type Fixture,
} from "../helpers/collective.js";
import { expectFailedExecution, expectRevert } from "../helpers/reverts.js";
import type { ProposalActions } from "@rhizome/contracts";

/** Proposes `actions`, has alice and carol vote for them, and queues them once passed. */
async function backedAndQueued(f: Fixture, actions: ProposalActions) {
  const proposalId = await propose(f, f.alice, actions);
  await advance(f, SETTINGS.votingDelay + 1);
  await vote(f, f.alice, proposalId, Vote.For);
  await vote(f, f.carol, proposalId, Vote.For);
  await advance(f, SETTINGS.votingPeriod);
  await waitFor(f, f.as(f.bob).governor.write.queue(proposalOperation(actions)));
  return proposalId;
}

describe("Protections: a proposal that cannot run", () => {
  it("an applicant who withdraws cannot keep the members who backed their admission from leaving", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.as(f.dave).shares.write.applyForMembership([50n, "Let me in"]));
    const actions = admissionProposal(f.modules, 1n, 50n, "Admit Dave");
    const proposalId = await backedAndQueued(f, actions);
    // The bait: the applicant withdraws, so the admission can never run.
    await waitFor(f, f.as(f.dave).shares.write.withdrawApplication([1n]));
    const { treasury, governor } = f.as(f.carol);
    await expectRevert(treasury.write.ragequit([10n, [], [proposalId]]), "GovernorExitLocked");
    await advance(f, SETTINGS.timelockDelay + 1);
    // Anyone executes it: it fails for good, at once, not after the execution window.
    await expectFailedExecution(
      waitFor(f, f.as(f.eve).governor.write.execute(proposalOperation(actions))),
      "SharesApplicationNotOpen",
    );
    expect(await governor.read.state([proposalId])).toBe(ProposalState.Executed);
    expect(await governor.read.proposalFailed([proposalId])).toBe(true);
    await waitFor(f, treasury.write.ragequit([10n, [], [proposalId]]));
    expect(await f.as(f.carol).shares.read.balanceOf([addressOf(f.carol)])).toBe(90n);
  });

  it("a payee that refuses ETH cannot keep the members who backed paying it from leaving", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("10") }));
    // A contract without a way to receive ETH.
    const refuser = await f.connection.viem.deployContract("SpamToken", ["No ETH", "NOE"]);
    const actions = paymentProposal(f.modules, { to: getAddress(refuser.address), amount: parseEther("1") }, "Pay it");
    const proposalId = await backedAndQueued(f, actions);
    await advance(f, SETTINGS.timelockDelay + 1);
    const [to, amount] = await expectFailedExecution(
      waitFor(f, f.as(f.eve).governor.write.execute(proposalOperation(actions))),
      "TreasuryEthTransferFailed",
    );
    expect([to, amount]).toEqual([getAddress(refuser.address), parseEther("1")]);
    expect(await f.publicClient.getBalance({ address: f.modules.treasury })).toBe(parseEther("10"));
    await waitFor(f, f.as(f.carol).treasury.write.ragequit([100n, [], [proposalId]]));
  });

  it("an executor who starves a proposal's calls of gas neither runs it nor ends it", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("10") }));
    const burner = await f.connection.viem.deployContract("GasBurner");
    const payee = getAddress(burner.address);
    const actions = paymentProposal(f.modules, { to: payee, amount: parseEther("1") }, "Pay the burner");
    const proposalId = await backedAndQueued(f, actions);
    await advance(f, SETTINGS.timelockDelay + 1);
    const { governor } = f.as(f.eve);
    // Enough gas to reach the calls, too little for them: refused (and so not mined), nothing recorded.
    await expectRevert(
      f.publicClient.simulateContract({
        account: f.eve.account,
        address: f.modules.governor,
        abi: governor.abi,
        functionName: "execute",
        args: proposalOperation(actions),
        gas: 300_000n,
      }),
      "TimelockInsufficientGas",
    );
    expect(await governor.read.state([proposalId])).toBe(ProposalState.Queued);
    expect(await governor.read.proposalFailed([proposalId])).toBe(false);
    // With the gas it needs, it runs.
    const ran = await waitFor(f, governor.write.execute(proposalOperation(actions)));
    expect(ran.logs.some((log) => log.address.toLowerCase() === f.modules.timelock.toLowerCase())).toBe(true);
    expect(await f.publicClient.getBalance({ address: payee })).toBe(parseEther("1"));
  });
});

describe("Protections: expired is final", () => {
  it("a later change of the execution window does not revive an expired proposal", async () => {
    const f = await collectiveFixture();
    const expiring = mintSharesProposal(f.modules, addressOf(f.dave), 10n, "Grant Dave");
    const longer: ProposalActions = {
      targets: [f.modules.governor],
      values: [0n],
      calldatas: [
        encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "setExecutionWindow", args: [90 * 86_400] }),
      ],
      description: "Ninety days to run a passed proposal",
    };
    const expiringId = await propose(f, f.alice, expiring);
    const longerId = await propose(f, f.alice, longer);
    await advance(f, SETTINGS.votingDelay + 1);
    for (const id of [expiringId, longerId]) {
      await vote(f, f.alice, id, Vote.For);
      await vote(f, f.carol, id, Vote.For);
    }
    await advance(f, SETTINGS.votingPeriod);
    await waitFor(f, f.as(f.alice).governor.write.queue(proposalOperation(longer)));
    // The grant is never queued: past its window it expires.
    await advance(f, SETTINGS.executionWindow + 1);
    const { governor } = f.as(f.alice);
    expect(await governor.read.state([expiringId])).toBe(ProposalState.Expired);
    await waitFor(f, governor.write.execute(proposalOperation(longer)));
    expect(await governor.read.executionWindow()).toBe(90n * 86_400n);
    // Ninety days from its deadline would cover now: it stays expired, with the window it ended with.
    expect(await governor.read.state([expiringId])).toBe(ProposalState.Expired);
    expect(await governor.read.proposalExecutionWindow([expiringId])).toBe(BigInt(SETTINGS.executionWindow));
    await expectRevert(
      f.as(f.bob).governor.write.queue(proposalOperation(expiring)),
      "GovernorUnexpectedProposalState",
    );
  });
});

describe("Protections: exit, then vote", () => {
  it("a member who left after the snapshot cannot vote with the shares they burned", async () => {
    const f = await collectiveFixture();
    const id = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 10n, "Grant Dave"));
    await advance(f, SETTINGS.votingDelay + 1);
    // carol (100 shares at the snapshot) leaves with all of them, then tries to decide.
    await waitFor(f, f.as(f.carol).treasury.write.ragequit([100n, [], []]));
    await expectRevert(f.as(f.carol).governor.write.castVote([id, Vote.For]), "GovernorNoVotesLeft");
    // bob (300) leaves with 200 of them: his vote counts the 100 he still shares.
    await waitFor(f, f.as(f.bob).treasury.write.ragequit([200n, [], []]));
    const receipt = await waitFor(f, f.as(f.bob).governor.write.castVote([id, Vote.Against]));
    expect(receipt.status).toBe("success");
    const [against] = await f.as(f.alice).governor.read.proposalVotes([id]);
    expect(against).toBe(100n);
  });
});

describe("Protections: no confiscation", () => {
  it("a passed proposal that burns a member's shares fails, and the member keeps every share", async () => {
    const f = await collectiveFixture();
    const carol = addressOf(f.carol);
    const actions: ProposalActions = {
      targets: [f.modules.shares],
      values: [0n],
      calldatas: [encodeFunctionData({ abi: sharesAbi, functionName: "burn", args: [carol, 100n] })],
      description: "Take Carol's shares",
    };
    const id = await backedAndQueued(f, actions);
    await advance(f, SETTINGS.timelockDelay + 1);
    const [caller] = await expectFailedExecution(
      waitFor(f, f.as(f.alice).governor.write.execute(proposalOperation(actions))),
      "SharesUnauthorized",
    );
    expect(caller).toBe(getAddress(f.modules.timelock));
    expect(await f.as(f.alice).governor.read.proposalFailed([id])).toBe(true);
    expect(await f.as(f.alice).shares.read.balanceOf([carol])).toBe(100n);
    // The work module cannot either: only the treasury burns, as it pays an exit.
    await expectRevert(f.as(f.alice).shares.write.burn([carol, 1n]), "SharesUnauthorized");
  });
});

describe("Protections: releasing for votes", () => {
  it("no one can make a pending exit revert by releasing the member's votes first", async () => {
    const f = await collectiveFixture();
    const { proposalId } = await passWith(f, mintSharesProposal(f.modules, addressOf(f.dave), 10n, "Grant Dave"));
    const carol = addressOf(f.carol);
    const list = await forVotesSinceRelease(f.publicClient, { governor: f.modules.governor, voter: carol });
    expect(list).toEqual([proposalId]);
    // eve releases carol's votes in front of her exit: allowed, since it only clears what has ended...
    await waitFor(f, f.as(f.eve).governor.write.releaseForVotes([carol, list]));
    expect(await f.as(f.eve).governor.read.forVoteChain([carol])).toBe(`0x${"0".repeat(63)}1`);
    // ...and the exit carol had built with the same list still goes through.
    await waitFor(f, f.as(f.carol).treasury.write.ragequit([10n, [], list]));
    expect(await f.as(f.carol).shares.read.balanceOf([carol])).toBe(90n);
  });

  it("prunes the proposals that ended, keeps those that can run, and the exit's list follows", async () => {
    const f = await collectiveFixture();
    const carol = addressOf(f.carol);
    const { proposalId: done } = await passWith(f, mintSharesProposal(f.modules, addressOf(f.dave), 10n, "Grant"));
    // A vote with params is a for vote too, and on the list.
    const open = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 11n, "Grant more"));
    await advance(f, SETTINGS.votingDelay + 1);
    await waitFor(f, f.as(f.carol).governor.write.castVoteWithReasonAndParams([open, Vote.For, "Yes", "0x01"]));
    let list = await forVotesSinceRelease(f.publicClient, { governor: f.modules.governor, voter: carol });
    expect(list).toEqual([done, open]);
    await expectRevert(f.as(f.carol).treasury.write.ragequit([10n, [], list]), "GovernorExitLocked");
    await waitFor(f, f.as(f.carol).governor.write.pruneForVotes([list]));
    list = await forVotesSinceRelease(f.publicClient, { governor: f.modules.governor, voter: carol });
    expect(list).toEqual([open]);
    // Once it can no longer run (defeated: no quorum), the one-item list releases her.
    await advance(f, SETTINGS.votingPeriod);
    await waitFor(f, f.as(f.carol).treasury.write.ragequit([10n, [], list]));
    expect(await forVotesSinceRelease(f.publicClient, { governor: f.modules.governor, voter: carol })).toEqual([]);
  });
});

describe("Protections: a delegate's for votes bind the shares they used", () => {
  it("a member whose delegate backed a proposal that can still run cannot leave until it ends", async () => {
    const f = await collectiveFixture();
    const carol = addressOf(f.carol);
    const bob = addressOf(f.bob);
    // carol lends her 100 votes to bob, who backs a grant with them (400 votes for).
    await waitFor(f, f.as(f.carol).shares.write.delegate([bob]));
    const actions = mintSharesProposal(f.modules, addressOf(f.dave), 10n, "Grant Dave");
    const id = await propose(f, f.alice, actions);
    await advance(f, SETTINGS.votingDelay + 1);
    await vote(f, f.bob, id, Vote.For);
    await vote(f, f.alice, id, Vote.Against);
    expect((await f.as(f.bob).governor.read.proposalVotes([id]))[1]).toBe(400n);
    // carol voted for nothing herself, yet her shares backed it: she is bound, by bob's votes.
    const [bound] = await expectRevert(f.as(f.carol).treasury.write.ragequit([100n, [], []]), "GovernorDelegateBound");
    expect(bound).toBe(carol);
    expect(
      await bindingDelegates(f.publicClient, { governor: f.modules.governor, shares: f.modules.shares, member: carol }),
    ).toEqual([{ delegate: bob, proposalIds: [id], releasable: false }]);
    // Once it can no longer run (defeated, 600 against), the ragequit action releases bob's votes
    // for her and she leaves.
    await advance(f, SETTINGS.votingPeriod);
    await waitFor(
      f,
      ragequit(
        { publicClient: f.publicClient, walletClient: f.carol },
        { governor: f.modules.governor, treasury: f.modules.treasury, shares: 100n },
      ),
    );
    expect(await f.as(f.carol).shares.read.balanceOf([carol])).toBe(0n);
  });

  it("taking the votes back after the delegate voted does not free them", async () => {
    const f = await collectiveFixture();
    const carol = addressOf(f.carol);
    const bob = addressOf(f.bob);
    await waitFor(f, f.as(f.carol).shares.write.delegate([bob]));
    const actions = mintSharesProposal(f.modules, addressOf(f.dave), 10n, "Grant Dave");
    const id = await propose(f, f.alice, actions);
    await advance(f, SETTINGS.votingDelay + 1);
    await vote(f, f.alice, id, Vote.For);
    await vote(f, f.bob, id, Vote.For);
    // The dodge: carol takes her votes back, then tries to leave before the grant runs.
    await waitFor(f, f.as(f.carol).shares.write.delegate([carol]));
    const [current, previous, movedAt] = await f.as(f.carol).shares.read.delegation([carol]);
    expect([current, previous, movedAt > 0n]).toEqual([carol, bob, true]);
    const [, from] = await expectRevert(f.as(f.carol).treasury.write.ragequit([100n, [], []]), "GovernorDelegateBound");
    expect(from).toBe(bob);
    // The grant passes and runs; bob's votes are released (by anyone), and carol is free.
    await advance(f, SETTINGS.votingPeriod);
    await waitFor(f, f.as(f.alice).governor.write.queue(proposalOperation(actions)));
    await advance(f, SETTINGS.timelockDelay + 1);
    await waitFor(f, f.as(f.alice).governor.write.execute(proposalOperation(actions)));
    await waitFor(f, f.as(f.eve).governor.write.releaseForVotes([bob, [id]]));
    await waitFor(f, f.as(f.carol).treasury.write.ragequit([100n, [], []]));
    expect(await f.as(f.carol).shares.read.balanceOf([carol])).toBe(0n);
  });

  it("moving the votes on through a second delegate does not dodge the first", async () => {
    const f = await collectiveFixture();
    const carol = addressOf(f.carol);
    const bob = addressOf(f.bob);
    await waitFor(f, f.as(f.carol).shares.write.delegate([bob]));
    const id = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 10n, "Grant Dave"));
    await advance(f, SETTINGS.votingDelay + 1);
    await vote(f, f.bob, id, Vote.For);
    // carol moves on to dave, who backs nothing, then back to herself: bob is no longer the last
    // delegate she left, yet his vote used her shares.
    await waitFor(f, f.as(f.carol).shares.write.delegate([addressOf(f.dave)]));
    await waitFor(f, f.as(f.carol).shares.write.delegate([carol]));
    const [member, until] = await expectRevert(
      f.as(f.carol).treasury.write.ragequit([100n, [], []]),
      "GovernorRecentlyMoved",
    );
    expect(member).toBe(carol);
    const [, , , priorMovedAt] = await f.as(f.carol).shares.read.delegation([carol]);
    const life = BigInt(SETTINGS.votingPeriod + 2 * SETTINGS.executionWindow + SETTINGS.timelockDelay);
    expect(until).toBe(priorMovedAt + life + 1n);
    await advance(f, Number(life) + 1);
    await waitFor(f, f.as(f.carol).treasury.write.ragequit([100n, [], []]));
  });

  it("a former delegate's later votes stop binding once the longest a proposal can take has passed", async () => {
    const f = await collectiveFixture();
    const carol = addressOf(f.carol);
    const bob = addressOf(f.bob);
    await waitFor(f, f.as(f.carol).shares.write.delegate([bob]));
    await waitFor(f, f.as(f.carol).shares.write.delegate([carol]));
    // bob backs a proposal whose snapshot comes after carol took her votes back: not with hers.
    const id = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 10n, "Grant Dave"));
    await advance(f, SETTINGS.votingDelay + 1);
    await vote(f, f.bob, id, Vote.For);
    await expectRevert(f.as(f.carol).treasury.write.ragequit([100n, [], []]), "GovernorDelegateBound");
    // A voting period, two execution windows and the grace period after the move, she is free.
    await advance(f, SETTINGS.votingPeriod + 2 * SETTINGS.executionWindow + SETTINGS.timelockDelay);
    await waitFor(f, f.as(f.carol).treasury.write.ragequit([100n, [], []]));
  });
});

describe("Protections: the members' veto during the grace period", () => {
  it("objections at the threshold cancel a queued proposal for good, and free its backers", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("10") }));
    const actions = paymentProposal(f.modules, { to: addressOf(f.alice), amount: parseEther("5") }, "Pay Alice half");
    const id = await backedAndQueued(f, actions);
    const { governor } = f.as(f.alice);
    // The threshold is 20% of the 1,000 shares at the snapshot.
    expect(await governor.read.vetoQuorum([id])).toBe(200n);
    const first = await waitFor(f, f.as(f.carol).governor.write.veto([id, "Half the treasury for one member"]));
    expect(first.status).toBe("success");
    expect(await governor.read.proposalVetoes([id])).toEqual([100n, false]);
    expect(await governor.read.state([id])).toBe(ProposalState.Queued);
    const second = await waitFor(f, f.as(f.bob).governor.write.veto([id, ""]));
    const events = parseEventLogs({ abi: collectiveGovernorAbi, logs: second.logs });
    expect(events.map((e) => e.eventName)).toEqual(["VetoCast", "ProposalVetoed", "ProposalCanceled"]);
    expect(await governor.read.proposalVetoes([id])).toEqual([400n, true]);
    expect(await governor.read.state([id])).toBe(ProposalState.Canceled);
    // For good: past the eta it cannot run, and its backers are free to leave.
    await advance(f, SETTINGS.timelockDelay + 1);
    expect(await governor.read.state([id])).toBe(ProposalState.Canceled);
    await expectRevert(governor.write.execute(proposalOperation(actions)), "GovernorUnexpectedProposalState");
    await waitFor(f, f.as(f.alice).treasury.write.ragequit([10n, [], [id]]));
    expect(await f.publicClient.getBalance({ address: f.modules.treasury })).toBeGreaterThan(parseEther("9.8"));
  });

  it("takes objections only from members, once each, while the proposal waits", async () => {
    const f = await collectiveFixture();
    const actions = mintSharesProposal(f.modules, addressOf(f.dave), 10n, "Grant Dave");
    const id = await propose(f, f.alice, actions);
    await advance(f, SETTINGS.votingDelay + 1);
    await expectRevert(f.as(f.bob).governor.write.veto([id, ""]), "GovernorVetoClosed");
    await vote(f, f.alice, id, Vote.For);
    await advance(f, SETTINGS.votingPeriod);
    await expectRevert(f.as(f.bob).governor.write.veto([id, ""]), "GovernorVetoClosed");
    await waitFor(f, f.as(f.alice).governor.write.queue(proposalOperation(actions)));
    await expectRevert(f.as(f.eve).governor.write.veto([id, ""]), "GovernorNotAVoter");
    await waitFor(f, f.as(f.carol).governor.write.veto([id, "Not yet"]));
    await expectRevert(f.as(f.carol).governor.write.veto([id, "Again"]), "GovernorAlreadyVetoed");
    // bob leaves with all his shares: he has no say left.
    await waitFor(f, f.as(f.bob).treasury.write.ragequit([300n, [], []]));
    await expectRevert(f.as(f.bob).governor.write.veto([id, ""]), "GovernorNoVotesLeft");
    // Past the eta, it can run: no more objections.
    await advance(f, SETTINGS.timelockDelay + 1);
    await expectRevert(f.as(f.alice).governor.write.veto([id, ""]), "GovernorVetoClosed");
    await waitFor(f, f.as(f.eve).governor.write.execute(proposalOperation(actions)));
    expect(await f.as(f.alice).governor.read.state([id])).toBe(ProposalState.Executed);
  });

  it("keeps its threshold between 1% and 50%, at creation and by proposal", async () => {
    const f = await collectiveFixture();
    for (const vetoPercent of [0, 51]) {
      await expectRevert(
        createCollective(
          { publicClient: f.publicClient, walletClient: f.carol },
          {
            factory: f.deployment.factory,
            name: "Bounded",
            symbol: "BND",
            principles: ["Care"],
            founders: [{ account: addressOf(f.carol), shares: SETTINGS.proposalThreshold }],
            settings: { ...SETTINGS, vetoPercent },
          },
        ),
        "GovernorInvalidVetoThreshold",
      );
    }
    const setTo = (percent: number): ProposalActions => ({
      targets: [f.modules.governor],
      values: [0n],
      calldatas: [
        encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "setVetoThreshold", args: [percent] }),
      ],
      description: `Veto at ${percent}%`,
    });
    const tooHigh = setTo(51);
    await backedAndQueued(f, tooHigh);
    await advance(f, SETTINGS.timelockDelay + 1);
    await expectFailedExecution(
      waitFor(f, f.as(f.alice).governor.write.execute(proposalOperation(tooHigh))),
      "GovernorInvalidVetoThreshold",
    );
    const highest = setTo(50);
    await backedAndQueued(f, highest);
    await advance(f, SETTINGS.timelockDelay + 1);
    await waitFor(f, f.as(f.alice).governor.write.execute(proposalOperation(highest)));
    expect(await f.as(f.alice).governor.read.vetoThreshold()).toBe(50n);
  });
});

describe("Protections: a member that cannot take ETH", () => {
  it("leaves with its fair part paid to an address it names", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("10") }));
    const token = await deployToken(f, f.modules.treasury, 1_000n);
    const member = await f.connection.viem.deployContract("EthRefusingMember", [f.modules.treasury]);
    const contract = getAddress(member.address);
    // Admitted with 1,000 shares: half the supply.
    await passWith(f, mintSharesProposal(f.modules, contract, 1_000n, "Admit the vault"));
    // The plain exit sends it ETH, which it refuses.
    await expectRevert(member.write.ragequit([500n, [token.address]]), "TreasuryEthTransferFailed");
    const to = addressOf(f.dave);
    const before = await f.publicClient.getBalance({ address: to });
    const receipt = await waitFor(f, member.write.ragequitTo([500n, [token.address], to]));
    const [paidTo] = parseEventLogs({ abi: treasuryAbi, eventName: "RagequitPaidTo", logs: receipt.logs });
    expect(paidTo?.args).toEqual({ member: contract, to });
    // 500 of 2,000 shares: a quarter of the ETH and of the token.
    expect((await f.publicClient.getBalance({ address: to })) - before).toBe(parseEther("2.5"));
    expect(await token.read.balanceOf([to])).toBe(250n);
    expect(await f.as(f.alice).shares.read.balanceOf([contract])).toBe(500n);
    await expectRevert(
      member.write.ragequitTo([1n, [], "0x0000000000000000000000000000000000000000"]),
      "TreasuryInvalidRecipient",
    );
  });
});

/** A whole round in which alice and carol vote for `actions` and it runs. */
async function passWith(f: Fixture, actions: ProposalActions) {
  const proposalId = await backedAndQueued(f, actions);
  await advance(f, SETTINGS.timelockDelay + 1);
  await waitFor(f, f.as(f.alice).governor.write.execute(proposalOperation(actions)));
  return { proposalId };
}

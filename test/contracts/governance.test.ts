import { describe, expect, it } from "vitest";
import { encodeAbiParameters, encodeFunctionData, keccak256, parseEther, parseEventLogs, zeroAddress } from "viem";
import {
  collectiveGovernorAbi,
  collectiveTimelockAbi,
  descriptionHash,
  mintSharesProposal,
  paymentProposal,
  restrictToProposer,
  sharesAbi,
  treasuryAbi,
} from "@rhizome/contracts";
import {
  addressOf,
  advance,
  collectiveFixture,
  deployToken,
  pass,
  propose,
  ProposalState,
  SETTINGS,
  Vote,
  waitFor,
} from "../helpers/collective.js";
import { expectFailedExecution, expectRevert } from "../helpers/reverts.js";

describe("Governance", () => {
  it("admits a member by a proposal that mints shares to them, self-delegated", async () => {
    const f = await collectiveFixture();
    const dave = addressOf(f.dave);
    const actions = mintSharesProposal(f.modules, dave, 50n, "Admit Dave: builds the indexer");
    const { proposalId, executed } = await pass(f, actions);
    const { shares, governor } = f.as(f.alice);
    expect(await governor.read.state([proposalId])).toBe(ProposalState.Executed);
    expect(await shares.read.balanceOf([dave])).toBe(50n);
    expect(await shares.read.getVotes([dave])).toBe(50n);
    expect(await shares.read.delegates([dave])).toBe(dave);
    expect(await shares.read.totalSupply()).toBe(1050n);

    const delegated = parseEventLogs({ abi: sharesAbi, eventName: "DelegateChanged", logs: executed.logs });
    expect(delegated.map((e) => e.args)).toEqual([{ delegator: dave, fromDelegate: zeroAddress, toDelegate: dave }]);
    const power = parseEventLogs({ abi: sharesAbi, eventName: "DelegateVotesChanged", logs: executed.logs });
    expect(power.map((e) => e.args)).toEqual([{ delegate: dave, previousVotes: 0n, newVotes: 50n }]);
    const [executedEvent] = parseEventLogs({
      abi: collectiveGovernorAbi,
      eventName: "ProposalExecuted",
      logs: executed.logs,
    });
    expect(executedEvent?.args.proposalId).toBe(proposalId);
  });

  it("pays ETH from the treasury after propose, vote, queue and execute", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("10") }));
    const eve = addressOf(f.eve);
    const before = await f.publicClient.getBalance({ address: eve });
    const actions = paymentProposal(f.modules, { to: eve, amount: parseEther("4") }, "Pay Eve for the audit");

    const proposalId = await propose(f, f.alice, actions);
    const { governor } = f.as(f.alice);
    expect(await governor.read.state([proposalId])).toBe(ProposalState.Pending);
    await advance(f, SETTINGS.votingDelay + 1);
    expect(await governor.read.state([proposalId])).toBe(ProposalState.Active);
    await waitFor(f, f.as(f.alice).governor.write.castVote([proposalId, Vote.For]));
    await waitFor(f, f.as(f.bob).governor.write.castVote([proposalId, Vote.Against]));
    await waitFor(f, f.as(f.carol).governor.write.castVote([proposalId, Vote.Abstain]));
    expect(await governor.read.proposalVotes([proposalId])).toEqual([300n, 600n, 100n]);
    await advance(f, SETTINGS.votingPeriod);
    expect(await governor.read.state([proposalId])).toBe(ProposalState.Succeeded);

    const args = [actions.targets, actions.values, actions.calldatas, descriptionHash(actions.description)] as const;
    // Executing before queueing, or before the delay, is refused.
    await expectRevert(governor.write.execute(args), "GovernorUnexpectedProposalState");
    await waitFor(f, governor.write.queue(args));
    expect(await governor.read.state([proposalId])).toBe(ProposalState.Queued);
    await expectRevert(governor.write.execute(args), "TimelockOperationNotReady");
    await advance(f, SETTINGS.timelockDelay + 1);
    const receipt = await waitFor(f, governor.write.execute(args));

    expect(await governor.read.state([proposalId])).toBe(ProposalState.Executed);
    expect(await f.publicClient.getBalance({ address: eve })).toBe(before + parseEther("4"));
    expect(await f.publicClient.getBalance({ address: f.modules.treasury })).toBe(parseEther("6"));
    const [paid] = parseEventLogs({ abi: treasuryAbi, eventName: "Paid", logs: receipt.logs });
    expect(paid?.args).toEqual({ token: zeroAddress, to: eve, amount: parseEther("4"), balance: parseEther("6") });
  });

  it("pays an ERC-20 from the treasury through a proposal", async () => {
    const f = await collectiveFixture();
    const token = await deployToken(f, f.modules.treasury, parseEther("1000"));
    const eve = addressOf(f.eve);
    const actions = paymentProposal(
      f.modules,
      { to: eve, amount: parseEther("250"), token: token.address },
      "Pay Eve 250 tEUR for the design work",
    );
    const { executed } = await pass(f, actions);
    expect(await token.read.balanceOf([eve])).toBe(parseEther("250"));
    expect(await token.read.balanceOf([f.modules.treasury])).toBe(parseEther("750"));
    const [paid] = parseEventLogs({ abi: treasuryAbi, eventName: "Paid", logs: executed.logs });
    expect(paid?.args).toEqual({
      token: token.address,
      to: eve,
      amount: parseEther("250"),
      balance: parseEther("750"),
    });
  });

  it("records ETH sent to the treasury with the balance after it", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("1") }));
    const receipt = await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("2") }));
    const [received] = parseEventLogs({ abi: treasuryAbi, eventName: "EthReceived", logs: receipt.logs });
    expect(received?.args).toEqual({ from: addressOf(f.deployer), amount: parseEther("2"), balance: parseEther("3") });
  });

  it("fails a payment larger than the treasury holds for good when it runs; paid once proposed again, funded", async () => {
    const f = await collectiveFixture();
    const eve = addressOf(f.eve);
    const actions = paymentProposal(f.modules, { to: eve, amount: parseEther("5") }, "Pay Eve 5 ETH");
    const proposalId = await propose(f, f.alice, actions);
    await advance(f, SETTINGS.votingDelay + 1);
    await waitFor(f, f.as(f.alice).governor.write.castVote([proposalId, Vote.For]));
    await advance(f, SETTINGS.votingPeriod);
    const args = [actions.targets, actions.values, actions.calldatas, descriptionHash(actions.description)] as const;
    const { governor } = f.as(f.bob);
    await waitFor(f, governor.write.queue(args));
    await advance(f, SETTINGS.timelockDelay + 1);
    const before = await f.publicClient.getBalance({ address: eve });
    expect(
      await expectFailedExecution(waitFor(f, governor.write.execute(args)), "TreasuryInsufficientBalance"),
    ).toEqual([zeroAddress, 0n, parseEther("5")]);
    // Over for good, as executed; nothing was paid, and it cannot run again.
    expect(await governor.read.state([proposalId])).toBe(ProposalState.Executed);
    expect(await governor.read.proposalFailed([proposalId])).toBe(true);
    expect(await f.publicClient.getBalance({ address: eve })).toBe(before);
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("5") }));
    await expectRevert(governor.write.execute(args), "GovernorUnexpectedProposalState");
    const again = await pass(
      f,
      paymentProposal(f.modules, { to: eve, amount: parseEther("5") }, "Pay Eve 5 ETH, funded"),
    );
    expect(await governor.read.proposalFailed([again.proposalId])).toBe(false);
    expect(await f.publicClient.getBalance({ address: eve })).toBe(before + parseEther("5"));
  });

  it("defeats a proposal whose turnout misses the quorum, even with no vote against", async () => {
    const f = await collectiveFixture();
    // carol holds 10% of the supply; the quorum is 20%.
    const actions = mintSharesProposal(f.modules, addressOf(f.dave), 1n, "Admit Dave");
    const proposalId = await propose(f, f.carol, actions);
    await advance(f, SETTINGS.votingDelay + 1);
    await waitFor(f, f.as(f.carol).governor.write.castVote([proposalId, Vote.For]));
    const { governor } = f.as(f.carol);
    const snapshot = await governor.read.proposalSnapshot([proposalId]);
    expect(await governor.read.quorum([snapshot])).toBe(200n);
    await advance(f, SETTINGS.votingPeriod);
    expect(await governor.read.state([proposalId])).toBe(ProposalState.Defeated);
    await expectRevert(
      governor.write.queue([actions.targets, actions.values, actions.calldatas, descriptionHash(actions.description)]),
      "GovernorUnexpectedProposalState",
    );
  });

  it("counts abstentions toward the quorum but not toward the outcome", async () => {
    const f = await collectiveFixture();
    const actions = mintSharesProposal(f.modules, addressOf(f.dave), 1n, "Admit Dave");
    const proposalId = await propose(f, f.carol, actions);
    await advance(f, SETTINGS.votingDelay + 1);
    await waitFor(f, f.as(f.carol).governor.write.castVote([proposalId, Vote.For]));
    await waitFor(f, f.as(f.bob).governor.write.castVote([proposalId, Vote.Abstain]));
    await advance(f, SETTINGS.votingPeriod);
    expect(await f.as(f.carol).governor.read.state([proposalId])).toBe(ProposalState.Succeeded);
  });

  it("records a proposal under OpenZeppelin's id, with its window and a full ProposalCreated", async () => {
    const f = await collectiveFixture();
    const pay = paymentProposal(f.modules, { to: addressOf(f.eve), amount: 1n }, "Pay Eve");
    const admit = mintSharesProposal(f.modules, addressOf(f.dave), 5n, "Admit Dave");
    // Calls of 100 and 68 bytes: neither ends on a 32-byte word.
    const actions = {
      targets: [...pay.targets, ...admit.targets],
      values: [3n, 0n],
      calldatas: [...pay.calldatas, ...admit.calldatas],
      description: "Pay Eve and admit Dave",
    };
    const expectedId = BigInt(
      keccak256(
        encodeAbiParameters(
          [{ type: "address[]" }, { type: "uint256[]" }, { type: "bytes[]" }, { type: "bytes32" }],
          [actions.targets, actions.values, actions.calldatas, descriptionHash(actions.description)],
        ),
      ),
    );
    const { governor } = f.as(f.bob);
    const receipt = await waitFor(
      f,
      governor.write.propose([actions.targets, actions.values, actions.calldatas, actions.description]),
    );
    const { timestamp } = await f.publicClient.getBlock({ blockNumber: receipt.blockNumber });
    const voteStart = timestamp + BigInt(SETTINGS.votingDelay);
    const voteEnd = voteStart + BigInt(SETTINGS.votingPeriod);

    const [created] = parseEventLogs({ abi: collectiveGovernorAbi, eventName: "ProposalCreated", logs: receipt.logs });
    expect(created?.args).toEqual({
      proposalId: expectedId,
      proposer: addressOf(f.bob),
      targets: actions.targets,
      values: actions.values,
      signatures: ["", ""],
      calldatas: actions.calldatas,
      voteStart,
      voteEnd,
      description: actions.description,
    });
    const args = [actions.targets, actions.values, actions.calldatas, descriptionHash(actions.description)] as const;
    expect(await governor.read.hashProposal(args)).toBe(expectedId);
    expect(await governor.read.getProposalId(args)).toBe(expectedId);
    expect(await governor.read.proposalProposer([expectedId])).toBe(addressOf(f.bob));
    expect(await governor.read.proposalSnapshot([expectedId])).toBe(voteStart);
    expect(await governor.read.proposalDeadline([expectedId])).toBe(voteEnd);
    expect(await governor.read.proposalEta([expectedId])).toBe(0n);
    expect(await governor.read.state([expectedId])).toBe(ProposalState.Pending);
  });

  it("refuses a proposal without actions, with actions of unequal lengths, or made twice", async () => {
    const f = await collectiveFixture();
    const { governor } = f.as(f.alice);
    const actions = mintSharesProposal(f.modules, addressOf(f.dave), 1n, "Admit Dave");
    expect(
      await expectRevert(governor.write.propose([[], [], [], "Nothing"]), "GovernorInvalidProposalLength"),
    ).toEqual([0n, 0n, 0n]);
    expect(
      await expectRevert(
        governor.write.propose([actions.targets, [], actions.calldatas, actions.description]),
        "GovernorInvalidProposalLength",
      ),
    ).toEqual([1n, 1n, 0n]);
    const proposalId = await propose(f, f.alice, actions);
    expect(
      await expectRevert(
        governor.write.propose([actions.targets, actions.values, actions.calldatas, actions.description]),
        "GovernorUnexpectedProposalState",
      ),
    ).toEqual([proposalId, ProposalState.Pending, `0x${"0".repeat(64)}`]);
  });

  it("enforces the proposal threshold against the proposer's votes", async () => {
    const f = await collectiveFixture();
    const actions = mintSharesProposal(f.modules, addressOf(f.eve), 1n, "Admit Eve");
    // eve holds nothing; the threshold is 10 shares.
    const args = await expectRevert(
      f.as(f.eve).governor.write.propose([actions.targets, actions.values, actions.calldatas, actions.description]),
      "GovernorInsufficientProposerVotes",
    );
    expect(args).toEqual([addressOf(f.eve), 0n, SETTINGS.proposalThreshold]);
    // carol's 100 shares clear it.
    await propose(f, f.carol, actions);
  });

  it("records a vote's reason in its event", async () => {
    const f = await collectiveFixture();
    const proposalId = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 1n, "Admit Dave"));
    await advance(f, SETTINGS.votingDelay + 1);
    const receipt = await waitFor(
      f,
      f.as(f.bob).governor.write.castVoteWithReason([proposalId, Vote.Against, "Dave has not applied yet"]),
    );
    const [vote] = parseEventLogs({ abi: collectiveGovernorAbi, eventName: "VoteCast", logs: receipt.logs });
    expect(vote?.args).toEqual({
      voter: addressOf(f.bob),
      proposalId,
      support: Vote.Against,
      weight: 300n,
      reason: "Dave has not applied yet",
    });
    await expectRevert(f.as(f.bob).governor.write.castVote([proposalId, Vote.For]), "GovernorAlreadyCastVote");
  });

  it("accepts a vote by signature, relayed by someone else, and refuses the same signature twice", async () => {
    const f = await collectiveFixture();
    const proposalId = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 1n, "Admit Dave"));
    await advance(f, SETTINGS.votingDelay + 1);
    const { governor } = f.as(f.eve);
    const bob = addressOf(f.bob);
    const nonce = await governor.read.nonces([bob]);
    const signature = await f.bob.signTypedData({
      domain: {
        name: "Rizom",
        version: "1",
        chainId: await f.publicClient.getChainId(),
        verifyingContract: f.modules.governor,
      },
      types: {
        Ballot: [
          { name: "proposalId", type: "uint256" },
          { name: "support", type: "uint8" },
          { name: "voter", type: "address" },
          { name: "nonce", type: "uint256" },
        ],
      },
      primaryType: "Ballot",
      message: { proposalId, support: Vote.For, voter: bob, nonce },
    });
    const receipt = await waitFor(f, governor.write.castVoteBySig([proposalId, Vote.For, bob, signature]));
    const [vote] = parseEventLogs({ abi: collectiveGovernorAbi, eventName: "VoteCast", logs: receipt.logs });
    expect(vote?.args.voter).toBe(bob);
    expect(await governor.read.hasVoted([proposalId, bob])).toBe(true);
    expect(await governor.read.nonces([bob])).toBe(nonce + 1n);
    await expectRevert(
      governor.write.castVoteBySig([proposalId, Vote.For, bob, signature]),
      "GovernorInvalidSignature",
    );
  });

  it("changes its own parameters only by a proposal", async () => {
    const f = await collectiveFixture();
    const { governor, timelock } = f.as(f.alice);
    const actions = {
      targets: [f.modules.governor, f.modules.governor, f.modules.timelock],
      values: [0n, 0n, 0n],
      calldatas: [
        encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "setVotingPeriod", args: [7_200] }),
        encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "updateQuorumNumerator", args: [30n] }),
        encodeFunctionData({ abi: collectiveTimelockAbi, functionName: "updateDelay", args: [1_200] }),
      ],
      description: "Slow down: longer votes, higher quorum, longer grace",
    };
    await pass(f, actions);
    expect(await governor.read.votingPeriod()).toBe(7_200n);
    expect(await governor.read.quorumNumerator()).toBe(30n);
    expect(await timelock.read.getMinDelay()).toBe(1_200n);
  });

  it("lets only the named proposer submit a description restricted to them", async () => {
    const f = await collectiveFixture();
    const base = mintSharesProposal(f.modules, addressOf(f.dave), 1n, "Admit Dave");
    const restricted = { ...base, description: restrictToProposer(base.description, addressOf(f.alice)) };
    await expectRevert(
      f
        .as(f.bob)
        .governor.write.propose([restricted.targets, restricted.values, restricted.calldatas, restricted.description]),
      "GovernorRestrictedProposer",
    );
    await propose(f, f.alice, restricted);
  });
});

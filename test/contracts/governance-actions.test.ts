/**
 * @rhizome/contracts' governance actions against a real governor: the id computed before
 * proposing is the governor's, a vote goes as `castVote` or `castVoteWithReason` by whether it
 * has a reason, a proposer withdraws with `cancel`, and a proposal's words and description read
 * back as the indexer and the web client show them.
 */
import { describe, expect, it } from "vitest";
import { encodeFunctionData, parseEventLogs } from "viem";
import {
  cancel,
  castVote,
  collectiveGovernorAbi,
  describeActions,
  GOVERNANCE_PARAMETERS,
  mintSharesProposal,
  parameterProposal,
  parseDescription,
  proposalIdOf,
  proposalOperation,
  restrictToProposer,
  type GovernanceParameter,
  type ProposalActions,
} from "@rhizome/contracts";
import {
  addressOf,
  advance,
  collectiveFixture,
  pass,
  propose,
  ProposalState,
  SETTINGS,
  waitFor,
} from "../helpers/collective.js";

describe("governance actions", () => {
  it("computes a proposal's id before it is proposed, as the governor does", async () => {
    const f = await collectiveFixture();
    const actions = mintSharesProposal(f.modules, addressOf(f.dave), 10n, "Grant Dave 10 shares");
    const expected = proposalIdOf(actions);
    const id = await propose(f, f.alice, actions);
    expect(id).toBe(expected);
    expect(await f.as(f.alice).governor.read.hashProposal(proposalOperation(actions))).toBe(expected);
    // Another description is another proposal.
    expect(proposalIdOf({ ...actions, description: "Grant Dave 10 shares." })).not.toBe(expected);
  });

  it("votes with castVote without a reason and castVoteWithReason with one", async () => {
    const f = await collectiveFixture();
    const id = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 10n, "Grant Dave"));
    await advance(f, SETTINGS.votingDelay + 1);
    const governor = f.modules.governor;
    const silent = await waitFor(f, castVote(f.alice, { governor, proposalId: id, support: "for" }));
    const said = await waitFor(
      f,
      castVote(f.bob, { governor, proposalId: id, support: "against", reason: "Not before the audit" }),
    );
    const sent = async (hash: `0x${string}`) => (await f.publicClient.getTransaction({ hash })).input.slice(0, 10);
    expect(await sent(silent.transactionHash)).toBe(
      encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "castVote", args: [id, 1] }).slice(0, 10),
    );
    const [vote] = parseEventLogs({ abi: collectiveGovernorAbi, eventName: "VoteCast", logs: said.logs });
    expect(vote?.args).toMatchObject({ support: 0, reason: "Not before the audit" });
  });

  it("lets the proposer withdraw a proposal before its vote opens", async () => {
    const f = await collectiveFixture();
    const actions: ProposalActions = mintSharesProposal(f.modules, addressOf(f.dave), 10n, "Grant Dave");
    actions.description = restrictToProposer(actions.description, addressOf(f.alice));
    const id = await propose(f, f.alice, actions);
    await waitFor(f, cancel(f.alice, { governor: f.modules.governor, actions }));
    expect(await f.as(f.alice).governor.read.state([id])).toBe(ProposalState.Canceled);
  });

  it("reads a description's title, body and reserved proposer", () => {
    const proposer = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    expect(parseDescription(restrictToProposer("Pay the printer\nInvoice 12, due Friday", proposer))).toEqual({
      title: "Pay the printer",
      body: "Invoice 12, due Friday",
      proposer,
    });
    expect(parseDescription("")).toEqual({ title: "(no description)", body: "", proposer: null });
  });

  it("says what each governance setting change does, as a parameter change", async () => {
    const f = await collectiveFixture();
    const context = { isMember: () => true, applicant: () => undefined };
    const calls = [
      encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "setVetoThreshold", args: [30] }),
      encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "setCountingRule", args: [2] }),
    ];
    const { kind, actions } = describeActions(
      f.modules,
      context,
      calls.map(() => f.modules.governor),
      [0n, 0n],
      calls,
    );
    expect(kind).toBe("parameter");
    expect(actions.map((a) => a.summary)).toEqual(["setVetoThreshold(30)", "setCountingRule(2)"]);
  });

  it("changes every governance parameter with parameterProposal, each through its module's setter", async () => {
    const f = await collectiveFixture();
    const wanted: Record<GovernanceParameter, bigint> = {
      votingDelay: 120n,
      votingPeriod: 7_200n,
      executionWindow: 3n * 86_400n,
      proposalThreshold: 25n,
      quorumPercent: 30n,
      vetoPercent: 35n,
      timelockDelay: 900n,
      reviewWindow: 86_400n,
      objectionThreshold: 15n,
    };
    const parameters = Object.keys(GOVERNANCE_PARAMETERS) as GovernanceParameter[];
    expect(parameters.sort()).toEqual(Object.keys(wanted).sort());
    const each = parameters.map((p) => parameterProposal(f.modules, p, wanted[p], p));
    expect(each.map((a) => a.targets[0])).toEqual(parameters.map((p) => f.modules[GOVERNANCE_PARAMETERS[p]]));
    const actions: ProposalActions = {
      targets: each.flatMap((a) => a.targets),
      values: each.flatMap((a) => a.values),
      calldatas: each.flatMap((a) => a.calldatas),
      description: "Every setting at once",
    };
    await pass(f, actions);
    const { governor, timelock, work } = f.as(f.alice);
    expect({
      votingDelay: await governor.read.votingDelay(),
      votingPeriod: await governor.read.votingPeriod(),
      executionWindow: await governor.read.executionWindow(),
      proposalThreshold: await governor.read.proposalThreshold(),
      quorumPercent: await governor.read.quorumNumerator(),
      vetoPercent: await governor.read.vetoThreshold(),
      timelockDelay: await timelock.read.getMinDelay(),
      reviewWindow: await work.read.reviewWindow(),
      objectionThreshold: await work.read.objectionThreshold(),
    }).toEqual(wanted);
  });
});

/**
 * Outcomes the governor fixes for good, as the API shows them: an execution whose calls revert
 * ends its proposal as `failed` (the governor's Executed, with proposalFailed); each proposal keeps
 * the execution window in force when its vote ended, whatever the window later; members' objections
 * during the grace period cancel a queued proposal (the veto).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { decodeErrorResult, encodeFunctionData, parseEther, type Hex } from "viem";
import {
  collectiveGovernorAbi,
  mintSharesProposal,
  paymentProposal,
  rhizomeErrorsAbi,
  type ProposalActions,
  proposalOperation,
} from "@rhizome/contracts";
import type { Api } from "@rhizome/client";
import type { Indexer } from "@rhizome/indexer";
import {
  addressOf,
  advance,
  collectiveFixture,
  propose,
  ProposalState,
  SETTINGS,
  vote,
  Vote,
  waitFor,
  type Fixture,
} from "../helpers/collective.js";
import { backend, get, liveIndex, type LiveIndex } from "./indexed.js";
import { expectStateFilters } from "./state-filters.js";

const HOURS_2 = 2 * 3600;

function windowProposal(f: Fixture, seconds: number, description: string): ProposalActions {
  return {
    targets: [f.modules.governor],
    values: [0n],
    calldatas: [
      encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "setExecutionWindow", args: [seconds] }),
    ],
    description,
  };
}

describe(`proposal outcomes (${backend})`, () => {
  let f: Fixture;
  let live: LiveIndex;
  let indexer: Indexer;
  let app: FastifyInstance;
  let base: string;

  const detail = async (id: bigint) => {
    await indexer.syncToHead();
    const { status, body } = await get<Api.ProposalDetail>(app, `${base}/proposals/${id}`);
    expect(status).toBe(200);
    return body;
  };

  /** Proposes, has alice and bob vote for, and waits out the vote. */
  async function passed(actions: ProposalActions): Promise<bigint> {
    const id = await propose(f, f.alice, actions);
    await advance(f, SETTINGS.votingDelay + 1);
    await vote(f, f.alice, id, Vote.For);
    await vote(f, f.bob, id, Vote.For);
    await advance(f, SETTINGS.votingPeriod);
    return id;
  }

  beforeAll(async () => {
    f = await collectiveFixture();
    live = await liveIndex(f);
    ({ indexer, app } = live);
    base = `/api/collectives/${f.modules.governor}`;
  });
  afterAll(async () => {
    await live?.close();
  });

  it("an execution whose calls revert is failed: final, with its reason, and no longer open", async () => {
    // The treasury is empty: paying from it reverts.
    const actions = paymentProposal(f.modules, { to: addressOf(f.dave), amount: parseEther("1") }, "Pay Dave");
    const id = await passed(actions);
    await waitFor(f, f.as(f.alice).governor.write.queue(proposalOperation(actions)));
    await advance(f, SETTINGS.timelockDelay + 1);
    await waitFor(f, f.as(f.eve).governor.write.execute(proposalOperation(actions)));
    const governor = f.as(f.alice).governor;
    expect(await governor.read.state([id])).toBe(ProposalState.Executed);
    expect(await governor.read.proposalFailed([id])).toBe(true);

    const body = await detail(id);
    expect(body.state).toBe("failed");
    expect(body.executedAt).not.toBeNull();
    const reason = decodeErrorResult({ abi: rhizomeErrorsAbi, data: body.failureReason as Hex });
    expect(reason.errorName).toBe("TreasuryInsufficientBalance");
    expect(body.timeline.map((e) => e.event)).toEqual([
      "created",
      "votingStarts",
      "votingEnds",
      "queued",
      "eta",
      "failed",
    ]);
    const listed = await get<Api.Page<Api.Proposal>>(app, `${base}/proposals?state=failed`);
    expect(listed.body.items.map((p) => p.proposalId)).toEqual([id.toString()]);
    const executed = await get<Api.Page<Api.Proposal>>(app, `${base}/proposals?state=executed`);
    expect(executed.body.items).toEqual([]);
    const collective = await get<Api.CollectiveDetail>(app, base);
    expect(collective.body.stats.openProposals).toBe(0);
    await expectStateFilters(app, f);
  });

  it("a proposal keeps the window in force when its vote ended; one still voting takes the new one", async () => {
    const ended = mintSharesProposal(f.modules, addressOf(f.dave), 5n, "Grant Dave, vote ended");
    const change = windowProposal(f, HOURS_2, "Two hours to run a passed proposal");
    const endedId = await propose(f, f.alice, ended);
    const changeId = await passed(change);
    // `ended` got no votes and is defeated; vote on a second one that passes with the old window.
    const old = mintSharesProposal(f.modules, addressOf(f.dave), 6n, "Grant Dave, passed before");
    const oldId = await passed(old);
    expect((await detail(endedId)).state).toBe("defeated");
    await waitFor(f, f.as(f.alice).governor.write.queue(proposalOperation(change)));
    await advance(f, SETTINGS.timelockDelay + 1);
    // One whose vote is still running when the window changes.
    const running = mintSharesProposal(f.modules, addressOf(f.dave), 7n, "Grant Dave, still voting");
    const runningId = await propose(f, f.alice, running);
    await waitFor(f, f.as(f.alice).governor.write.execute(proposalOperation(change)));
    expect((await detail(changeId)).state).toBe("executed");

    const governor = f.as(f.alice).governor;
    for (const [id, window] of [
      [oldId, SETTINGS.executionWindow],
      [runningId, HOURS_2],
    ] as const) {
      expect(Number(await governor.read.proposalExecutionWindow([id]))).toBe(window);
      expect((await detail(id)).executionWindow).toBe(window);
    }
    const collective = await get<Api.CollectiveDetail>(app, base);
    expect(collective.body.settings.executionWindow).toBe(HOURS_2);

    // Past the running one's vote and its two hours, it expires; the old one has its week.
    await advance(f, SETTINGS.votingDelay + 1);
    await vote(f, f.alice, runningId, Vote.For);
    await vote(f, f.bob, runningId, Vote.For);
    await advance(f, SETTINGS.votingPeriod + HOURS_2 + 1);
    expect(await governor.read.state([runningId])).toBe(ProposalState.Expired);
    expect(await governor.read.state([oldId])).toBe(ProposalState.Succeeded);
    const runningBody = await detail(runningId);
    expect(runningBody.state).toBe("expired");
    expect(runningBody.timeline.at(-1)).toEqual({
      event: "expired",
      timestamp: runningBody.deadline + HOURS_2 + 1,
      past: true,
    });
    expect((await detail(oldId)).state).toBe("succeeded");
    await expectStateFilters(app, f);
  });

  it("members' objections while a proposal waits are indexed, and at the threshold it is vetoed", async () => {
    const actions = mintSharesProposal(f.modules, addressOf(f.dave), 9n, "Grant Dave, objected to");
    const id = await passed(actions);
    await waitFor(f, f.as(f.alice).governor.write.queue(proposalOperation(actions)));
    let body = await detail(id);
    expect(body).toMatchObject({ state: "queued", vetoVotes: "0", vetoed: false, vetoes: [] });
    expect(body.vetoQuorum).toBe((await f.as(f.alice).governor.read.vetoQuorum([id])).toString());
    await waitFor(f, f.as(f.carol).governor.write.veto([id, "Too soon"]));
    body = await detail(id);
    expect(body).toMatchObject({ state: "queued", vetoVotes: "100", vetoed: false });
    expect(body.vetoes.map((v) => [v.voter, v.weight, v.reason])).toEqual([[addressOf(f.carol), "100", "Too soon"]]);
    // bob's 300 reach the threshold (20% of the supply at the snapshot): cancelled for good.
    await waitFor(f, f.as(f.bob).governor.write.veto([id, ""]));
    body = await detail(id);
    const [votes, vetoed] = await f.as(f.alice).governor.read.proposalVetoes([id]);
    expect(body).toMatchObject({ state: "canceled", vetoVotes: votes.toString(), vetoed });
    expect(vetoed).toBe(true);
    expect(body.vetoes.map((v) => v.voter)).toEqual([addressOf(f.bob), addressOf(f.carol)]);
    expect(body.timeline.map((e) => e.event)).toEqual(["created", "votingStarts", "votingEnds", "queued", "vetoed"]);
    await expectStateFilters(app, f);
  });
});

/**
 * How votes count, as the API shows it: a collective of two houses (its tallies by shares, its
 * members' house apart, each vote's weight in both, each house's quorum), the states the governor
 * gives when one house refuses, and a rule changed by proposal: proposals whose snapshot comes
 * after take it, those already voted on keep theirs, exactly as the chain's proposalCounting.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { encodeFunctionData } from "viem";
import {
  collectiveGovernorAbi,
  countingRuleOf,
  paymentProposal,
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
  SETTINGS,
  vote,
  Vote,
  waitFor,
  type Fixture,
  type Wallet,
} from "../helpers/collective.js";
import { backend, get, liveIndex, type LiveIndex } from "./indexed.js";
import { chainState, expectStateFilters } from "./state-filters.js";

describe(`counting rules (${backend})`, () => {
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

  /** The API's proposal against the governor's state, tallies and counting. */
  async function expectAsChain(id: bigint) {
    const body = await detail(id);
    const governor = f.as(f.alice).governor;
    const [against, forVotes, abstain] = await governor.read.proposalVotes([id]);
    const [rule, memberAgainst, memberFor, memberAbstain, memberQuorum] = await governor.read.proposalCounting([id]);
    expect(body.state).toBe(await chainState(f, id));
    expect([body.againstVotes, body.forVotes, body.abstainVotes]).toEqual([against, forVotes, abstain].map(String));
    expect(body.countingRule).toBe(countingRuleOf(rule));
    if (body.countingRule === "both") {
      expect(body.memberHouse).toEqual({
        againstVotes: String(memberAgainst),
        forVotes: String(memberFor),
        abstainVotes: String(memberAbstain),
        quorum: body.voteCount === 0 ? null : String(memberQuorum),
      });
    } else {
      expect(body.memberHouse).toBeNull();
    }
    return body;
  }

  /** Proposes a payment, has `yes` vote for and `no` against, and waits out the vote. */
  async function decided(description: string, yes: Wallet[], no: Wallet[]): Promise<bigint> {
    const id = await propose(f, f.alice, payment(description));
    await advance(f, SETTINGS.votingDelay + 1);
    for (const voter of yes) await vote(f, voter, id, Vote.For);
    for (const voter of no) await vote(f, voter, id, Vote.Against);
    await advance(f, SETTINGS.votingPeriod);
    return id;
  }

  const payment = (description: string) =>
    paymentProposal(f.modules, { to: addressOf(f.dave), amount: 0n }, description);

  beforeAll(async () => {
    // Alice 600, bob 300, carol 100 shares: a quorum of 50% is 500 shares, or 1 of the 3 members.
    f = await collectiveFixture({ countingRule: "both", quorumPercent: 50 });
    live = await liveIndex(f);
    ({ indexer, app } = live);
    base = `/api/collectives/${f.modules.governor}`;
  });
  afterAll(async () => {
    await live?.close();
  });

  it("shows both houses: a majority of shares that is a minority of members is defeated", async () => {
    const refused = await decided("Shares for, members against", [f.alice], [f.bob, f.carol]);
    const agreed = await decided("Both for", [f.alice, f.carol], [f.bob]);
    const r = await expectAsChain(refused);
    expect(r.state).toBe("defeated");
    expect([r.forVotes, r.againstVotes, r.quorum]).toEqual(["600", "400", "500"]);
    expect(r.memberHouse).toEqual({ forVotes: "1", againstVotes: "2", abstainVotes: "0", quorum: "1" });
    const a = await expectAsChain(agreed);
    expect(a.state).toBe("succeeded");

    const votes = await get<Api.Page<Api.Vote>>(app, `${base}/proposals/${agreed}/votes`);
    expect(votes.body.items.map((v) => [v.voter, v.weight, v.memberWeight])).toEqual([
      [addressOf(f.bob), "300", "1"],
      [addressOf(f.carol), "100", "1"],
      [addressOf(f.alice), "600", "1"],
    ]);
    const collective = await get<Api.CollectiveDetail>(app, base);
    expect(collective.body.settings.countingRule).toBe("both");
    await expectStateFilters(app, f);
  });

  it("takes a new rule from the next snapshot on, whatever was created before it ran", async () => {
    const toMembers: ProposalActions = {
      targets: [f.modules.governor],
      values: [0n],
      calldatas: [encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "setCountingRule", args: [1] })],
      description: "One member, one vote",
    };
    const change = await propose(f, f.alice, toMembers);
    await advance(f, SETTINGS.votingDelay + 1);
    for (const voter of [f.alice, f.bob, f.carol]) await vote(f, voter, change, Vote.For);
    await advance(f, SETTINGS.votingPeriod);
    await waitFor(f, f.as(f.alice).governor.write.queue(proposalOperation(toMembers)));
    // Voted on under two houses before the change runs.
    const before = await propose(f, f.alice, payment("Voted on before"));
    await advance(f, SETTINGS.timelockDelay + 1);
    await vote(f, f.alice, before, Vote.For);
    // Created before the change runs, its snapshot after: it counts by members.
    const pending = await propose(f, f.alice, payment("Snapshot after"));
    await waitFor(f, f.as(f.alice).governor.write.execute(proposalOperation(toMembers)));
    expect((await expectAsChain(before)).countingRule).toBe("both");
    expect((await expectAsChain(pending)).countingRule).toBe("members");

    await advance(f, SETTINGS.votingDelay + 1);
    await vote(f, f.bob, pending, Vote.For);
    await vote(f, f.carol, pending, Vote.For);
    await vote(f, f.alice, pending, Vote.Against);
    await advance(f, SETTINGS.votingPeriod);
    const p = await expectAsChain(pending);
    // Two members to one, against 600 of the 1,000 shares.
    expect([p.state, p.forVotes, p.againstVotes, p.quorum]).toEqual(["succeeded", "2", "1", "1"]);
    const collective = await get<Api.CollectiveDetail>(app, base);
    expect(collective.body.settings.countingRule).toBe("members");
    await expectStateFilters(app, f);
  });
});

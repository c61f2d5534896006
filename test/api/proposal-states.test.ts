/**
 * A proposal's state is computed by the API from the stored status, tallies and the indexed
 * head's time. Walk proposals through every state on a real chain and check, at each step, that
 * the API says what the governor says and that the state filter finds them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { mintSharesProposal, type ProposalActions, proposalOperation } from "@rhizome/contracts";
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
} from "../helpers/collective.js";
import { backend, get, liveIndex, type LiveIndex } from "./indexed.js";
import { expectStateFilters, STATE_NAMES } from "./state-filters.js";

describe(`proposal states over time (${backend})`, () => {
  let f: Fixture;
  let live: LiveIndex;
  let indexer: Indexer;
  let app: FastifyInstance;
  let base: string;
  const ids: Record<string, bigint> = {};
  const actions: Record<string, ProposalActions> = {};

  /**
   * Indexes to the head, then checks the named proposals' states against the governor's, and that
   * each state filter lists exactly the proposals in that state.
   */
  async function expectStates(expected: Record<string, Api.ProposalState>) {
    await indexer.syncToHead();
    for (const [name, state] of Object.entries(expected)) {
      const id = ids[name] as bigint;
      const onChain = STATE_NAMES[await f.as(f.alice).governor.read.state([id])];
      expect(onChain, `${name} on chain`).toBe(state);
      const { body } = await get<Api.ProposalDetail>(app, `${base}/proposals/${id}`);
      expect(body.state, `${name} from the API`).toBe(state);
      const filtered = await get<Api.Page<Api.Proposal>>(app, `${base}/proposals?state=${state}`);
      expect(
        filtered.body.items.map((p) => p.proposalId),
        `${name} in ?state=${state}`,
      ).toContain(id.toString());
      expect(filtered.body.items.every((p) => p.state === state)).toBe(true);
    }
    await expectStateFilters(app, f);
  }

  async function proposeNamed(name: string) {
    actions[name] = mintSharesProposal(f.modules, addressOf(f.dave), 10n, `Grant Dave (${name})`);
    ids[name] = await propose(f, f.alice, actions[name]);
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

  it("is pending before the snapshot, with no quorum known yet, and canceled when canceled", async () => {
    await proposeNamed("queued");
    await proposeNamed("unqueued");
    await proposeNamed("canceled");
    await waitFor(f, f.as(f.alice).governor.write.cancel(proposalOperation(actions.canceled as ProposalActions)));
    await expectStates({ queued: "pending", unqueued: "pending", canceled: "canceled" });
    const { body } = await get<Api.ProposalDetail>(app, `${base}/proposals/${ids.queued}`);
    expect(body).toMatchObject({ quorum: null, quorumProgress: null, quorumReached: null });
    expect(body.timeline.map((e) => [e.event, e.past])).toEqual([
      ["created", true],
      ["votingStarts", false],
      ["votingEnds", false],
    ]);
    const canceled = await get<Api.ProposalDetail>(app, `${base}/proposals/${ids.canceled}`);
    expect(canceled.body.timeline.map((e) => e.event)).toEqual(["created", "canceled"]);
  });

  it("is active after the snapshot, its quorum read from the supply at the snapshot", async () => {
    await advance(f, SETTINGS.votingDelay + 1);
    await expectStates({ queued: "active", unqueued: "active", canceled: "canceled" });
    const { body } = await get<Api.ProposalDetail>(app, `${base}/proposals/${ids.queued}`);
    // 20% of the 1,000 founding shares, before anyone voted.
    expect(body).toMatchObject({ quorum: "200", quorumProgress: 0, quorumReached: false, voteCount: 0 });
    for (const name of ["queued", "unqueued"]) {
      await vote(f, f.alice, ids[name] as bigint, Vote.For);
      await vote(f, f.bob, ids[name] as bigint, Vote.Against);
    }
    // One that nobody votes on.
    await proposeNamed("ignored");
    await expectStates({ queued: "active", unqueued: "active", ignored: "pending" });
    const collective = await get<Api.CollectiveDetail>(app, base);
    expect(collective.body.stats).toMatchObject({ proposals: 4, openProposals: 3 });
  });

  it("succeeds after the deadline with quorum and more for than against, else is defeated", async () => {
    await advance(f, SETTINGS.votingPeriod);
    await expectStates({ queued: "succeeded", unqueued: "succeeded", ignored: "active" });
    const { body } = await get<Api.ProposalDetail>(app, `${base}/proposals/${ids.queued}`);
    expect(body).toMatchObject({ forVotes: "600", againstVotes: "300", quorumReached: true, quorumProgress: 3 });
    expect(body.timeline.at(-1)).toEqual({
      event: "expired",
      timestamp: body.deadline + SETTINGS.executionWindow + 1,
      past: false,
    });
    await waitFor(f, f.as(f.alice).governor.write.queue(proposalOperation(actions.queued as ProposalActions)));
    await advance(f, SETTINGS.votingDelay + 1);
    await expectStates({ queued: "queued", unqueued: "succeeded", ignored: "defeated" });
    const queued = await get<Api.ProposalDetail>(app, `${base}/proposals/${ids.queued}`);
    expect(queued.body.timeline.map((e) => [e.event, e.past])).toEqual([
      ["created", true],
      ["votingStarts", true],
      ["votingEnds", true],
      ["queued", true],
      ["eta", false],
      ["expired", false],
    ]);
  });

  it("expires when its execution window is over, queued or not", async () => {
    await advance(f, SETTINGS.timelockDelay + SETTINGS.executionWindow + 1);
    await expectStates({ queued: "expired", unqueued: "expired", ignored: "defeated", canceled: "canceled" });
    const { body } = await get<Api.ProposalDetail>(app, `${base}/proposals/${ids.queued}`);
    expect(body.timeline.at(-1)).toMatchObject({ event: "expired", past: true });
    const open = await get<Api.CollectiveDetail>(app, base);
    expect(open.body.stats).toMatchObject({ proposals: 4, openProposals: 0 });
    expect((await get<Api.Page<Api.Proposal>>(app, `${base}/proposals?state=expired`)).body.items).toHaveLength(2);
  });
});

/**
 * A proposal's quorum is the governor's quorum(snapshot): the supply at the snapshot times the
 * quorum percentage in force at the snapshot, not the one in force when its first vote is indexed.
 * The percentage is raised by a proposal executed between one proposal's snapshot and its first
 * vote, and just before another's snapshot; two indexes, one following the chain step by step and
 * one indexing it all in a single range, must both say what the governor says.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { mintSharesProposal, proposalOperation } from "@rhizome/contracts";
import type { DatabaseHandle } from "@rhizome/db";
import type { Api } from "@rhizome/client";
import { buildApp, type Indexed, type Indexer } from "@rhizome/indexer";
import {
  addressOf,
  advance,
  collectiveFixture,
  propose,
  quorumProposal,
  SETTINGS,
  vote,
  Vote,
  waitFor,
  type Fixture,
} from "../helpers/collective.js";
import { freshDatabase, indexerFor, snapshotTables } from "../helpers/indexer.js";
import { serveProvider, type RpcServer } from "../helpers/rpc-server.js";
import { backend, get } from "./indexed.js";
import { STATE_NAMES } from "./state-filters.js";

/** The quorum percentage the collective is raised to, from SETTINGS' 20. */
const RAISED_QUORUM = 50n;

interface Index {
  db: DatabaseHandle;
  indexer: Indexer;
  app: FastifyInstance;
}

describe(`a proposal's quorum at its snapshot (${backend})`, () => {
  let f: Fixture;
  let rpc: RpcServer;
  /** Follows the chain, indexing after each step. */
  let stepwise: Index;
  const ids: Record<"afterSnapshot" | "beforeSnapshot", bigint> = { afterSnapshot: 0n, beforeSnapshot: 0n };
  const base = () => `/api/collectives/${f.modules.governor}`;

  async function open(): Promise<Index> {
    const db = await freshDatabase();
    const indexer = indexerFor(db, f, rpc.url);
    await indexer.init();
    const app = await buildApp({ db: db.db, status: () => indexer.status, corsOrigins: "*", rateLimit: 100_000 });
    return { db, indexer, app };
  }

  /** Indexes to the head, then checks each proposal's quorum, quorumReached and state against the governor. */
  async function expectLikeTheGovernor(index: Index, names: (keyof typeof ids)[]) {
    await index.indexer.syncToHead();
    const governor = f.as(f.alice).governor;
    for (const name of names) {
      const id = ids[name];
      const quorum = await governor.read.quorum([await governor.read.proposalSnapshot([id])]);
      const state = STATE_NAMES[await governor.read.state([id])];
      const { body } = await get<Api.ProposalDetail>(index.app, `${base()}/proposals/${id}`);
      const counted = BigInt(body.forVotes) + BigInt(body.abstainVotes);
      expect({ quorum: body.quorum, quorumReached: body.quorumReached, state: body.state }, name).toEqual({
        quorum: quorum.toString(),
        quorumReached: counted >= quorum,
        state,
      });
    }
  }

  beforeAll(async () => {
    f = await collectiveFixture();
    rpc = await serveProvider(f.connection.provider);
    stepwise = await open();
  });
  afterAll(async () => {
    await stepwise?.app.close();
    await stepwise?.db.close();
    await rpc?.close();
  });

  it("keeps the percentage at the snapshot when it is raised after the snapshot, before any vote", async () => {
    const raise = quorumProposal(f.modules, RAISED_QUORUM, "Raise the quorum to half the shares");
    const raiseId = await propose(f, f.alice, raise);
    await advance(f, SETTINGS.votingDelay + 1);
    await vote(f, f.alice, raiseId, Vote.For);
    await vote(f, f.bob, raiseId, Vote.For);
    await advance(f, SETTINGS.votingPeriod);
    await waitFor(f, f.as(f.alice).governor.write.queue(proposalOperation(raise)));
    await stepwise.indexer.syncToHead();

    // Its snapshot passes while the raise waits out the timelock's delay.
    ids.afterSnapshot = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 10n, "Grant Dave"));
    await advance(f, SETTINGS.timelockDelay + 1);
    // Its snapshot comes a voting delay after the raise.
    ids.beforeSnapshot = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.eve), 10n, "Grant Eve"));
    await waitFor(f, f.as(f.alice).governor.write.execute(proposalOperation(raise)));
    expect(await f.as(f.alice).governor.read.quorumNumerator()).toBe(RAISED_QUORUM);

    // Before any vote the API reads the quorum from the snapshot: 20% of 1,000 shares.
    await expectLikeTheGovernor(stepwise, ["afterSnapshot"]);
    const { body } = await get<Api.ProposalDetail>(stepwise.app, `${base()}/proposals/${ids.afterSnapshot}`);
    expect(body).toMatchObject({ quorum: "200", voteCount: 0 });
  });

  it("fixes the quorum at the first vote from the percentage at the snapshot", async () => {
    await advance(f, SETTINGS.votingDelay + 1);
    await expectLikeTheGovernor(stepwise, ["afterSnapshot", "beforeSnapshot"]);
    // 400 of 1,000 shares for: above 20%, below 50%.
    for (const id of [ids.afterSnapshot, ids.beforeSnapshot]) {
      await vote(f, f.bob, id, Vote.For);
      await vote(f, f.carol, id, Vote.For);
    }
    await expectLikeTheGovernor(stepwise, ["afterSnapshot", "beforeSnapshot"]);
    const after = await get<Api.ProposalDetail>(stepwise.app, `${base()}/proposals/${ids.afterSnapshot}`);
    const before = await get<Api.ProposalDetail>(stepwise.app, `${base()}/proposals/${ids.beforeSnapshot}`);
    expect([after.body.quorum, before.body.quorum]).toEqual(["200", "500"]);
  });

  it("succeeds or is defeated as the governor says once voting is over", async () => {
    await advance(f, SETTINGS.votingPeriod);
    await expectLikeTheGovernor(stepwise, ["afterSnapshot", "beforeSnapshot"]);
    const after = await get<Api.ProposalDetail>(stepwise.app, `${base()}/proposals/${ids.afterSnapshot}`);
    const before = await get<Api.ProposalDetail>(stepwise.app, `${base()}/proposals/${ids.beforeSnapshot}`);
    expect([after.body.state, before.body.state]).toEqual(["succeeded", "defeated"]);
  });

  it("is the same when the raise, the snapshots and the votes are indexed in one range", async () => {
    const whole = await open();
    const ranges: Indexed[] = [];
    whole.indexer.on("indexed", (range) => ranges.push(range));
    try {
      await expectLikeTheGovernor(whole, ["afterSnapshot", "beforeSnapshot"]);
      expect(ranges.map((range) => range.toBlock)).toEqual([stepwise.indexer.status.cursor]);
      expect(await snapshotTables(whole.db)).toEqual(await snapshotTables(stepwise.db));
    } finally {
      await whole.app.close();
      await whole.db.close();
    }
  });
});

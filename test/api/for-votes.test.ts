/**
 * The exit proof the API serves (`/members/{account}/for-votes`): the proposals an account voted
 * for since its last release, which the web client's Leave page reads instead of the chain's logs.
 * It must equal what the governor's events give, across a prune that keeps a proposal still
 * running, and an exit must pass with it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { getAddress, type PublicClient } from "viem";
import { forVotesSinceRelease, paymentProposal, ragequit, type ForVotesSource } from "@rhizome/contracts";
import type { Api } from "@rhizome/client";
import type { Indexer } from "@rhizome/indexer";
import {
  addressOf,
  advance,
  collectiveFixture,
  pass,
  propose,
  SETTINGS,
  vote,
  Vote,
  waitFor,
  type Fixture,
} from "../helpers/collective.js";
import { backend, get, liveIndex, type LiveIndex } from "./indexed.js";

describe(`exit proofs from the index (${backend})`, () => {
  let f: Fixture;
  let live: LiveIndex;
  let indexer: Indexer;
  let app: FastifyInstance;

  const fromApi: ForVotesSource = async ({ governor, voter }) => {
    await indexer.syncToHead();
    const { status, body } = await get<Api.ForVotes>(app, `/api/collectives/${governor}/members/${voter}/for-votes`);
    expect(status).toBe(200);
    return body.proposalIds.map(BigInt);
  };
  const fromLogs: ForVotesSource = ({ governor, voter }) =>
    forVotesSinceRelease(f.publicClient as PublicClient, { governor, voter });
  const payment = (description: string) =>
    paymentProposal(f.modules, { to: addressOf(f.dave), amount: 0n }, description);

  beforeAll(async () => {
    f = await collectiveFixture();
    live = await liveIndex(f);
    ({ indexer, app } = live);
  });
  afterAll(async () => {
    await live?.close();
  });

  it("equals the governor's events, across a prune that keeps a proposal still running", async () => {
    const governor = f.modules.governor;
    const bob = addressOf(f.bob);
    const { proposalId: done } = await pass(f, payment("Ran"), { voters: [f.alice, f.bob] });
    const running = await propose(f, f.alice, payment("Still running"));
    await advance(f, SETTINGS.votingDelay + 1);
    await vote(f, f.bob, running, Vote.For);
    await vote(f, f.carol, running, Vote.Against);
    expect(await fromApi({ governor, voter: bob })).toEqual([done, running]);

    // Bob prunes: the ended proposal goes, the running one is kept (ForVotesReleased's `kept`).
    const pruned = await waitFor(f, f.as(f.bob).governor.write.pruneForVotes([[done, running]]));
    const later = await propose(f, f.alice, payment("Later"));
    await advance(f, SETTINGS.votingDelay + 1);
    await vote(f, f.bob, later, Vote.For);

    const proof = await fromApi({ governor, voter: bob });
    expect(proof).toEqual([running, later]);
    expect(proof).toEqual(await fromLogs({ governor, voter: bob }));
    const { body } = await get<Api.ForVotes>(app, `/api/collectives/${governor}/members/${bob}/for-votes`);
    expect(body.releasedBlock).toBe(Number(pruned.blockNumber));
    // An account that never voted for anything, a member or not: an empty proof, not a 404.
    const nobody = getAddress("0x000000000000000000000000000000000000dEaD");
    expect(await fromApi({ governor, voter: nobody })).toEqual([]);
    expect(await fromApi({ governor, voter: addressOf(f.carol) })).toEqual([]);
  });

  it("lets a member leave with the proof the index gives", async () => {
    const alice = addressOf(f.alice);
    const proof = await fromApi({ governor: f.modules.governor, voter: alice });
    expect(proof.length).toBeGreaterThan(0);
    expect(proof).toEqual(await fromLogs({ governor: f.modules.governor, voter: alice }));
    // Alice's for votes are on proposals that have all ended by now.
    await advance(f, SETTINGS.votingPeriod + 2 * SETTINGS.executionWindow + SETTINGS.timelockDelay);
    const { shares } = f.as(f.alice);
    const before = await shares.read.balanceOf([alice]);
    await waitFor(
      f,
      ragequit(
        { publicClient: f.publicClient as PublicClient, walletClient: f.alice },
        { governor: f.modules.governor, treasury: f.modules.treasury, shares: 100n, forVotes: fromApi },
      ),
    );
    expect(await shares.read.balanceOf([alice])).toBe(before - 100n);
  });
});

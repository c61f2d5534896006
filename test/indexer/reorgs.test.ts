/**
 * Reorgs as a real chain makes them, each followed by a head that jumps before the indexer looks
 * again: within the confirmation depth, beyond it, and beyond what the index can undo. The index
 * must end equal to a fresh index of the chain, the service must stay up, and /readyz must say
 * what it is doing.
 */
import { afterEach, describe, expect, it } from "vitest";
import { mintSharesProposal } from "@rhizome/contracts";
import {
  addressOf,
  advance,
  collectiveFixture,
  propose,
  SETTINGS,
  vote,
  Vote,
  type Fixture,
} from "../helpers/collective.js";
import { freshDatabase, indexerFor, quietLogger, snapshotTables } from "../helpers/indexer.js";
import { serveProvider, type RpcServer } from "../helpers/rpc-server.js";
import { appOver, backend } from "../api/indexed.js";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const task of cleanup.splice(0).reverse()) await task();
});

/** A collective with an open vote, served over JSON-RPC, and an indexer two blocks behind the head at most. */
async function openVote(options: { maxReorgDepth?: number } = {}) {
  const f = await collectiveFixture();
  const proposalId = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 5n, "Admit Dave"));
  await advance(f, SETTINGS.votingDelay + 1);
  const rpc = await serveProvider(f.connection.provider);
  const db = await freshDatabase();
  cleanup.push(
    () => rpc.close(),
    () => db.close(),
  );
  const logs: { level: string; msg: string }[] = [];
  const logger = {
    info: () => {},
    warn: (_obj: object, msg?: string) => logs.push({ level: "warn", msg: msg ?? "" }),
    error: (_obj: object, msg?: string) => logs.push({ level: "error", msg: msg ?? "" }),
  };
  const indexer = indexerFor(db, f, rpc.url, 2, options, logger);
  await indexer.init();
  await indexer.syncToHead();
  const app = await appOver(db, indexer);
  cleanup.push(() => app.close());
  return { f, rpc, db, indexer, app, proposalId, logs };
}

const request = (f: Fixture, method: string, params: unknown[] = []) =>
  f.connection.provider.request({ method, params }) as Promise<unknown>;
const mine = async (f: Fixture, blocks: number) => {
  for (let i = 0; i < blocks; i++) await request(f, "evm_mine");
};

async function freshIndexOf(f: Fixture, rpc: RpcServer) {
  const db = await freshDatabase();
  cleanup.push(() => db.close());
  const indexer = indexerFor(db, f, rpc.url);
  await indexer.init();
  await indexer.syncToHead();
  return snapshotTables(db);
}

async function tally(app: Awaited<ReturnType<typeof openVote>>["app"], f: Fixture, proposalId: bigint) {
  const response = await app.inject(`/api/collectives/${f.modules.governor}/proposals/${proposalId}`);
  const proposal = response.json() as { forVotes: string; againstVotes: string };
  return { for: proposal.forVotes, against: proposal.againstVotes };
}

describe(`reorgs followed by a jump of the head (${backend})`, () => {
  it("a vote's block replaced one deep, then six blocks at once: the index holds the chain's vote, not both", async () => {
    const { f, rpc, db, indexer, app, proposalId } = await openVote();
    const snapshot = (await request(f, "evm_snapshot")) as string;
    await vote(f, f.bob, proposalId, Vote.For);
    await indexer.syncToHead();
    expect(await tally(app, f, proposalId)).toEqual({ for: "300", against: "0" });

    // The vote's block is replaced; the chain grows six blocks before the indexer looks again.
    await request(f, "evm_revert", [snapshot]);
    await mine(f, 6);
    await vote(f, f.bob, proposalId, Vote.Against);
    await indexer.syncToHead();

    expect(await tally(app, f, proposalId)).toEqual({ for: "0", against: "300" });
    expect(await snapshotTables(db)).toEqual(await freshIndexOf(f, rpc));
    expect((await app.inject("/readyz")).statusCode).toBe(200);
  });

  it("a reorg three deep, beyond two confirmations, is rolled back in place: no exit, nothing rebuilt", async () => {
    const { f, rpc, db, indexer, app, proposalId, logs } = await openVote();
    const snapshot = (await request(f, "evm_snapshot")) as string;
    await vote(f, f.bob, proposalId, Vote.For);
    await mine(f, 2);
    await indexer.syncToHead();
    expect(indexer.status.cursor - indexer.status.finalized).toBeGreaterThan(2);

    await request(f, "evm_revert", [snapshot]);
    await mine(f, 6);
    await indexer.syncToHead();

    expect(await tally(app, f, proposalId)).toEqual({ for: "0", against: "0" });
    expect(await snapshotTables(db)).toEqual(await freshIndexOf(f, rpc));
    expect(logs).toEqual([{ level: "warn", msg: "reorg: rolled back to the common ancestor" }]);
  });

  it("a reorg deeper than the undo records reach rebuilds the index while the API serves and /readyz says why", async () => {
    const { f, rpc, db, indexer, app, proposalId, logs } = await openVote({ maxReorgDepth: 4 });
    const snapshot = (await request(f, "evm_snapshot")) as string;
    await vote(f, f.bob, proposalId, Vote.For);
    await indexer.syncToHead();
    // The vote's block is now more than four blocks deep: its changes can no longer be undone.
    await mine(f, 10);
    await indexer.syncToHead();

    await request(f, "evm_revert", [snapshot]);
    await mine(f, 12);
    await indexer.step();

    const ready = await app.inject("/readyz");
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({
      ready: false,
      reason: "rebuilding the index from the chain: a reorg went deeper than the 4 blocks it can undo",
    });
    expect(logs.map((l) => l.level)).toEqual(["error"]);
    expect(logs[0]?.msg).toContain("raise MAX_REORG_DEPTH");
    // The API keeps answering while the index is rebuilt.
    expect((await app.inject("/api/collectives")).statusCode).toBe(200);

    await indexer.syncToHead();
    const after = await app.inject("/readyz");
    expect(after.statusCode).toBe(200);
    expect(after.json()).not.toHaveProperty("reason");
    expect(await tally(app, f, proposalId)).toEqual({ for: "0", against: "0" });
    expect(await snapshotTables(db)).toEqual(await freshIndexOf(f, rpc));
  });

  it("a restart finds the reorg that happened while it was down", async () => {
    const { f, rpc, db, indexer, proposalId } = await openVote();
    const snapshot = (await request(f, "evm_snapshot")) as string;
    await vote(f, f.bob, proposalId, Vote.For);
    await indexer.syncToHead();

    await request(f, "evm_revert", [snapshot]);
    await vote(f, f.carol, proposalId, Vote.Against);
    await mine(f, 5);
    const restarted = indexerFor(db, f, rpc.url, 2, {}, quietLogger);
    await restarted.init();
    let reorgs = 0;
    restarted.on("reorg", () => reorgs++);
    await restarted.syncToHead();
    expect(reorgs).toBe(1);
    expect(await snapshotTables(db)).toEqual(await freshIndexOf(f, rpc));
  });
});

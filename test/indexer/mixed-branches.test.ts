/**
 * A provider whose answers come from two branches of the chain: a stale node behind its load
 * balancer answers eth_getLogs (or a block by number) from a branch the chain has left, while the
 * other calls see the chain. The index must never hold a mix of the two: the indexer reads again,
 * fails the step with a MixedBranchesError if the answers keep disagreeing (the run loop retries
 * and /readyz says why), and indexes the chain once the node has caught up.
 */
import { afterEach, describe, expect, it } from "vitest";
import { mintSharesProposal } from "@rhizome/contracts";
import { schema } from "@rhizome/db";
import { MixedBranchesError, type Logger } from "@rhizome/indexer";
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
import { staleNode } from "../helpers/stale-node.js";
import { appOver, backend } from "../api/indexed.js";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const task of cleanup.splice(0).reverse()) await task();
});

const request = (f: Fixture, method: string, params: unknown[] = []) =>
  f.connection.provider.request({ method, params }) as Promise<unknown>;

/**
 * An open vote, then two branches from block `fork`: on the one the chain leaves, bob and carol
 * vote for (recorded by the stale node); on the chain's, bob votes against, then `grow` blocks.
 */
async function twoBranches(grow: number) {
  const f = await collectiveFixture();
  const proposalId = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 5n, "Admit Dave"));
  await advance(f, SETTINGS.votingDelay + 1);
  const fork = Number(await request(f, "eth_blockNumber"));
  const snapshot = await request(f, "evm_snapshot");
  await vote(f, f.bob, proposalId, Vote.For);
  await vote(f, f.carol, proposalId, Vote.For);
  const stale = staleNode(f.connection.provider);
  await stale.record(fork);
  await request(f, "evm_revert", [snapshot]);
  await vote(f, f.bob, proposalId, Vote.Against);
  for (let i = 0; i < grow; i++) await request(f, "evm_mine");

  const rpc = await serveProvider(stale.provider);
  const clean = await serveProvider(f.connection.provider);
  const db = await freshDatabase();
  cleanup.push(
    () => rpc.close(),
    () => clean.close(),
    () => db.close(),
  );
  return { f, proposalId, fork, stale, rpc, clean, db };
}

/** What a brand-new indexer makes of the chain, read through an RPC that answers from it alone. */
async function freshIndexOf(f: Fixture, rpc: RpcServer) {
  const db = await freshDatabase();
  cleanup.push(() => db.close());
  const indexer = indexerFor(db, f, rpc.url);
  await indexer.init();
  await indexer.syncToHead();
  return snapshotTables(db);
}

/** The votes the index holds, as `voter: support`. */
async function votes(db: Awaited<ReturnType<typeof freshDatabase>>) {
  const rows = await db.db.select().from(schema.votes);
  return rows.map((row) => `${row.voter}: ${row.support}`).sort();
}

async function until(condition: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe(`an RPC whose answers come from two branches (${backend})`, () => {
  it("never stores logs from another branch than their blocks': the step fails with MixedBranchesError, and the chain is indexed once the node catches up", async () => {
    const { f, fork, stale, rpc, clean, db } = await twoBranches(3);
    stale.serves.logs = true;
    const indexer = indexerFor(db, f, rpc.url);
    await indexer.init();

    const error = await indexer.syncToHead().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MixedBranchesError);
    expect((error as MixedBranchesError).block).toBeGreaterThan(fork);
    expect((error as Error).message).toMatch(/^The RPC answered from two branches of the chain: eth_getLogs gave/);
    // Nothing above the fork was committed: neither branch's votes, no block of either.
    expect(indexer.status.cursor).toBeLessThanOrEqual(fork);
    expect(await votes(db)).toEqual([]);

    stale.serves.logs = false;
    await indexer.syncToHead();
    expect(await votes(db)).toEqual([`${addressOf(f.bob)}: ${Vote.Against}`]);
    expect(await snapshotTables(db)).toEqual(await freshIndexOf(f, clean));
  });

  it("reads a range again at once when its logs came from a branch the chain has left (a reorg while it was read)", async () => {
    const { f, stale, rpc, clean, db } = await twoBranches(3);
    stale.serves.logs = true;
    const warnings: string[] = [];
    const logger: Logger = {
      ...quietLogger,
      // The stale node catches up as soon as the indexer has seen its answer.
      warn: (_fields, message) => {
        warnings.push(message ?? "");
        stale.serves.logs = false;
      },
    };
    const indexer = indexerFor(db, f, rpc.url, 0, {}, logger);
    await indexer.init();
    await indexer.syncToHead();

    expect(warnings).toEqual(["the RPC answered from two branches of the chain; reading again"]);
    expect(stale.answered.logs).toBeGreaterThan(0);
    expect(await snapshotTables(db)).toEqual(await freshIndexOf(f, clean));
  });

  it("keeps serving while the RPC keeps mixing branches, /readyz saying so, and catches up once it stops", async () => {
    const { f, stale, rpc, clean, db } = await twoBranches(3);
    stale.serves.logs = true;
    const indexer = indexerFor(db, f, rpc.url);
    await indexer.init();
    const app = await appOver(db, indexer);
    cleanup.push(() => app.close());
    const controller = new AbortController();
    const running = indexer.run(controller.signal);
    cleanup.push(async () => {
      controller.abort();
      await running;
    });

    await until(() => indexer.status.reason?.includes("two branches") === true, "the indexer reports the mix");
    const ready = await app.inject("/readyz");
    expect(ready.statusCode).toBe(503);
    expect(ready.json<{ reason: string }>().reason).toMatch(
      /^indexing failed \(The RPC answered from two branches of the chain: .*\); retrying in \d+ s$/,
    );
    expect((await app.inject("/api/collectives")).statusCode).toBe(200);
    expect(await votes(db)).toEqual([]);

    stale.serves.logs = false;
    await until(() => indexer.status.caughtUp, "the indexer catches up");
    expect((await app.inject("/readyz")).statusCode).toBe(200);
    expect(await snapshotTables(db)).toEqual(await freshIndexOf(f, clean));
  });

  it("does not follow a head block whose parent is not the block the index holds", async () => {
    // Two blocks on the chain's branch (bob's vote, then one more), each followed as the head.
    const { f, fork, stale, rpc, clean, db } = await twoBranches(0);
    const indexer = indexerFor(db, f, rpc.url, 2);
    await indexer.init();
    await indexer.syncToHead();
    expect(indexer.status.cursor).toBe(fork + 1);
    await request(f, "evm_mine");
    await request(f, "evm_mine");

    // The stale node answers the next block by number, and that block's logs by its hash: carol's vote for.
    stale.serves.blocks = [fork + 2];
    stale.serves.logs = true;
    await expect(indexer.syncToHead()).rejects.toBeInstanceOf(MixedBranchesError);
    expect(stale.answered.blocks).toBeGreaterThan(0);
    const kept = (await db.db.select().from(schema.blocks)).map((block) => block.hash);
    expect(kept.filter((hash) => stale.hashes().includes(hash))).toEqual([]);
    expect(await votes(db)).toEqual([`${addressOf(f.bob)}: ${Vote.Against}`]);

    stale.serves.blocks = [];
    stale.serves.logs = false;
    await indexer.syncToHead();
    expect(indexer.status.cursor).toBe(fork + 3);
    expect(await snapshotTables(db)).toEqual(await freshIndexOf(f, clean));
  });
});

/**
 * How deep a reorg the index undoes in place, to the block: the blocks it keeps reach exactly
 * MAX_REORG_DEPTH below the head it saw, so a reorg that deep is rolled back to the common
 * ancestor, and one a block deeper finds no kept block on the chain and rebuilds the index from
 * it. Neither leaves the index apart from the chain, and a deep reorg that happens while the
 * indexer is stopped, on a chain that is not a local one, is found at its first step.
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
  waitFor,
  type Fixture,
} from "../helpers/collective.js";
import { freshDatabase, indexerFor, quietLogger, snapshotTables } from "../helpers/indexer.js";
import { serveProvider, type RpcServer } from "../helpers/rpc-server.js";
import { appOver, backend } from "../api/indexed.js";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const task of cleanup.splice(0).reverse()) await task();
});

const CONFIRMATIONS = 2;
const MAX_REORG_DEPTH = 4;

const request = (f: Fixture, method: string, params: unknown[] = []) =>
  f.connection.provider.request({ method, params }) as Promise<unknown>;
const height = async (f: Fixture) => Number(await request(f, "eth_blockNumber"));

/**
 * A vote, then six more blocks, each followed as the head by an indexer that undoes reorgs up to
 * MAX_REORG_DEPTH blocks deep; an EVM snapshot at each height to reorganise back to.
 */
async function followed(faults: { chainId?: number } = {}) {
  const f = await collectiveFixture();
  const proposalId = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 5n, "Admit Dave"));
  await advance(f, SETTINGS.votingDelay + 1);
  const rpc = await serveProvider(f.connection.provider, faults);
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
  const options = { maxReorgDepth: MAX_REORG_DEPTH };
  const indexer = indexerFor(db, f, rpc.url, CONFIRMATIONS, options, logger);
  await indexer.init();
  await indexer.syncToHead();
  const snapshots = new Map<number, string>();
  await vote(f, f.bob, proposalId, Vote.For);
  for (let i = 0; i < 7; i++) {
    if (i > 0) await request(f, "evm_mine");
    snapshots.set(await height(f), (await request(f, "evm_snapshot")) as string);
    await indexer.syncToHead();
  }
  return { f, rpc, db, indexer, logs, options, snapshots, head: await height(f) };
}

/** Replaces the chain's blocks above `depth` below the head: another transaction first, then more blocks than before. */
async function reorganise(f: Fixture, snapshots: Map<number, string>, head: number, depth: number) {
  expect(await request(f, "evm_revert", [snapshots.get(head - depth)])).toBe(true);
  await waitFor(f, f.as(f.carol).shares.write.setProfile(["", "", "https://carol.example/other-branch"]));
  await request(f, "hardhat_mine", [`0x${(depth + 2).toString(16)}`]);
}

async function freshIndexOf(f: Fixture, rpc: RpcServer) {
  const db = await freshDatabase();
  cleanup.push(() => db.close());
  const indexer = indexerFor(db, f, rpc.url);
  await indexer.init();
  await indexer.syncToHead();
  return snapshotTables(db);
}

describe(`the depth of reorg the index undoes in place (${backend})`, () => {
  it(`keeps what undoes exactly ${MAX_REORG_DEPTH} blocks below the head it followed: its finalized block is the head less ${MAX_REORG_DEPTH}`, async () => {
    const { indexer, head } = await followed();
    expect(indexer.status.cursor).toBe(head);
    expect(indexer.status.finalized).toBe(head - MAX_REORG_DEPTH);
  });

  it(`rolls a reorg of exactly ${MAX_REORG_DEPTH} blocks back to the common ancestor, in place`, async () => {
    const { f, rpc, db, indexer, logs, snapshots, head } = await followed();
    const reorgs: { ancestor: number; depth: number }[] = [];
    indexer.on("reorg", (reorg) => reorgs.push(reorg));
    await reorganise(f, snapshots, head, MAX_REORG_DEPTH);
    await indexer.syncToHead();

    expect(reorgs).toEqual([{ ancestor: head - MAX_REORG_DEPTH, depth: MAX_REORG_DEPTH }]);
    expect(logs).toEqual([{ level: "warn", msg: "reorg: rolled back to the common ancestor" }]);
    expect(await snapshotTables(db)).toEqual(await freshIndexOf(f, rpc));
  });

  it(`rebuilds the index from the chain for a reorg one block deeper, /readyz saying why until it has caught up`, async () => {
    const { f, rpc, db, indexer, logs, snapshots, head } = await followed();
    const app = await appOver(db, indexer);
    cleanup.push(() => app.close());
    const reorgs: { ancestor: number; depth: number }[] = [];
    indexer.on("reorg", (reorg) => reorgs.push(reorg));
    await reorganise(f, snapshots, head, MAX_REORG_DEPTH + 1);
    await indexer.step();

    expect(reorgs).toEqual([{ ancestor: f.deployment.startBlock - 1, depth: head - (f.deployment.startBlock - 1) }]);
    expect(logs.map((log) => log.level)).toEqual(["error"]);
    expect((await app.inject("/readyz")).json()).toMatchObject({
      ready: false,
      reason: `rebuilding the index from the chain: a reorg went deeper than the ${MAX_REORG_DEPTH} blocks it can undo`,
    });
    await indexer.syncToHead();
    expect((await app.inject("/readyz")).statusCode).toBe(200);
    expect(await snapshotTables(db)).toEqual(await freshIndexOf(f, rpc));
  });

  it("finds a deeper reorg made while it was stopped, on a chain that is not a local one, at its first step, and rebuilds", async () => {
    // Chain 10: the start does not take the local chain's shortcut of starting afresh.
    const { f, rpc, db, options, snapshots, head } = await followed({ chainId: 10 });
    await reorganise(f, snapshots, head, MAX_REORG_DEPTH + 2);

    const restarted = indexerFor(db, f, rpc.url, CONFIRMATIONS, options, quietLogger);
    await restarted.init();
    expect(restarted.status.cursor).toBe(head);
    const reorgs: { ancestor: number }[] = [];
    restarted.on("reorg", (reorg) => reorgs.push(reorg));
    await restarted.syncToHead();
    expect(reorgs.map((reorg) => reorg.ancestor)).toEqual([f.deployment.startBlock - 1]);
    expect(await snapshotTables(db)).toEqual(await freshIndexOf(f, rpc));
  });
});

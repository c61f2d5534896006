/**
 * What the indexer does with a database that may not be the chain's: an index of another chain or
 * factory is refused, never truncated; a node behind the index, or an RPC whose nodes disagree
 * on which blocks exist, is waited for, never taken for a reorg; and the service serves its API
 * while the chain does not answer.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { schema } from "@rhizome/db";
import { createLogger, IndexMismatchError, loadConfig, startService } from "@rhizome/indexer";
import { collectiveFixture, waitFor } from "../helpers/collective.js";
import { freshDatabaseUrl } from "../helpers/database.js";
import { freshDatabase, indexerFor, snapshotTables } from "../helpers/indexer.js";
import { serveProvider } from "../helpers/rpc-server.js";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const backend = process.env.DATABASE_URL ? "Postgres" : "PGlite";
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const task of cleanup.splice(0).reverse()) await task();
});

async function indexedFixture() {
  const f = await collectiveFixture();
  await waitFor(f, f.as(f.bob).shares.write.setProfile(["", "", "https://bob.example"]));
  const rpc = await serveProvider(f.connection.provider);
  const db = await freshDatabase();
  cleanup.push(
    () => rpc.close(),
    () => db.close(),
  );
  const indexer = indexerFor(db, f, rpc.url);
  await indexer.init();
  await indexer.syncToHead();
  return { f, rpc, db, indexer };
}

describe(`an index that is not this chain's (${backend})`, () => {
  it("is refused, with what to do, when it is another chain's: nothing is truncated", async () => {
    const { f, rpc, db } = await indexedFixture();
    await db.db.update(schema.indexerState).set({ chainId: 10 });
    const before = await snapshotTables(db);
    const error = await indexerFor(db, f, rpc.url)
      .init()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexMismatchError);
    expect((error as Error).message).toBe(
      "The database holds an index of chain 10, but RPC_URL serves chain 31337: point RPC_URL at that chain, " +
        "or give this chain a database of its own (DATABASE_URL or DATA_DIR).",
    );
    expect(await snapshotTables(db)).toEqual(before);
  });

  it("is refused when it is another factory's", async () => {
    const { f, rpc, db } = await indexedFixture();
    const other = indexerFor(db, { ...f, deployment: { ...f.deployment, factory: f.modules.governor } }, rpc.url);
    await expect(other.init()).rejects.toThrow(/^The database holds an index of the factory 0x/);
    expect(await db.db.$count(schema.collectives)).toBe(1);
  });
});

describe(`a node behind the index (${backend})`, () => {
  it("is waited for with /readyz saying so, and the index goes on once it catches up", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.as(f.bob).shares.write.setProfile(["", "", "https://bob.example"]));
    // A chain as a real one (chain 10, not a local development chain, which restarts anew).
    const current = await serveProvider(f.connection.provider, { chainId: 10 });
    const db = await freshDatabase();
    cleanup.push(
      () => current.close(),
      () => db.close(),
    );
    const first = indexerFor(db, f, current.url);
    await first.init();
    // Two long stretches, so that the oldest block the index keeps is 300 blocks below the head.
    for (let i = 0; i < 2; i++) {
      await f.connection.provider.request({ method: "hardhat_mine", params: ["0x12c"] });
      await first.syncToHead();
    }
    // Another indexer's node is 310 blocks behind: below every block the index keeps.
    const lagging = await serveProvider(f.connection.provider, { chainId: 10, lagBlocks: 310 });
    cleanup.push(() => lagging.close());
    const before = await snapshotTables(db);
    const indexer = indexerFor(db, f, lagging.url);
    await indexer.init();
    expect(await indexer.step()).toBe(false);
    expect(indexer.status.caughtUp).toBe(false);
    expect(indexer.status.reason).toMatch(/^the chain's head \(block \d+\) is behind the index \(block \d+\): waiting/);
    expect(await snapshotTables(db)).toEqual(before);

    lagging.faults.lagBlocks = 0;
    await indexer.syncToHead();
    expect(indexer.status.caughtUp).toBe(true);
    expect(indexer.status.reason).toBeUndefined();
    expect(await snapshotTables(db)).toEqual(before);
  });
});

describe(`an RPC whose nodes disagree (${backend})`, () => {
  it("is waited for when its head is above the index but its blocks stop below it, never taken for a reorg", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.as(f.bob).shares.write.setProfile(["", "", "https://bob.example"]));
    await f.connection.provider.request({ method: "hardhat_mine", params: ["0x5"] });
    const rpc = await serveProvider(f.connection.provider, { chainId: 10 });
    const db = await freshDatabase();
    cleanup.push(
      () => rpc.close(),
      () => db.close(),
    );
    // The undo window no deeper than the confirmations: the backfill ends on a block it keeps no
    // undo records for, and the poll after it checks that block's hash alone.
    const indexer = indexerFor(db, f, rpc.url, 2, { maxReorgDepth: 2 });
    await indexer.init();
    do await indexer.step();
    while (indexer.status.cursor < indexer.status.head - 2);
    const before = await snapshotTables(db);
    expect(before.collectives).toHaveLength(1);
    const reorgs: unknown[] = [];
    indexer.on("reorg", (e) => reorgs.push(e));

    // A load balancer: the head from a node in step with the chain, blocks from one 3 behind it.
    rpc.faults.staleBlocks = 3;
    expect(await indexer.step()).toBe(false);
    expect(indexer.status.caughtUp).toBe(false);
    expect(indexer.status.reason).toMatch(
      /^the RPC's head is block \d+ but it does not return block \d+, which the index was built on: waiting/,
    );
    expect(reorgs).toEqual([]);
    expect(await snapshotTables(db)).toEqual(before);

    rpc.faults.staleBlocks = 0;
    await indexer.syncToHead();
    expect(indexer.status.caughtUp).toBe(true);
    expect(reorgs).toEqual([]);
    const fresh = await freshDatabase();
    cleanup.push(() => fresh.close());
    const clean = indexerFor(fresh, f, rpc.url);
    await clean.init();
    await clean.syncToHead();
    expect(await snapshotTables(db)).toEqual(await snapshotTables(fresh));
  });
});

describe(`the service while its chain does not answer (${backend})`, () => {
  it("serves the API, says why it is not ready, and indexes once the chain answers", async () => {
    const f = await collectiveFixture();
    const rpc = await serveProvider(f.connection.provider, { dropNext: Number.MAX_SAFE_INTEGER });
    cleanup.push(() => rpc.close());
    const dir = await mkdtemp(path.join(tmpdir(), "rhizome-start-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const config = loadConfig({
      RPC_URL: rpc.url,
      DATABASE_URL: (await freshDatabaseUrl()) ?? "",
      DATA_DIR: path.join(dir, "db"),
      FACTORY_ADDRESS: f.deployment.factory,
      START_BLOCK: String(f.deployment.startBlock),
      CONFIRMATIONS: "0",
      POLL_INTERVAL_MS: "20",
      PORT: "0",
      LOG_LEVEL: "silent",
    });
    const service = await startService(config, createLogger({ level: "silent", secrets: [] }));
    cleanup.push(() => service.stop());

    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { reason: string }).reason).toMatch(
      /^waiting for the chain at RPC_URL, which does not answer/,
    );
    expect((await fetch(`${service.url}/api/collectives`)).status).toBe(200);
    expect((await fetch(`${service.url}/api/chain`)).status).toBe(503);

    rpc.faults.dropNext = 0;
    const indexer = await service.connected;
    await vi.waitFor(() => expect(indexer.status.caughtUp).toBe(true), { timeout: 30_000 });
    expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    const collectives = (await (await fetch(`${service.url}/api/collectives`)).json()) as { items: unknown[] };
    expect(collectives.items).toHaveLength(1);
    expect(await (await fetch(`${service.url}/api/chain`)).json()).toEqual({
      chainId: 31337,
      factory: f.deployment.factory,
    });
  });
});

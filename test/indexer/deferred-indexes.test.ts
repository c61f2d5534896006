/**
 * The projections' secondary indexes, set aside while an empty index is backfilled below the
 * reorg window and made again when the backfill reaches it: the same indexes, the same rows as an
 * index built with them all along; a process stopped while they are aside gets them back at its
 * next start; an index that already holds blocks never sets them aside.
 */
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { deferredIndexCount, PROJECTION_TABLES, type DatabaseHandle } from "@rhizome/db";
import { collectiveFixture, type Fixture } from "../helpers/collective.js";
import { buildHistory } from "../helpers/history.js";
import { freshDatabase, indexerFor, snapshotTables } from "../helpers/indexer.js";
import { serveProvider, type RpcServer } from "../helpers/rpc-server.js";
import { backend } from "../api/indexed.js";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const task of cleanup.splice(0).reverse()) await task();
});

/** Small enough that the history's first ranges lie below the window. */
const MAX_REORG_DEPTH = 4;
const CONFIRMATIONS = 2;

/** The projection tables' indexes, each as Postgres states it. */
async function indexes(handle: DatabaseHandle): Promise<string[]> {
  const tables = PROJECTION_TABLES.map((t) => `'${t}'`).join(", ");
  const result = (await handle.db.execute(
    sql.raw(`SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN (${tables})`),
  )) as unknown as { rows: { indexdef: string }[] };
  return result.rows.map((row) => row.indexdef).sort();
}

async function history(): Promise<{ f: Fixture; rpc: RpcServer }> {
  const f = await collectiveFixture();
  await buildHistory(f);
  const rpc = await serveProvider(f.connection.provider);
  cleanup.push(() => rpc.close());
  return { f, rpc };
}

async function database(): Promise<DatabaseHandle> {
  const db = await freshDatabase();
  cleanup.push(() => db.close());
  return db;
}

/** An index of the same chain by an indexer that keeps every block: it never sets indexes aside. */
async function keptAllAlong(f: Fixture, rpc: RpcServer) {
  const db = await database();
  const indexer = indexerFor(db, f, rpc.url, CONFIRMATIONS, { maxReorgDepth: 100_000 });
  await indexer.init();
  await indexer.syncToHead();
  expect(await deferredIndexCount(db.db)).toBe(0);
  return snapshotTables(db);
}

const OPTIONS = { maxReorgDepth: MAX_REORG_DEPTH, initialRange: 4 };

/** A history, and an indexer of it stopped after its first range, with the indexes aside. */
async function stoppedAfterFirstRange() {
  const { f, rpc } = await history();
  const db = await database();
  const all = await indexes(db);
  const first = indexerFor(db, f, rpc.url, CONFIRMATIONS, OPTIONS);
  await first.init();
  await first.step();
  const aside = await deferredIndexCount(db.db);
  expect(aside).toBeGreaterThan(0);
  expect(await indexes(db)).not.toEqual(all);
  return { f, rpc, db, all, aside };
}

describe(`the projections' secondary indexes during a backfill (${backend})`, () => {
  it("sets them aside from the first range below the window and makes the same ones again when the backfill reaches it", async () => {
    const { f, rpc } = await history();
    const db = await database();
    const all = await indexes(db);
    const logs: string[] = [];
    const logger = { info: (_: object, msg?: string) => logs.push(msg ?? ""), warn() {}, error() {} };
    const indexer = indexerFor(
      db,
      f,
      rpc.url,
      CONFIRMATIONS,
      { maxReorgDepth: MAX_REORG_DEPTH, initialRange: 4 },
      logger,
    );
    await indexer.init();

    await indexer.step();
    const aside = await deferredIndexCount(db.db);
    // Only the secondary ones: every primary key and unique index stays for the writes' conflicts.
    const left = await indexes(db);
    expect(aside).toBeGreaterThanOrEqual(15);
    expect(left.length).toBe(all.length - aside);
    expect(left.every((definition) => definition.startsWith("CREATE UNIQUE INDEX"))).toBe(true);
    expect(all.filter((definition) => !left.includes(definition)).some((d) => d.includes("votes_by_voter"))).toBe(true);

    await indexer.syncToHead();
    expect(await deferredIndexCount(db.db)).toBe(0);
    expect(await indexes(db)).toEqual(all);
    expect(logs).toContain("secondary indexes made again");
    expect(await snapshotTables(db)).toEqual(await keptAllAlong(f, rpc));
  });

  it("gets them back at the next start's migrate when the process stopped with them aside, and goes on from its cursor", async () => {
    const { f, rpc, db, all } = await stoppedAfterFirstRange();
    // The next start: migrations first, as the service runs them.
    await db.migrate();
    expect(await deferredIndexCount(db.db)).toBe(0);
    expect(await indexes(db)).toEqual(all);
    const restarted = indexerFor(db, f, rpc.url, CONFIRMATIONS, OPTIONS);
    await restarted.init();
    expect(restarted.status.cursor).toBeGreaterThanOrEqual(f.deployment.startBlock);
    // It holds blocks: its next ranges, below the window too, are written with every index.
    await restarted.step();
    expect(await deferredIndexCount(db.db)).toBe(0);
    await restarted.syncToHead();
    expect(await indexes(db)).toEqual(all);
    expect(await snapshotTables(db)).toEqual(await keptAllAlong(f, rpc));
  });

  it("keeps setting them aside across a restart that does not migrate, and makes them again at the window", async () => {
    const { f, rpc, db, all, aside } = await stoppedAfterFirstRange();
    const second = indexerFor(db, f, rpc.url, CONFIRMATIONS, OPTIONS);
    await second.init();
    await second.step();
    expect(await deferredIndexCount(db.db)).toBe(aside);
    await second.syncToHead();
    expect(await deferredIndexCount(db.db)).toBe(0);
    expect(await indexes(db)).toEqual(all);
  });
});

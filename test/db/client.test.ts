import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseLockedError, openDatabase, PROJECTION_TABLES, schema, type DatabaseHandle } from "@rhizome/db";
import { freshDatabaseUrl } from "../helpers/database.js";

describe(`@rhizome/db on ${process.env.DATABASE_URL ? "Postgres" : "PGlite"}`, () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("applies the migrations and reverts a block's changes to the common ancestor", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "rhizome-db-"));
    dirs.push(dir);
    const url = await freshDatabaseUrl();
    const handle = await openDatabase({ url, dataDir: path.join(dir, "db") });
    try {
      await handle.migrate();
      const { db } = handle;
      // Block 10 is final: nothing is recorded.
      await db.insert(schema.principles).values({ collective: "0xC", index: 0, name: "Care", updatedBlock: 10 });
      // Block 11 is not: its changes are recorded and can be undone.
      await db.transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('rhizome.block', '11', true)`);
        await tx
          .update(schema.principles)
          .set({ name: "Care more", updatedBlock: 11 })
          .where(sql`index = 0`);
        await tx.insert(schema.principles).values({ collective: "0xC", index: 1, name: "New", updatedBlock: 11 });
      });
      await db.transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('rhizome.block', '12', true)`);
        await tx.delete(schema.principles).where(sql`index = 0`);
      });
      expect((await db.select().from(schema.principles)).map((p) => p.name)).toEqual(["New"]);
      const reverted = (await db.execute(sql`SELECT rhizome_revert_to(10) AS n`)) as unknown as { rows: unknown[] };
      expect(reverted.rows[0]).toEqual({ n: 3 });
      expect(await db.select().from(schema.principles)).toEqual([
        { collective: "0xC", index: 0, name: "Care", updatedBlock: 10 },
      ]);
      expect((await db.select().from(schema.reorgLog)).length).toBe(0);
    } finally {
      await handle.close();
    }
  });

  /** A migrated database in a folder of its own, closed after `use`. */
  async function withDatabase(use: (handle: DatabaseHandle) => Promise<void>) {
    const dir = await mkdtemp(path.join(tmpdir(), "rhizome-db-"));
    dirs.push(dir);
    const handle = await openDatabase({ url: await freshDatabaseUrl(), dataDir: path.join(dir, "db") });
    try {
      await handle.migrate();
      await use(handle);
    } finally {
      await handle.close();
    }
  }
  const rows = async (handle: DatabaseHandle) =>
    (await handle.db.select().from(schema.principles).orderBy(schema.principles.index)).map((p) => [p.index, p.name]);

  it("records one undo entry per statement, an upsert's inserted and updated rows included, and reverts them", async () => {
    await withDatabase(async (handle) => {
      const { db } = handle;
      const principle = (index: number, name: string, updatedBlock: number) => ({
        collective: "0xC",
        index,
        name,
        updatedBlock,
      });
      await db.insert(schema.principles).values([principle(0, "Care", 10), principle(1, "Craft", 10)]);
      await db.transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('rhizome.block', '11', true)`);
        // One statement: rows 0 and 1 are updated, rows 2 and 3 inserted.
        await tx
          .insert(schema.principles)
          .values([
            principle(0, "Care more", 11),
            principle(1, "Craft more", 11),
            principle(2, "A", 11),
            principle(3, "B", 11),
          ])
          .onConflictDoUpdate({
            target: [schema.principles.collective, schema.principles.index],
            set: { name: sql`excluded.name`, updatedBlock: sql`excluded.updated_block` },
          });
        await tx.delete(schema.principles).where(sql`index = 3`);
      });
      expect(await rows(handle)).toEqual([
        [0, "Care more"],
        [1, "Craft more"],
        [2, "A"],
      ]);
      // The upsert (an insert and an update) and the delete: three records, not one per row.
      const log = await db.select().from(schema.reorgLog).orderBy(schema.reorgLog.id);
      expect(log.map((entry) => entry.operation).sort()).toEqual(["DELETE", "INSERT", "UPDATE"]);
      await db.execute(sql`SELECT rhizome_revert_to(10)`);
      expect(await rows(handle)).toEqual([
        [0, "Care"],
        [1, "Craft"],
      ]);
    });
  });

  it("reverts the one-row undo records that earlier versions wrote", async () => {
    await withDatabase(async (handle) => {
      const { db } = handle;
      await db.insert(schema.principles).values({ collective: "0xC", index: 0, name: "Changed", updatedBlock: 11 });
      const before = { collective: "0xC", index: 0, name: "Care", updated_block: 10 };
      const after = { ...before, name: "Changed", updated_block: 11 };
      await db.insert(schema.reorgLog).values({
        blockNumber: 11,
        tableName: "principles",
        operation: "UPDATE",
        newRow: after,
        oldRow: before,
      });
      await db.execute(sql`SELECT rhizome_revert_to(10)`);
      expect(await rows(handle)).toEqual([[0, "Care"]]);
    });
  });

  it("records the changes of every projection table", async () => {
    await withDatabase(async (handle) => {
      const result = (await handle.db.execute(
        sql`SELECT c.relname AS "table", array_agg(t.tgname::text ORDER BY t.tgname) AS triggers
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE NOT t.tgisinternal GROUP BY c.relname`,
      )) as unknown as { rows: { table: string; triggers: string[] }[] };
      const byTable = new Map(result.rows.map((row) => [row.table, row.triggers]));
      for (const table of PROJECTION_TABLES) {
        expect(byTable.get(table), table).toEqual([
          `${table}_reorg_delete`,
          `${table}_reorg_insert`,
          `${table}_reorg_update`,
        ]);
      }
    });
  });

  it("refuses a second writer on the same database", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "rhizome-db-"));
    dirs.push(dir);
    const dataDir = path.join(dir, "db");
    const url = await freshDatabaseUrl();
    const first = await openDatabase({ url, dataDir, writer: true });
    await expect(openDatabase({ url, dataDir, writer: true })).rejects.toBeInstanceOf(DatabaseLockedError);
    // A reader (the API of another process) is welcome.
    const reader = await openDatabase({ url, dataDir: url ? undefined : path.join(dir, "other"), writer: false });
    await reader.close();
    await first.close();
    // Once the first writer is gone, the lock can be taken again.
    const third = await openDatabase({ url, dataDir, writer: true });
    await third.close();
  });
});

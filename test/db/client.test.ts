import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
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

describe("the PGlite lock file", () => {
  const dirs: string[] = [];
  const sleepers: ChildProcess[] = [];
  afterAll(async () => {
    for (const sleeper of sleepers) sleeper.kill();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  /** A data folder, and a live process that is no indexer: what a killed indexer's pid may become. */
  async function folderAndStranger() {
    const dir = await mkdtemp(path.join(tmpdir(), "rhizome-lock-"));
    dirs.push(dir);
    const stranger = spawn("sleep", ["30"], { stdio: "ignore" });
    sleepers.push(stranger);
    await once(stranger, "spawn");
    return { dataDir: path.join(dir, "db"), lockFile: `${path.join(dir, "db")}.lock`, pid: stranger.pid ?? 0 };
  }

  it("takes over a lock whose pid now belongs to another process, in the earlier format or the new one", async () => {
    const { dataDir, lockFile, pid } = await folderAndStranger();
    // Earlier versions wrote the pid alone.
    await writeFile(lockFile, String(pid));
    const first = await openDatabase({ dataDir, writer: true });
    await first.close();
    // The new format names the process by when it started too; this one started at another time.
    await writeFile(lockFile, JSON.stringify({ pid, started: "another-boot/12345" }));
    const second = await openDatabase({ dataDir, writer: true });
    expect(JSON.parse(await readFile(lockFile, "utf8"))).toMatchObject({ pid: process.pid });
    await second.close();
    await expect(readFile(lockFile, "utf8")).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("still refuses to open beside a live indexer, of this version or an earlier one", async () => {
    const { dataDir, lockFile } = await folderAndStranger();
    const writer = await openDatabase({ dataDir, writer: true });
    const written = await readFile(lockFile, "utf8");
    await expect(openDatabase({ dataDir, writer: true })).rejects.toThrow(
      `Another indexer (pid ${process.pid}) is writing to ${dataDir}; stop it first.`,
    );
    await writer.close();
    // A live Node process named by an earlier version's lock is taken for the indexer it was.
    await writeFile(lockFile, String(process.pid));
    await expect(openDatabase({ dataDir, writer: true })).rejects.toBeInstanceOf(DatabaseLockedError);
    // And the lock as this version writes it, left by a writer that is still alive, holds.
    await writeFile(lockFile, written);
    await expect(openDatabase({ dataDir, writer: true })).rejects.toBeInstanceOf(DatabaseLockedError);
  });
});

const postgres = process.env.DATABASE_URL;
if (!postgres)
  console.warn("[db] client.test.ts: the Postgres connection checks are skipped; set DATABASE_URL to run them.");

describe.skipIf(!postgres)("@rhizome/db's Postgres connections", () => {
  const handles: DatabaseHandle[] = [];
  afterAll(async () => {
    for (const handle of handles) await handle.close().catch(() => undefined);
  });

  /** Runs `query` on the handle's database from a connection of its own. */
  async function asAdmin<T extends pg.QueryResultRow>(url: string, query: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(query)).rows;
    } finally {
      await client.end();
    }
  }
  const terminateOthers = (url: string) =>
    asAdmin<{ terminated: boolean }>(
      url,
      `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
  const advisoryLocks = async (url: string) =>
    Number(
      (
        await asAdmin<{ n: string }>(
          url,
          `SELECT count(*) AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
           WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()`,
        )
      )[0]?.n,
    );

  it("survives its connections being terminated, and takes the writer's lock again", async () => {
    const url = (await freshDatabaseUrl()) ?? "";
    const errors: Error[] = [];
    const handle = await openDatabase({ url, writer: true, onError: (error) => errors.push(error) });
    handles.push(handle);
    await handle.migrate();
    // A connection idle in each pool, and one in use: inside a transaction, between two statements.
    await handle.reads.execute(sql`SELECT 1`);
    let inside!: () => void;
    let resume!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    const transaction = handle.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT 1`);
      inside();
      await resumed;
      await tx.execute(sql`SELECT 2`);
    });
    await entered;
    await handle.db.execute(sql`SELECT 1`);

    const terminated = await terminateOthers(url);
    // The lock's session, the transaction's, and an idle one in each pool.
    expect(terminated.length).toBeGreaterThanOrEqual(4);
    resume();
    await expect(transaction).rejects.toThrow();

    // The process is still here, and queries get new connections. A query may still pick an idle
    // connection whose termination has not reached the pool yet (it arrives as a message on the
    // socket, after the fact): that one query fails, and the dead connection leaves the pool.
    await vi.waitFor(
      async () => expect(await handle.db.execute(sql`SELECT 1 AS one`)).toMatchObject({ rows: [{ one: 1 }] }),
      {
        timeout: 5_000,
        interval: 50,
      },
    );
    await vi.waitFor(
      async () => expect(await handle.reads.execute(sql`SELECT 2 AS two`)).toMatchObject({ rows: [{ two: 2 }] }),
      {
        timeout: 5_000,
        interval: 50,
      },
    );
    await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0));
    expect(errors.some((error) => error instanceof DatabaseLockedError)).toBe(false);

    // The session lock ended with its connection; the handle took it again on a new one.
    await vi.waitFor(async () => expect(await advisoryLocks(url)).toBe(1), { timeout: 10_000, interval: 100 });
    await expect(openDatabase({ url, writer: true })).rejects.toBeInstanceOf(DatabaseLockedError);
  });

  it("tells when another indexer took the lock while its connection was gone", async () => {
    const url = (await freshDatabaseUrl()) ?? "";
    const errors: Error[] = [];
    const handle = await openDatabase({ url, writer: true, onError: (error) => errors.push(error) });
    handles.push(handle);
    // Another indexer, waiting for the lock, takes it the moment the session holding it ends.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      const waiting = other.query("SELECT pg_advisory_lock($1)", [0x72_68_69_7a_6f_6d_65n.toString()]);
      await vi.waitFor(async () => {
        const rows = await asAdmin<{ n: string }>(url, "SELECT count(*) AS n FROM pg_locks WHERE NOT granted");
        expect(Number(rows[0]?.n)).toBe(1);
      });
      await asAdmin(
        url,
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%pg_try_advisory_lock%'`,
      );
      await waiting;
      await vi.waitFor(() => expect(errors.find((error) => error instanceof DatabaseLockedError)).toBeDefined(), {
        timeout: 10_000,
      });
      expect(errors.find((error) => error instanceof DatabaseLockedError)?.message).toMatch(
        /lost with its connection, and another indexer took it/,
      );
    } finally {
      await other.end();
    }
  });

  it("cancels a read that runs too long, never the writer's statements", async () => {
    const url = (await freshDatabaseUrl()) ?? "";
    const handle = await openDatabase({ url, writer: true, readTimeoutMs: 200 });
    handles.push(handle);
    await expect(handle.reads.execute(sql`SELECT pg_sleep(2)`)).rejects.toSatisfy((error: Error) =>
      /statement timeout/.test(`${error.message} ${String(error.cause)}`),
    );
    await expect(handle.db.execute(sql`SELECT pg_sleep(0.5) AS slept`)).resolves.toMatchObject({
      rows: [{ slept: "" }],
    });
    // The cancelled read's connection is back in use.
    expect(await handle.reads.execute(sql`SELECT 1 AS one`)).toMatchObject({ rows: [{ one: 1 }] });
  });
});

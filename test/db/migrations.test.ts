/**
 * Upgrading a database in place: an index made before the quorum history (migration 0004) cannot
 * be completed from what it holds, so the migration empties it and the indexer starts afresh.
 * And the tables by role: every table is a projection with its undo triggers, or bookkeeping.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { getTableName, isTable } from "drizzle-orm";
import {
  BOOKKEEPING_TABLES,
  OFFCHAIN_TABLES,
  openDatabase,
  PROJECTION_TABLES,
  SCHEMA_TABLES,
  schema,
  type DatabaseHandle,
} from "@rhizome/db";
import { freshDatabaseUrl } from "../helpers/database.js";

const migrations = fileURLToPath(new URL("../../packages/db/migrations", import.meta.url));

/** Applies the migrations of `folder` only, as a database made by an older release had them. */
async function migrateFrom(handle: DatabaseHandle, folder: string): Promise<void> {
  if (handle.kind === "pglite")
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: folder });
  else await migratePg(handle.db as unknown as NodePgDatabase, { migrationsFolder: folder });
}

describe(`migrations on ${process.env.DATABASE_URL ? "Postgres" : "PGlite"}`, () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("empties an index made before the quorum history, so the indexer starts afresh", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "rhizome-migrations-"));
    dirs.push(dir);
    // The migrations up to 0003, as the release before the quorum history shipped them.
    const older = path.join(dir, "migrations");
    await cp(migrations, older, { recursive: true });
    const journalFile = path.join(older, "meta", "_journal.json");
    const journal = JSON.parse(await readFile(journalFile, "utf8")) as { entries: { idx: number }[] };
    journal.entries = journal.entries.filter((entry) => entry.idx < 4);
    await writeFile(journalFile, JSON.stringify(journal));

    const handle = await openDatabase({ url: await freshDatabaseUrl(), dataDir: path.join(dir, "db") });
    try {
      await migrateFrom(handle, older);
      const { db } = handle;
      await db.insert(schema.principles).values({ collective: "0xC", index: 0, name: "Care", updatedBlock: 10 });
      // In that release's columns: the schema of today has more.
      await db.execute(
        sql.raw(`INSERT INTO indexer_state (chain_id, genesis_hash, factory, start_block, cursor_block,
          finalized_block, head_block, head_timestamp) VALUES (1, '0x01', '0xF', 1, 10, 10, 10, 1000)`),
      );

      await handle.migrate();
      expect(await db.select().from(schema.principles)).toEqual([]);
      expect(await db.select().from(schema.indexerState)).toEqual([]);
      // Every projection, the new one included, is there and empty.
      for (const table of PROJECTION_TABLES) {
        const result = (await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))) as unknown as {
          rows: { n: number }[];
        };
        expect(result.rows[0], table).toEqual({ n: 0 });
      }
    } finally {
      await handle.close();
    }
  });

  it("gives every projection table its undo triggers from PROJECTION_TABLES, and has no table outside the four lists", async () => {
    const listed: string[] = [...PROJECTION_TABLES, ...BOOKKEEPING_TABLES, ...OFFCHAIN_TABLES, ...SCHEMA_TABLES].sort();
    const inSchema = Object.values(schema)
      .filter((value) => isTable(value))
      .map((table) => getTableName(table))
      .sort();
    expect(inSchema).toEqual(listed);

    const handle = await openDatabase({ url: await freshDatabaseUrl() });
    try {
      await handle.migrate();
      const rows = async (query: string) =>
        ((await handle.db.execute(sql.raw(query))) as unknown as { rows: Record<string, string>[] }).rows;
      const tables = (
        await rows(`SELECT table_name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)
      ).map((row) => row.table_name);
      expect(tables.sort()).toEqual(listed);
      const triggers = async () =>
        (
          await rows(`SELECT c.relname AS "table", t.tgname AS "trigger" FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid
            WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal`)
        )
          .map((row) => `${row.table}.${row.trigger}`)
          .sort();
      const expected = PROJECTION_TABLES.flatMap((table) =>
        ["delete", "insert", "update"].map((op) => `${table}.${table}_reorg_${op}`),
      ).sort();
      expect(await triggers()).toEqual(expected);

      // A trigger lost (or a table added to the list) is put right by the next start's migrate.
      await handle.db.execute(sql.raw("DROP TRIGGER vetoes_reorg_insert ON vetoes"));
      expect(await triggers()).not.toContain("vetoes.vetoes_reorg_insert");
      await handle.migrate();
      expect(await triggers()).toEqual(expected);
    } finally {
      await handle.close();
    }
  });
});

/**
 * The projections' secondary indexes, set aside while a backfill from an empty index writes the
 * ranges below the reorg window, and made again in one pass before anything else is written.
 * Postgres keeps every index of a table up to date row by row; a backfill that inserts a chain's
 * history keeps them up to date for nobody (no range reads them: the handlers read rows by their
 * keys), and building an index once over the whole table is faster than keeping it row by row.
 * Primary keys and unique indexes stay: the writes' ON CONFLICT clauses need them.
 * Each index set aside is recorded, with the statement that makes it, in deferred_indexes in the
 * same transaction as it is dropped. A process that stops before making them again leaves them
 * there, and the next `migrate()` makes them before it applies any migration (which was written
 * against a schema that has them).
 */
import { sql } from "drizzle-orm";
import type { Database } from "./client.js";
import { PROJECTION_TABLES } from "./tables.js";

type Rows<T> = { rows: T[] };

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as Rows<T>).rows;
}

/**
 * Drops the projection tables' secondary indexes (neither primary nor unique), recording each
 * one's definition first. Returns how many were set aside (0 when they already were).
 */
export async function deferIndexes(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const found = await rows<{ name: string; table: string; definition: string }>(
      tx as unknown as Database,
      sql`SELECT i.relname AS name, t.relname AS "table", pg_get_indexdef(x.indexrelid) AS definition
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = current_schema() AND t.relname = ANY(${sql.param([...PROJECTION_TABLES])}::text[])
          AND NOT x.indisunique AND NOT x.indisprimary
        ORDER BY i.relname`,
    );
    for (const { name, table, definition } of found) {
      await tx.execute(
        sql`INSERT INTO deferred_indexes (name, table_name, definition) VALUES (${name}, ${table}, ${definition})
          ON CONFLICT (name) DO NOTHING`,
      );
      await tx.execute(sql.raw(`DROP INDEX "${name.replaceAll('"', '""')}"`));
    }
    return found.length;
  });
}

/** How many indexes are set aside and not yet made again. */
export async function deferredIndexCount(db: Database): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM deferred_indexes`);
  return row?.n ?? 0;
}

/**
 * Makes every index set aside again, in one transaction with forgetting them: a process stopped
 * midway leaves them all recorded, and the next call makes them (those already there are kept).
 * Returns how many it made.
 */
export async function restoreIndexes(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const found = await rows<{ definition: string }>(
      tx as unknown as Database,
      sql`SELECT definition FROM deferred_indexes ORDER BY name`,
    );
    for (const { definition } of found) {
      // pg_get_indexdef's "CREATE INDEX name ON …" (never UNIQUE: those are not set aside).
      await tx.execute(sql.raw(definition.replace(/^CREATE INDEX /, "CREATE INDEX IF NOT EXISTS ")));
    }
    await tx.execute(sql`DELETE FROM deferred_indexes`);
    return found.length;
  });
}

/** restoreIndexes, on a database that may not have the table yet (before its first migration). */
export async function restoreIndexesBeforeMigrating(db: Database): Promise<void> {
  const [row] = await rows<{ present: boolean }>(
    db,
    sql`SELECT to_regclass('deferred_indexes') IS NOT NULL AS present`,
  );
  if (row?.present) await restoreIndexes(db);
}

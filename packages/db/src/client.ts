/**
 * Opens Rhizome's database: PGlite in a data folder by default (embedded Postgres, nothing to
 * install), or Postgres when a connection URL is given. Both get the same drizzle schema and
 * migrations, and the same guard against a second indexer writing to them.
 */
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { AdvisoryLock } from "./advisory-lock.js";
import { restoreIndexesBeforeMigrating } from "./deferred-indexes.js";
import { listenTo, type ListenHandlers, type Listening } from "./listener.js";
import { releaseLockFile, takeLockFile } from "./lock-file.js";
import { createPool, READ_STATEMENT_TIMEOUT_MS } from "./pool.js";
import * as schema from "./schema/index.js";
import { PROJECTION_TABLES } from "./tables.js";

export { DatabaseLockedError } from "./errors.js";
export type { ListenHandlers, Listening } from "./listener.js";
export { CONNECT_TIMEOUT_MS, IDLE_TIMEOUT_MS, READ_STATEMENT_TIMEOUT_MS } from "./pool.js";

export type Schema = typeof schema;
/** Either driver behind one type: what the indexer and the API are written against. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction on either driver, as `db.transaction` hands it to its callback. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

/**
 * How many of this release's migrations the database has not had: drizzle records each applied
 * one by its journal time, and applies those newer than the newest it recorded. A database that
 * was never migrated has them all pending.
 */
async function countPending(db: Database): Promise<number> {
  const journal = JSON.parse(await readFile(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  let newest = 0;
  try {
    const result = (await db.execute(
      sql`SELECT max(created_at) AS newest FROM drizzle.__drizzle_migrations`,
    )) as unknown as { rows: { newest: string | number | null }[] };
    newest = Number(result.rows[0]?.newest ?? 0);
  } catch (error) {
    // No migration table (42P01), or not even its schema (3F000): nothing was applied.
    const code =
      (error as { code?: string; cause?: { code?: string } }).code ??
      (error as { cause?: { code?: string } }).cause?.code;
    if (code !== "42P01" && code !== "3F000") throw error;
  }
  return journal.entries.filter((entry) => entry.when > newest).length;
}

/**
 * Gives every table of PROJECTION_TABLES the undo triggers that let a reorg roll it back
 * (migration 0014's function): the list in tables.ts is their one source.
 */
async function installReorgTriggers(db: Database): Promise<void> {
  const names = PROJECTION_TABLES.map((table) => `'${table}'`).join(", ");
  await db.execute(sql.raw(`SELECT rhizome_install_reorg_triggers(ARRAY[${names}]::text[])`));
}

export interface DatabaseHandle {
  /** For the indexer's writes and migrations: statements run as long as they need. */
  db: Database;
  /**
   * For the API's reads. On Postgres, a pool of its own whose statements Postgres cancels after
   * `readTimeoutMs`, so that a stuck query cannot hold a connection for long; on PGlite, `db`.
   */
  reads: Database;
  kind: "pglite" | "postgres";
  /** Where the data lives: the PGlite folder, or the Postgres URL without its password. */
  location: string;
  /** Applies every pending migration. */
  migrate(): Promise<void>;
  /**
   * How many of this release's migrations are not applied: a process that does not migrate (an
   * API replica) waits for the indexer to apply them.
   */
  pendingMigrations(): Promise<number>;
  /**
   * LISTENs on `channel` over a connection of its own, made again when it drops (Postgres only:
   * PGlite lives in one process, which has nothing to hear from another).
   */
  listen(channel: string, handlers: ListenHandlers): Promise<Listening>;
  /** Connections of each pool (Postgres): what metrics report. None on PGlite, which has no pool. */
  pools(): PoolUse[];
  close(): Promise<void>;
}

/** A connection pool's use at one moment. */
export interface PoolUse {
  pool: "writer" | "reads";
  /** Connections open, idle among them, and queries waiting for one. */
  total: number;
  idle: number;
  waiting: number;
}

export interface OpenDatabaseOptions {
  /** A postgres:// URL; PGlite when absent. */
  url?: string | undefined;
  /** PGlite's data folder; in memory when absent. */
  dataDir?: string | undefined;
  /**
   * Take the writer's lock before anything else, so that two indexers never write to one
   * database: a session advisory lock on Postgres, a lock file beside PGlite's folder.
   * Throws DatabaseLockedError when another process holds it.
   */
  writer?: boolean;
  /** Milliseconds after which Postgres cancels a statement of `reads` (READ_STATEMENT_TIMEOUT_MS). */
  readTimeoutMs?: number;
  /**
   * Told what goes wrong outside any query: a Postgres connection that died while idle (Postgres
   * restarted, its backend was terminated), which the pool replaces, and a DatabaseLockedError when
   * the writer's lock, lost with its connection, was taken by another indexer before this one could
   * take it again. Nothing is thrown for these; without this option they are not told.
   */
  onError?: (error: Error) => void;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const writer = options.writer ?? false;
  return options.url ? openPostgres(options.url, writer, options) : openPglite(options.dataDir, writer);
}

async function openPostgres(url: string, writer: boolean, options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const location = url.replace(/:[^:@/]*@/, ":***@");
  const onError = options.onError ?? (() => undefined);
  const lock = writer ? await AdvisoryLock.take(url, location, onError) : undefined;
  // Two pools, opening connections only when used: the writer's, and the API's with a statement
  // timeout (a session setting, so it cannot be set for some queries of one pool and not others).
  const pool = createPool(url, { onError });
  const readPool = createPool(url, { onError, statementTimeoutMs: options.readTimeoutMs ?? READ_STATEMENT_TIMEOUT_MS });
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  return {
    db,
    reads: drizzlePg(readPool, { schema }) as unknown as Database,
    kind: "postgres",
    location,
    async migrate() {
      await restoreIndexesBeforeMigrating(db);
      await migratePg(drizzlePg(pool, { schema }), { migrationsFolder });
      await installReorgTriggers(db);
    },
    pendingMigrations: () => countPending(db),
    listen: (channel, handlers) => listenTo(url, channel, handlers),
    pools: () =>
      (
        [
          ["writer", pool],
          ["reads", readPool],
        ] as const
      ).map(([name, p]) => ({ pool: name, total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount })),
    async close() {
      await Promise.all([pool.end(), readPool.end()]);
      await lock?.release();
    },
  };
}

async function openPglite(dataDir: string | undefined, writer: boolean): Promise<DatabaseHandle> {
  const lockFile = dataDir && writer ? `${path.resolve(dataDir)}.lock` : undefined;
  if (dataDir) await mkdir(dataDir, { recursive: true });
  // The lock comes before PGlite opens the folder: a refused indexer must not touch it.
  if (lockFile) await takeLockFile(lockFile, dataDir ?? "");
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  try {
    await client.waitReady;
  } catch (error) {
    if (lockFile) await releaseLockFile(lockFile);
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    // One connection, in this process: nothing to hold, and nothing to time out.
    reads: db,
    kind: "pglite",
    location: dataDir ?? "memory",
    async migrate() {
      await restoreIndexesBeforeMigrating(db);
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
      await installReorgTriggers(db);
    },
    pendingMigrations: () => countPending(db),
    listen: () => Promise.reject(new Error("PGlite lives in one process: LISTEN needs Postgres (DATABASE_URL)")),
    pools: () => [],
    async close() {
      await client.close();
      if (lockFile) await releaseLockFile(lockFile);
    },
  };
}

/**
 * Opens Rhizome's database: PGlite in a data folder by default (embedded Postgres, nothing to
 * install), or Postgres when a connection URL is given. Both get the same drizzle schema and
 * migrations, and the same guard against a second indexer writing to them.
 */
import { mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/** Either driver behind one type: what the indexer and the API are written against. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction on either driver, as `db.transaction` hands it to its callback. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

/** Another indexer already writes to this database. */
export class DatabaseLockedError extends Error {
  override name = "DatabaseLockedError";
}

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** Where the data lives: the PGlite folder, or the Postgres URL without its password. */
  location: string;
  /** Applies every pending migration. */
  migrate(): Promise<void>;
  close(): Promise<void>;
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
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const writer = options.writer ?? false;
  return options.url ? openPostgres(options.url, writer) : openPglite(options.dataDir, writer);
}

/** The advisory lock key Rhizome's indexer takes on Postgres ("rhizome" in ASCII). */
const ADVISORY_LOCK_KEY = 0x72_68_69_7a_6f_6d_65n;

async function openPostgres(url: string, writer: boolean): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const location = url.replace(/:[^:@/]*@/, ":***@");
  let lockClient: pg.PoolClient | undefined;
  if (writer) {
    // A session lock lives as long as its connection, which is kept out of the pool for it.
    lockClient = await pool.connect();
    const result = await lockClient.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      ADVISORY_LOCK_KEY.toString(),
    ]);
    if (!result.rows[0]?.locked) {
      lockClient.release();
      await pool.end();
      throw new DatabaseLockedError(`Another indexer is writing to ${location}; stop it first.`);
    }
  }
  return {
    db: drizzlePg(pool, { schema }) as unknown as Database,
    kind: "postgres",
    location,
    migrate: () => migratePg(drizzlePg(pool, { schema }), { migrationsFolder }),
    async close() {
      lockClient?.release();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string | undefined, writer: boolean): Promise<DatabaseHandle> {
  const lockFile = dataDir && writer ? `${path.resolve(dataDir)}.lock` : undefined;
  if (dataDir) await mkdir(dataDir, { recursive: true });
  // The lock comes before PGlite opens the folder: a refused indexer must not touch it.
  if (lockFile) await takeLockFile(lockFile, dataDir ?? "");
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    kind: "pglite",
    location: dataDir ?? "memory",
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder }),
    async close() {
      await client.close();
      if (lockFile) await rm(lockFile, { force: true });
    },
  };
}

/** PGlite does not lock its folder: a lock file beside it, with the owner's pid, does. */
async function takeLockFile(file: string, dataDir: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number((await readFile(file, "utf8").catch(() => "")).trim());
      if (owner && isAlive(owner)) {
        throw new DatabaseLockedError(`Another indexer (pid ${owner}) is writing to ${dataDir}; stop it first.`);
      }
      // The owner is gone: the lock is stale.
      await rm(file, { force: true });
    }
  }
  throw new DatabaseLockedError(`Could not take the lock on ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

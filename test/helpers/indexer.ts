/** An indexer on a fresh database (PGlite in memory, or Postgres when DATABASE_URL is set). */
import { sql } from "drizzle-orm";
import { openDatabase, PROJECTION_TABLES, type DatabaseHandle } from "@rhizome/db";
import { createRpc, Indexer, type IndexerOptions, type Logger } from "@rhizome/indexer";
import type { Fixture } from "./collective.js";
import { freshDatabaseUrl } from "./database.js";

export const quietLogger: Logger = { info() {}, warn() {}, error() {} };

/** Opens a database for a test: a fresh in-memory PGlite, or a new database on the test Postgres. */
export async function freshDatabase(options: { dataDir?: string; url?: string } = {}): Promise<DatabaseHandle> {
  const handle = await openDatabase({ url: options.url ?? (await freshDatabaseUrl()), dataDir: options.dataDir });
  await handle.migrate();
  return handle;
}

export function indexerFor(
  handle: DatabaseHandle,
  f: Fixture,
  rpcUrl: string,
  confirmations = 0,
  options: Partial<IndexerOptions> = {},
  logger: Logger = quietLogger,
) {
  return new Indexer(
    handle.db,
    createRpc(rpcUrl),
    { factory: f.deployment.factory, startBlock: f.deployment.startBlock, confirmations, pollInterval: 20, ...options },
    logger,
  );
}

/** Every projection's rows, in a stable order, for comparing an index with another. */
export async function snapshotTables(handle: DatabaseHandle): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of PROJECTION_TABLES) {
    const result = (await handle.db.execute(sql.raw(`SELECT * FROM ${table}`))) as unknown as {
      rows: Record<string, unknown>[];
    };
    out[table] = result.rows
      .map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)))
      .sort();
  }
  return out;
}

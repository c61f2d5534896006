/**
 * Databases for tests. Without DATABASE_URL: PGlite (in memory, or in a folder). With it: a new,
 * empty Postgres database per call, created on that server, so test files running side by side
 * never see each other's rows.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

/** A fresh database URL on the test Postgres, or undefined to use PGlite. */
export async function freshDatabaseUrl(): Promise<string | undefined> {
  const base = process.env.DATABASE_URL;
  if (!base) return undefined;
  const name = `rhizome_test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

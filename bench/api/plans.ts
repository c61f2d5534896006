/**
 * The SQL behind each route, captured with a drizzle query logger while the route's repository
 * calls run against the seeded database, then explained on Postgres with EXPLAIN (ANALYZE,
 * BUFFERS): whether any plan reads the votes table sequentially, and which tables are.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { schema, type Database } from "@rhizome/db";
import { createRepositories } from "../../apps/indexer/src/repositories/index.js";
import type { BenchRoute } from "./routes.js";

export interface RoutePlan {
  /** Any plan of the route's queries has a Seq Scan on votes. */
  votesSeqScan: boolean;
  /** Tables read by a Seq Scan in any of the route's plans, with how often. */
  seqScans: string[];
  /** Distinct queries the route ran over the variants explained. */
  queries: number;
  /** The slowest query's execution time, in ms, as EXPLAIN ANALYZE measured it. */
  slowestMs: number;
  /** The first lines of the slowest query's plan. */
  plan: string;
}

export interface Captured {
  sql: string;
  params: unknown[];
}

/** Variants explained per route: all of them for the filters, a few ids with the busiest first. */
const MAX_VARIANTS = 8;

/**
 * The queries each route's repository calls run for its first `variants` paths, in order, one list
 * per path, with bigint parameters as text (as pg sends them).
 */
export async function captureQueries(
  url: string,
  routes: BenchRoute[],
  variants: number,
): Promise<Map<string, Captured[][]>> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  let captured: Captured[] = [];
  const db = drizzle(pool, {
    schema,
    logger: {
      logQuery: (sql, params) =>
        captured.push({ sql, params: params.map((p) => (typeof p === "bigint" ? p.toString() : p)) }),
    },
  }) as unknown as Database;
  const repos = createRepositories(db);
  const out = new Map<string, Captured[][]>();
  try {
    for (const route of routes) {
      const lists: Captured[][] = [];
      for (let i = 0; i < Math.min(route.paths.length, variants); i++) {
        captured = [];
        await route.run(repos, i);
        lists.push(captured);
      }
      out.set(route.route, lists);
    }
  } finally {
    await pool.end();
  }
  return out;
}

export async function explainRoutes(url: string, routes: BenchRoute[]): Promise<Map<string, RoutePlan>> {
  const queries = await captureQueries(url, routes, MAX_VARIANTS);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const out = new Map<string, RoutePlan>();
  try {
    for (const route of routes) {
      const captured = (queries.get(route.route) ?? []).flat();
      const unique = new Map(captured.map((q) => [JSON.stringify([q.sql, q.params]), q]));
      const seqScans = new Map<string, number>();
      let slowest = { ms: -1, plan: "" };
      for (const query of unique.values()) {
        const explain = `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`;
        await pool.query(explain, query.params); // warm the cache as the load did
        const result = await pool.query<{ "QUERY PLAN": string }>(explain, query.params);
        const lines = result.rows.map((row) => row["QUERY PLAN"]);
        for (const line of lines) {
          const table = /Seq Scan on (\w+)/.exec(line)?.[1];
          if (table) seqScans.set(table, (seqScans.get(table) ?? 0) + 1);
        }
        const ms = Number(/Execution Time: ([\d.]+) ms/.exec(lines.join("\n"))?.[1] ?? 0);
        if (ms > slowest.ms) slowest = { ms, plan: lines.slice(0, 12).join("\n") };
      }
      out.set(route.route, {
        votesSeqScan: seqScans.has("votes"),
        seqScans: [...seqScans].map(([table, n]) => `${table} ×${n}`),
        queries: unique.size,
        slowestMs: slowest.ms,
        plan: slowest.plan,
      });
    }
  } finally {
    await pool.end();
  }
  return out;
}

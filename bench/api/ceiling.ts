/**
 * The database's ceiling for each route: the same SQL the route's repositories run (captured by
 * plans.ts), sent straight through `pg` at the same concurrency as the load, with a pool as large
 * as the API's, and the rows parsed as pg parses them for the API. No HTTP, no validation, no
 * serialisation: the requests/s the API would reach if everything but its queries were free. The
 * queries of one request run one after another, as most routes run them.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Captured } from "./plans.js";

/** The API's pool (packages/db/src/pool.ts). */
const API_POOL_SIZE = 10;

export interface Ceiling {
  route: string;
  /** "Requests" (each path's queries, in order) per second. */
  rps: number;
  /** Queries a request runs, on average over the paths. */
  queriesPerRequest: number;
}

export async function measureCeiling(
  url: string,
  route: string,
  requests: Captured[][],
  options: { connections: number; seconds: number; warmupSeconds: number },
): Promise<Ceiling> {
  const pool = new pg.Pool({ connectionString: url, max: API_POOL_SIZE });
  try {
    let next = 0;
    const drive = async (seconds: number) => {
      let done = 0;
      const until = performance.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: options.connections }, async () => {
          while (performance.now() < until) {
            const queries = requests[next++ % requests.length] ?? [];
            for (const query of queries) await pool.query(query.sql, query.params);
            done++;
          }
        }),
      );
      return done;
    };
    await drive(options.warmupSeconds);
    const started = performance.now();
    const done = await drive(options.seconds);
    const elapsed = (performance.now() - started) / 1000;
    const queries = requests.reduce((sum, list) => sum + list.length, 0);
    return {
      route,
      rps: Math.round(done / elapsed),
      queriesPerRequest: Number((queries / Math.max(1, requests.length)).toFixed(1)),
    };
  } finally {
    await pool.end();
  }
}

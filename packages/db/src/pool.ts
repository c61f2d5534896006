/**
 * Postgres connection pools that survive their connections dying and do not wait forever: on a
 * connection that cannot be made, or on a statement that runs too long where a limit is set.
 */
import pg from "pg";

/**
 * How long to wait for a connection, new or free in the pool, before the query fails: a database
 * that is down or unreachable fails the request that needs it instead of holding it.
 */
export const CONNECT_TIMEOUT_MS = 10_000;

/**
 * How long an unused connection stays open: long enough to serve the next burst of requests
 * without connecting again, short enough not to hold the server's connection slots while quiet.
 */
export const IDLE_TIMEOUT_MS = 30_000;

/**
 * The longest statement the API's reads may run before Postgres cancels it: every read the API
 * makes answers in milliseconds, so one that runs this long is stuck (waiting on a lock, or a plan
 * gone wrong) and would otherwise hold its connection, and its client, for as long as it lasts.
 * The writer's statements have no such limit: a backfill range's inserts, a deep reorg's undo and a
 * migration's index may rightly take minutes.
 */
export const READ_STATEMENT_TIMEOUT_MS = 30_000;

export interface PoolOptions {
  /** Milliseconds after which Postgres cancels a statement; none when absent. */
  statementTimeoutMs?: number | undefined;
  /** Told when a connection dies outside a query; the pool drops it and opens another when needed. */
  onError: (error: Error) => void;
}

export function createPool(url: string, options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    // TCP keepalives, so that a connection to a peer that vanished is found dead, not waited on.
    keepAlive: true,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
  });
  // An idle connection that dies (Postgres restarted, the backend terminated) is reported by the
  // pool, which drops it: without a listener, that 'error' event would end the process.
  pool.on("error", (error) => options.onError(error));
  // A connection in use tells its query, which fails with the error, and then emits 'error' itself
  // (say, inside a transaction waiting between two statements): listened to here, so that it does
  // not end the process either. The pool discards it when it is released.
  pool.on("connect", (client) => client.on("error", () => undefined));
  return pool;
}

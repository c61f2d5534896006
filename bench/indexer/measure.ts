/**
 * One full backfill, timed: a fresh database, the indexer as the service builds it (12
 * confirmations, polling every 50 ms), `init()`, then `syncToHead()` under a stopwatch while
 * the process's resident memory is sampled every 50 ms. Afterwards the projections are
 * counted against the chain's own logs: an incomplete index fails the benchmark.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@rhizome/db";
import { createRpc, Indexer, type Logger, type Rpc } from "@rhizome/indexer";
import { CHECKED_TABLES, type CheckedTable } from "./census.js";
import type { ServedHistory } from "./serve.js";

export type DatabaseKind = "postgres" | "pglite";

export interface BackfillResult {
  database: DatabaseKind;
  events: number;
  wallSeconds: number;
  eventsPerSecond: number;
  peakRssMb: number;
  rssBeforeMb: number;
  /** PGlite only: what opening and migrating it added to the process before the backfill (its own memory). */
  databaseMb?: number;
  /** Events/s of every run, in order, when the figures are the median run's (main.ts, BENCH_RUNS). */
  runs?: number[];
}

/** What the report prints beside the figures: where the time went and what the indexer said. */
export interface BackfillDetails {
  rpcSeconds: Record<string, number>;
  rpcCalls: Record<string, number>;
  ranges: number;
  /** Events in the largest commit: what one range holds in memory at most (twice, with the next one prefetched). */
  largestRange: number;
  warnings: string[];
  rows: Record<CheckedTable, number>;
  /** The process's memory at its resident peak: V8's heap in use, and memory outside it (buffers, PGlite's WebAssembly). */
  atPeak: { heapUsedMb: number; externalMb: number; arrayBuffersMb: number };
}

/** The index does not hold what the chain does. */
export class IncompleteIndexError extends Error {
  override name = "IncompleteIndexError";
}

/** How often the indexer polls the head once caught up, as the service would be configured. */
export const POLL_INTERVAL_MS = 50;

/** The median of `runs` by `rate` (the lower middle one of an even count): one run's figures, whole. */
export function medianRun<T>(runs: T[], rate: (run: T) => number): T {
  const sorted = [...runs].sort((a, b) => rate(a) - rate(b));
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (middle === undefined) throw new Error("medianRun: no runs");
  return middle;
}

export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** A logger that prints nothing and keeps the warnings and errors for the report. */
export function recordingLogger(): Logger & { messages: string[] } {
  const messages: string[] = [];
  const keep = (level: string) => (obj: object, msg?: string) => {
    if (messages.length < 1_000) messages.push(`${level}: ${msg ?? ""} ${JSON.stringify(obj)}`);
  };
  return { messages, info() {}, warn: keep("warn"), error: keep("error") };
}

/** The indexer's RPC with a stopwatch on every method. */
function timedRpc(rpc: Rpc, seconds: Record<string, number>, calls: Record<string, number>): Rpc {
  const timed =
    <A extends unknown[], R>(name: string, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const started = performance.now();
      try {
        return await call(...args);
      } finally {
        seconds[name] = (seconds[name] ?? 0) + (performance.now() - started) / 1000;
        calls[name] = (calls[name] ?? 0) + 1;
      }
    };
  return {
    ...rpc,
    head: timed("head", rpc.head),
    header: timed("header", rpc.header),
    headers: timed("headers", rpc.headers),
    logs: timed("logs", rpc.logs),
  };
}

/** What the indexer needs of the history: where it starts, and what it must end up holding. */
type Indexed = Pick<ServedHistory, "deployment" | "census">;

export function benchIndexer(
  history: Indexed,
  handle: DatabaseHandle,
  rpcUrl: string,
  log: Logger,
  rpc?: Rpc,
  maxReorgDepth?: number,
) {
  return new Indexer(
    handle.db,
    rpc ?? createRpc(rpcUrl),
    {
      factory: history.deployment.factory,
      startBlock: history.deployment.startBlock,
      confirmations: 12,
      pollInterval: POLL_INTERVAL_MS,
      ...(maxReorgDepth === undefined ? {} : { maxReorgDepth }),
    },
    log,
  );
}

export async function measureBackfill(
  database: DatabaseKind,
  history: Indexed,
  handle: DatabaseHandle,
  rpcUrl: string,
  /** Undo records for every block within this many of the head (the service's default if unset). */
  maxReorgDepth?: number,
): Promise<{ result: BackfillResult; details: BackfillDetails; indexer: Indexer }> {
  const rpcSeconds: Record<string, number> = {};
  const rpcCalls: Record<string, number> = {};
  const log = recordingLogger();
  const rpc = timedRpc(createRpc(rpcUrl), rpcSeconds, rpcCalls);
  const indexer = benchIndexer(history, handle, rpcUrl, log, rpc, maxReorgDepth);
  let ranges = 0;
  let largestRange = 0;
  indexer.on("indexed", (unit) => {
    ranges++;
    largestRange = Math.max(largestRange, unit.events);
  });
  await indexer.init();

  const profiler = process.env.BENCH_PROFILE ? await startProfiler() : undefined;
  const rssBefore = process.memoryUsage.rss();
  let peak = rssBefore;
  let atPeak = process.memoryUsage();
  const sample = () => {
    const usage = process.memoryUsage();
    if (usage.rss >= peak) [peak, atPeak] = [usage.rss, usage];
  };
  const sampler = setInterval(sample, 50);
  const started = performance.now();
  try {
    await indexer.syncToHead();
  } finally {
    clearInterval(sampler);
  }
  const wallSeconds = (performance.now() - started) / 1000;
  if (profiler) console.log(`  CPU profile of the backfill: ${await profiler.stop(database)}`);
  sample();

  const rows = await countRows(handle);
  const { census } = history;
  const problems = CHECKED_TABLES.filter((table) => rows[table] !== census.expected[table]).map(
    (table) => `${table}: ${rows[table]} rows, the chain's logs say ${census.expected[table]}`,
  );
  if (indexer.status.events !== census.total) {
    problems.push(`events: the indexer counted ${indexer.status.events}, the chain's logs hold ${census.total}`);
  }
  if (indexer.status.cursor !== census.toBlock) {
    problems.push(`cursor: block ${indexer.status.cursor}, the head is ${census.toBlock}`);
  }
  if (problems.length > 0) {
    throw new IncompleteIndexError(`The ${database} index is incomplete:\n  ${problems.join("\n  ")}`);
  }
  return {
    result: {
      database,
      events: indexer.status.events,
      wallSeconds: Math.round(wallSeconds * 1000) / 1000,
      eventsPerSecond: Math.round(indexer.status.events / wallSeconds),
      peakRssMb: mb(peak),
      rssBeforeMb: mb(rssBefore),
    },
    details: {
      rpcSeconds,
      rpcCalls,
      ranges,
      largestRange,
      warnings: log.messages,
      rows,
      atPeak: {
        heapUsedMb: mb(atPeak.heapUsed),
        externalMb: mb(atPeak.external),
        arrayBuffersMb: mb(atPeak.arrayBuffers),
      },
    },
    indexer,
  };
}

async function countRows(handle: DatabaseHandle): Promise<Record<CheckedTable, number>> {
  const out = {} as Record<CheckedTable, number>;
  for (const table of CHECKED_TABLES) {
    const result = (await handle.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))) as unknown as {
      rows: { n: number }[];
    };
    out[table] = Number(result.rows[0]?.n ?? -1);
  }
  return out;
}

/** BENCH_PROFILE=dir: a CPU profile of the backfill alone, for Chrome DevTools or speedscope. */
async function startProfiler() {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  return {
    async stop(name: string): Promise<string> {
      const { profile } = await session.post("Profiler.stop");
      session.disconnect();
      const dir = process.env.BENCH_PROFILE ?? ".";
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `backfill-${name}.cpuprofile`);
      await writeFile(file, JSON.stringify(profile));
      return file;
    },
  };
}

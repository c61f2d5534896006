/**
 * One Rhizome run of the sparse scenario, in a process of its own (forked by sparse.ts), so its
 * peak memory is its own and not what earlier runs left in the benchmark's heap: opens and
 * migrates a fresh database (not timed, as Ponder's build and schema set-up are not), then starts
 * the indexer as the service runs it (`init()`, then its run loop, which waits out a provider's
 * refusals and retries) and stops the clock when the cursor reaches the head. Sends back the
 * time, the peak resident memory, the row counts of the checked tables and a digest of every
 * projection table, which must equal a fresh index of the same chain without a provider.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Address } from "viem";
import { openDatabase, PROJECTION_TABLES, type DatabaseHandle } from "@rhizome/db";
import type { Census } from "./census.js";
import { CHECKED_TABLES, type CheckedTable } from "./census.js";
import { answerJobs } from "./child.js";
import { benchIndexer, recordingLogger, type DatabaseKind } from "./measure.js";

export interface SparseJob {
  database: DatabaseKind;
  /** A fresh Postgres database, or a PGlite data folder. */
  url?: string;
  dataDir?: string;
  rpcUrl: string;
  factory: Address;
  startBlock: number;
  /** The chain's head: the run ends when the cursor is there. */
  head: number;
  census: Census;
  timeoutMs: number;
}

export interface SparseRunResult {
  seconds: number;
  peakRssMb: number;
  rssBeforeMb: number;
  events: number;
  /** Commits (ranges) the indexer wrote. */
  ranges: number;
  rows: Record<CheckedTable, number>;
  /** sha256 of each projection table's rows, sorted: equal digests, equal tables. */
  digests: Record<string, string>;
  warnings: string[];
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function rowsOf(handle: DatabaseHandle, table: string): Promise<Record<string, unknown>[]> {
  const result = (await handle.db.execute(sql.raw(`SELECT * FROM ${table}`))) as unknown as {
    rows: Record<string, unknown>[];
  };
  return result.rows;
}

/** Each projection table's digest: its rows as JSON (bigints as decimals), sorted, hashed. */
export async function tableDigests(handle: DatabaseHandle): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of PROJECTION_TABLES) {
    const rows = (await rowsOf(handle, table))
      .map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)))
      .sort();
    const hash = createHash("sha256");
    for (const row of rows) hash.update(row).update("\n");
    out[table] = `${rows.length}:${hash.digest("hex").slice(0, 16)}`;
  }
  return out;
}

async function run(job: SparseJob): Promise<SparseRunResult> {
  const handle = await openDatabase(job.url ? { url: job.url, writer: true } : { dataDir: job.dataDir, writer: true });
  try {
    await handle.migrate();
    const log = recordingLogger();
    const history = { deployment: { factory: job.factory, startBlock: job.startBlock }, census: job.census };
    const rssBefore = process.memoryUsage.rss();
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
    const started = performance.now();
    const indexer = benchIndexer(history as Parameters<typeof benchIndexer>[0], handle, job.rpcUrl, log);
    let ranges = 0;
    indexer.on("indexed", () => ranges++);
    const controller = new AbortController();
    let seconds: number;
    try {
      await indexer.init();
      const running = indexer.run(controller.signal);
      // A run that takes long says where it is, and why when the indexer is held up.
      const progress = setInterval(() => {
        const { cursor, reason } = indexer.status;
        console.log(
          `    … cursor ${cursor} of ${job.head}${reason ? ` (${reason.slice(0, 200)})` : ""}` +
            `${log.messages.length > 0 ? `; last warning: ${log.messages.at(-1)?.slice(0, 300)}` : ""}`,
        );
      }, 30_000);
      try {
        while (indexer.status.cursor < job.head) {
          if (performance.now() - started > job.timeoutMs) {
            throw new Error(
              `Not at the head after ${job.timeoutMs / 1000} s: cursor ${indexer.status.cursor} of ${job.head} (${indexer.status.reason ?? "no reason given"})`,
            );
          }
          await sleep(10);
        }
        seconds = (performance.now() - started) / 1000;
      } finally {
        clearInterval(progress);
        controller.abort();
        await running;
      }
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage.rss());
    const rows = {} as Record<CheckedTable, number>;
    for (const table of CHECKED_TABLES) {
      const [row] = await rowsOf(handle, `(SELECT count(*)::int AS n FROM ${table}) AS c`);
      rows[table] = Number(row?.n ?? -1);
    }
    return {
      seconds: Math.round(seconds * 1000) / 1000,
      peakRssMb: mb(peak),
      rssBeforeMb: mb(rssBefore),
      events: indexer.status.events,
      ranges,
      rows,
      digests: await tableDigests(handle),
      warnings: log.messages,
    };
  } finally {
    await handle.close();
  }
}

answerJobs(run, "bench/indexer/sparse-run.ts");

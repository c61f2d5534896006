/**
 * `npm run bench:indexer -- --scenario sparse [--vs ponder]`: the sparse history (sparse-history.ts:
 * a million blocks, two seconds apart, several collectives' bursts of governance between long quiet
 * stretches) read through a hosted provider's limits (PROVIDER_SETTINGS), by Rhizome and, with
 * `--vs ponder`, by Ponder, into Postgres (a throwaway cluster) and into PGlite.
 *
 * Each run gets a fresh provider in front of the chain (served by the chain's process, see
 * chain-process.ts) and a fresh database; the provider's counts are its calls. Rhizome runs in a
 * process of its own (sparse-run.ts) and is timed from the indexer's start to its cursor at the
 * head; Ponder as peer-ponder.ts times it. Rhizome's tables must equal a fresh index of the same
 * chain read without a provider (each database's first run); Ponder's row counts must equal the
 * chain's. Results go to the `sparse` section of bench/results/indexer.json.
 *
 * BENCH_SPARSE_BLOCKS, BENCH_COLLECTIVES and BENCH_WAVES scale the history (sparse-history.ts);
 * BENCH_DATABASES=postgres (or pglite) measures one database; `--settings none,span-10k` (or
 * BENCH_SPARSE_SETTINGS) some of the settings, whose rows replace theirs in the results file while
 * the other settings' rows of the last run stay; BENCH_PONDER_LOG=1 prints Ponder's log lines.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import type { Faults } from "../../test/helpers/rpc-server.js";
import { inOwnProcess } from "./child.js";
import type { DatabaseKind } from "./measure.js";
import { comparePonder, ensurePonder, freshDatabase, PONDER_FINALITY, runPonder } from "./peer-ponder.js";
import { startPostgres, type Postgres } from "./postgres.js";
import {
  buildSparseSection,
  formatSparse,
  writeSparseSection,
  type SparseEntry,
  type SparseSetting,
} from "./report.js";
import { serveHistory, type Provider, type ServedHistory } from "./serve.js";
import type { SparseJob, SparseRunResult } from "./sparse-run.js";

/**
 * The provider settings the issue names: none; a span cap of 10,000 blocks with 50 ms on every
 * call (QuickNode's paid plans cap eth_getLogs at 10,000 blocks and answer HTTP 413 in its words);
 * a span cap of 2,000 blocks under a budget of 25 calls a second (Alchemy's words for both, each
 * call of a batch counted, as providers bill them).
 */
export const PROVIDER_SETTINGS: SparseSetting[] = [
  { name: "none", label: "no limits", short: "no limits", faults: {} },
  {
    name: "span-10k",
    label: "10,000 blocks per eth_getLogs, 50 ms a call (QuickNode's answers)",
    short: "10k-block span cap, 50 ms a call",
    faults: { maxLogRange: 10_000, stallMs: 50, rangeCapShape: "quicknode" },
  },
  {
    name: "span-2k-25rps",
    label: "2,000 blocks per eth_getLogs, 25 calls/s (Alchemy's answers)",
    short: "2k-block span cap, 25 calls/s",
    faults: {
      maxLogRange: 2_000,
      requestsPerSecond: 25,
      rateLimitPerCall: true,
      rangeCapShape: "alchemy",
      rateLimitShape: "alchemy",
    },
  },
];

/** A run slower than this failed. */
const RUN_TIMEOUT_MS = 30 * 60_000;

/** Runs Rhizome once in a process of its own (sparse-run.ts). */
const runRhizome = (job: SparseJob) =>
  inOwnProcess<SparseJob, SparseRunResult>(new URL("./sparse-run.ts", import.meta.url), job, "Rhizome's run");

/** The provider's counts as the report keeps them: calls answered by method, and those refused. */
async function callsOf(provider: Provider): Promise<SparseEntry["calls"]> {
  const stats = await provider.stats();
  const answered = Object.values(stats.calls).reduce((a, b) => a + b, 0);
  return {
    // Every call the indexer made: answered (a refused range is an answer), rate-limited or lost to a 5xx.
    total: answered + stats.rateLimited + stats.serverErrors,
    byMethod: Object.fromEntries(Object.entries(stats.calls).sort(([a], [b]) => a.localeCompare(b))),
    rateLimited: stats.rateLimited,
    refusedRanges: stats.refusedRanges,
    serverErrors: stats.serverErrors,
  };
}

export async function runSparse(options: {
  vs?: "ponder";
  databases: DatabaseKind[];
  /** The settings to measure, by name (all by default). */
  settings?: string[];
}): Promise<void> {
  const wanted = options.settings ?? process.env.BENCH_SPARSE_SETTINGS?.split(",").map((s) => s.trim());
  const unknown = wanted?.filter((name) => !PROVIDER_SETTINGS.some((s) => s.name === name)) ?? [];
  if (unknown.length > 0) {
    throw new Error(
      `--settings: unknown setting ${unknown.join(", ")} (${PROVIDER_SETTINGS.map((s) => s.name).join(", ")})`,
    );
  }
  const settings = PROVIDER_SETTINGS.filter((s) => !wanted || wanted.includes(s.name));
  if (settings.length === 0) throw new Error("--settings: no setting to measure");
  const load = loadavg()[0] ?? 0;
  const ponderVersion = options.vs === "ponder" ? await ensurePonder() : null;
  console.log("Generating the sparse history in the chain's own process…");
  const history = await serveHistory("sparse");
  const head = await history.chain.head();
  // Ponder keeps the last 30 blocks of chain 31337 out of its backfill: its end block is below
  // them (the history's last blocks are empty, so both index the same events).
  const ponderEnd = head - PONDER_FINALITY - 5;
  const entries: SparseEntry[] = [];
  const references = new Map<DatabaseKind, SparseRunResult>();
  let postgres: Postgres | null = null;
  let runs = 0;
  /** A fresh database for one run: a new database on the cluster, or a new PGlite folder. */
  const freshTarget = async (database: DatabaseKind) => {
    runs++;
    if (database === "postgres") {
      if (!postgres) throw new Error("Postgres is not running");
      return { url: await freshDatabase(postgres.url, `sparse_${runs}`), done: async () => {} };
    }
    const dir = await mkdtemp(path.join(tmpdir(), "rhizome-bench-sparse-"));
    return { dataDir: path.join(dir, "db"), done: () => rm(dir, { recursive: true, force: true }) };
  };
  const rhizome = async (database: DatabaseKind, rpcUrl: string) => {
    const target = await freshTarget(database);
    try {
      return await runRhizome({
        database,
        ...(target.url ? { url: target.url } : { dataDir: target.dataDir }),
        rpcUrl,
        factory: history.deployment.factory,
        startBlock: history.deployment.startBlock,
        head,
        census: history.census,
        timeoutMs: RUN_TIMEOUT_MS,
      });
    } finally {
      await target.done();
    }
  };
  try {
    if (options.databases.includes("postgres")) postgres = await startPostgres();
    for (const database of options.databases) {
      const name = database === "postgres" ? "Postgres" : "PGlite";
      console.log(`\n${name}: a fresh index without a provider in front (the reference)…`);
      const reference = await rhizome(database, history.url);
      checkRhizome(reference, history, head, database);
      references.set(database, reference);
      console.log(`  ${reference.seconds.toFixed(2)} s, ${reference.events.toLocaleString("en-US")} events`);
      for (const setting of settings) {
        console.log(`\n${name}, provider: ${setting.label}`);
        const ownLoad = loadavg()[0] ?? 0;
        const own = await measured(history, setting.faults, (url) => rhizome(database, url));
        checkRhizome(own.result, history, head, database);
        const differing = Object.keys(reference.digests).filter((t) => reference.digests[t] !== own.result.digests[t]);
        if (differing.length > 0) {
          throw new Error(
            `Rhizome's ${database} index through "${setting.name}" differs from the reference in ${differing.join(", ")}`,
          );
        }
        entries.push({
          setting: setting.name,
          database,
          indexer: "rhizome",
          seconds: own.result.seconds,
          calls: own.calls,
          peakRssMb: own.result.peakRssMb,
          events: own.result.events,
          date: new Date().toISOString(),
          loadAverage: Math.round(ownLoad * 100) / 100,
          ranges: own.result.ranges,
          check: "tables equal the reference index",
        });
        console.log(
          `  rhizome: ${own.result.seconds.toFixed(2)} s, ${own.calls.total.toLocaleString("en-US")} calls, ` +
            `${own.result.peakRssMb.toFixed(0)} MB, ${own.result.ranges} ranges`,
        );
        if (!ponderVersion) continue;
        const postgresUrl =
          database === "postgres" && postgres
            ? await freshDatabase(postgres.url, `ponder_sparse_${runs++}`)
            : undefined;
        const getLogsRange = setting.faults.maxLogRange || undefined;
        const peerLoad = loadavg()[0] ?? 0;
        const peer = await measured(history, setting.faults, (url) =>
          runPonder({
            database,
            history,
            rpcUrl: url,
            version: ponderVersion,
            postgresUrl,
            endBlock: ponderEnd,
            getLogsRange,
          }),
        );
        const problems = comparePonder(peer.result, history);
        if (problems.length > 0) {
          throw new Error(`Ponder's ${database} index through "${setting.name}":\n  ${problems.join("\n  ")}`);
        }
        entries.push({
          setting: setting.name,
          database,
          indexer: "ponder",
          seconds: peer.result.wallSeconds,
          calls: peer.calls,
          peakRssMb: peer.result.peakRssMb,
          events: peer.result.events,
          date: new Date().toISOString(),
          loadAverage: Math.round(peerLoad * 100) / 100,
          startupSeconds: peer.result.startupSeconds,
          check: "row counts equal the chain's",
          ...(getLogsRange ? { ethGetLogsBlockRange: getLogsRange } : {}),
        });
        console.log(
          `  ponder:  ${peer.result.wallSeconds.toFixed(2)} s, ${peer.calls.total.toLocaleString("en-US")} calls, ` +
            `${peer.result.peakRssMb.toFixed(0)} MB (startup ${peer.result.startupSeconds.toFixed(1)} s before)`,
        );
      }
    }
  } finally {
    postgres?.stop();
    await history.close();
  }
  const section = buildSparseSection({
    census: history.census,
    settings,
    entries,
    references: [...references].map(([database, r]) => ({ database, seconds: r.seconds, peakRssMb: r.peakRssMb })),
    load,
    ponderVersion,
  });
  const { file, section: written } = await writeSparseSection(section);
  console.log(formatSparse(written));
  console.log(`\nWritten to ${file} (its sparse section)`);
}

/** Runs `task` against a fresh provider with `faults`, and returns its result with the provider's counts. */
async function measured<T>(
  history: ServedHistory,
  faults: Partial<Faults>,
  task: (url: string) => Promise<T>,
): Promise<{ result: T; calls: SparseEntry["calls"] }> {
  const provider = await history.provider(faults);
  try {
    const result = await task(provider.url);
    return { result, calls: await callsOf(provider) };
  } finally {
    await provider.close();
  }
}

function checkRhizome(result: SparseRunResult, history: ServedHistory, head: number, database: DatabaseKind): void {
  const { census } = history;
  const problems = Object.entries(census.expected)
    .filter(([table, n]) => result.rows[table as keyof typeof result.rows] !== n)
    .map(([table, n]) => `${table}: ${result.rows[table as keyof typeof result.rows]} rows, the chain's logs say ${n}`);
  if (result.events !== census.total) {
    problems.push(`events: the indexer counted ${result.events}, the chain's logs hold ${census.total}`);
  }
  if (problems.length > 0) {
    throw new Error(`Rhizome's ${database} index (to block ${head}) is incomplete:\n  ${problems.join("\n  ")}`);
  }
}

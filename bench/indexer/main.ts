/**
 * `npm run bench:indexer`: generates a collective's history on a Hardhat EDR chain that runs in
 * a process of its own and serves it over JSON-RPC, as a node would (serve.ts, history.ts), and
 * measures a full backfill into Postgres (a throwaway cluster started here) and into PGlite (a
 * data folder in a temp dir), then how fast a new vote shows up when the indexer follows the head.
 * Writes bench/results/indexer.json and prints a table. A measurement, not a test: a missed target
 * still exits 0; a failure to measure, or an index that does not match the chain, exits 1.
 *
 * `--vs ponder` then indexes the same history with Ponder (bench/peers/ponder, see peer-ponder.ts),
 * on Postgres (a fresh database on the same cluster) and on PGlite, and compares events/s.
 *
 * `--scenario sparse` measures the sparse history behind a hosted provider's limits instead
 * (sparse.ts): a million blocks, several collectives, Rhizome and (with `--vs ponder`) Ponder;
 * `--settings span-2k-25rps` (names separated by commas) measures some provider settings only,
 * and merges their rows into the results file.
 *
 * Every backfill, Rhizome's and Ponder's, runs BENCH_RUNS times (3 by default) on a fresh
 * database, and the median run is reported with every run's events/s beside it: on a shared
 * machine one run of a few seconds can lose a third of its speed to a neighbour.
 * BENCH_WAVES=n generates a smaller history (10 waves by default); BENCH_DATABASES=pglite (or
 * postgres) measures only one database; BENCH_PROFILE=dir writes a CPU profile of each backfill;
 * BENCH_PONDER_LOG=1 prints Ponder's log lines.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@rhizome/db";
import { inOwnProcess } from "./child.js";
import type { DenseJob, DenseRunResult } from "./dense-run.js";
import { measureLive, type LiveResult } from "./live.js";
import { measureBackfill, medianRun, type BackfillDetails, type BackfillResult, type DatabaseKind } from "./measure.js";
import {
  comparePonder,
  ensurePonder,
  freshDatabase,
  mineForPonder,
  runPonder,
  type PeerResult,
} from "./peer-ponder.js";
import { startPostgres, type Postgres } from "./postgres.js";
import { buildReport, formatReport, writeReport, type UndoWindowResult } from "./report.js";
import { serveHistory } from "./serve.js";
import { runSparse } from "./sparse.js";

/** Runs of each measurement (BENCH_RUNS): the median run's figures are reported, every run's events/s beside them. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
if (!Number.isInteger(RUNS) || RUNS < 1)
  throw new Error(`BENCH_RUNS: a whole number of runs, at least 1 (got ${process.env.BENCH_RUNS})`);

/** A reorg window wider than any history here: every block is written with undo records. */
const UNDO_EVERYTHING = 1_000_000_000;

const databases = (process.env.BENCH_DATABASES ?? "postgres,pglite").split(",").map((d) => d.trim());
for (const d of databases) {
  if (d !== "postgres" && d !== "pglite") throw new Error(`BENCH_DATABASES: unknown database "${d}"`);
}
const vs = process.argv.includes("--vs") ? process.argv[process.argv.indexOf("--vs") + 1] : undefined;
if (vs !== undefined && vs !== "ponder") throw new Error(`--vs: unknown peer "${vs}" (only "ponder")`);
const scenario = process.argv.includes("--scenario") ? process.argv[process.argv.indexOf("--scenario") + 1] : "dense";
if (scenario !== "dense" && scenario !== "sparse") {
  throw new Error(`--scenario: unknown scenario "${scenario}" ("dense" or "sparse")`);
}
const sparseSettings = process.argv.includes("--settings")
  ? (process.argv[process.argv.indexOf("--settings") + 1] ?? "").split(",").map((s) => s.trim())
  : undefined;
if (sparseSettings && scenario !== "sparse") throw new Error("--settings: only with --scenario sparse");

async function main(): Promise<void> {
  // Installed first, so a failed install costs seconds, not the whole history.
  const ponderVersion = vs === "ponder" ? await ensurePonder() : null;
  console.log("Generating the history in the chain's own process…");
  const history = await serveHistory();
  const results: BackfillResult[] = [];
  const details = new Map<DatabaseKind, BackfillDetails>();
  let live: LiveResult | null = null;
  let undoWindow: UndoWindowResult | null = null;
  const peers: PeerResult[] = [];
  // With --vs ponder the cluster stays up for Ponder's run, in a database of its own.
  let postgres: Postgres | null = null;
  try {
    // Every timed backfill is forked (child.ts): its own process, as the service runs, so its
    // figures are its own. Each is run RUNS times on a fresh database and the median run is kept.
    const dense = (database: { url: string } | { dataDir: string }, maxReorgDepth?: number) =>
      inOwnProcess<DenseJob, DenseRunResult>(
        new URL("./dense-run.ts", import.meta.url),
        {
          ...database,
          rpcUrl: history.url,
          history: { deployment: history.deployment, census: history.census },
          maxReorgDepth,
        },
        "Rhizome's backfill",
      );
    // RUNS runs of one measurement, each told as it ends; the median run, with every run's events/s.
    const repeat = async <T>(once: (run: number) => Promise<T>, rate: (run: T) => number, told: (run: T) => string) => {
      const runs: T[] = [];
      for (let run = 0; run < RUNS; run++) {
        const result = await once(run);
        runs.push(result);
        console.log(`  run ${run + 1}/${RUNS}: ${told(result)}`);
      }
      return { median: medianRun(runs, rate), runs: runs.map(rate) };
    };
    const speed = (wallSeconds: number, eventsPerSecond: number) =>
      `${wallSeconds.toFixed(2)} s, ${eventsPerSecond.toLocaleString("en-US")} events/s`;
    const repeatDense = async (once: (run: number) => Promise<DenseRunResult>) => {
      const { median, runs } = await repeat(
        once,
        (r) => r.result.eventsPerSecond,
        (r) => speed(r.result.wallSeconds, r.result.eventsPerSecond),
      );
      return { ...median, result: { ...median.result, runs } };
    };
    if (databases.includes("postgres")) {
      console.log("\nBackfilling into Postgres…");
      postgres = await startPostgres();
      try {
        const cluster = postgres.url;
        const plain = await repeatDense(async (run) =>
          dense({ url: await freshDatabase(cluster, `rhizome_bench_${run}`) }),
        );
        results.push(plain.result);
        details.set("postgres", plain.details);
        // The same history, every block of it within the reorg window: what undo records cost.
        console.log("\nBackfilling into Postgres with undo records for every block…");
        const { result: undo } = await repeatDense(async (run) =>
          dense({ url: await freshDatabase(cluster, `undo_bench_${run}`) }, UNDO_EVERYTHING),
        );
        undoWindow = {
          wallSeconds: undo.wallSeconds,
          eventsPerSecond: undo.eventsPerSecond,
          ratio: Math.round((undo.eventsPerSecond / plain.result.eventsPerSecond) * 100) / 100,
        };
      } finally {
        if (!ponderVersion) postgres.stop();
      }
    }
    if (databases.includes("pglite")) {
      console.log("\nBackfilling into PGlite…");
      const dir = await mkdtemp(path.join(tmpdir(), "rhizome-bench-pglite-"));
      try {
        const measured = await repeatDense((run) => dense({ dataDir: path.join(dir, `db-${run}`) }));
        results.push(measured.result);
        details.set("pglite", measured.details);
        // The live figure needs an indexer at the head: one more backfill, here, not timed.
        console.log("\nFollowing the head (PGlite)…");
        const handle = await openDatabase({ dataDir: path.join(dir, "live"), writer: true });
        try {
          await handle.migrate();
          const { indexer } = await measureBackfill("pglite", history, handle, history.url);
          live = await measureLive(history, handle, indexer);
        } finally {
          await handle.close();
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    if (ponderVersion) {
      const mined = await mineForPonder(history);
      console.log(
        `\nPonder ${ponderVersion} on the same blocks (${mined} empty blocks mined so they are all final for it)…`,
      );
      for (const database of databases as ("postgres" | "pglite")[]) {
        console.log(`  backfilling into ${database === "postgres" ? "Postgres" : "PGlite"}…`);
        const { median, runs } = await repeat(
          async (run) => {
            const postgresUrl =
              database === "postgres" && postgres
                ? await freshDatabase(postgres.url, `ponder_bench_${run}`)
                : undefined;
            const result = await runPonder({
              database,
              history,
              rpcUrl: history.url,
              version: ponderVersion,
              postgresUrl,
            });
            const problems = comparePonder(result, history);
            if (problems.length > 0) {
              throw new Error(`Ponder's ${database} index differs from Rhizome's:\n  ${problems.join("\n  ")}`);
            }
            return result;
          },
          (r) => r.eventsPerSecond,
          (r) => `${speed(r.wallSeconds, r.eventsPerSecond)} (startup ${r.startupSeconds.toFixed(2)} s before that)`,
        );
        peers.push({ ...median, runs });
      }
    }
  } finally {
    postgres?.stop();
    await history.close();
  }
  const report = buildReport(history.census, results, live, undoWindow, ponderVersion ? peers : undefined);
  const file = await writeReport(report);
  console.log(formatReport(report, details));
  console.log(`\nWritten to ${file}`);
}

try {
  if (scenario === "sparse") {
    await runSparse({
      vs: vs === "ponder" ? "ponder" : undefined,
      databases: databases as DatabaseKind[],
      ...(sparseSettings ? { settings: sparseSettings } : {}),
    });
  } else {
    await main();
  }
} catch (error) {
  console.error("\nThe benchmark failed:", error);
  process.exitCode = 1;
}

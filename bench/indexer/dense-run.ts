/**
 * One of Rhizome's dense backfills, in a process of its own (forked by main.ts through child.ts),
 * so its peak memory is the indexer's own, as Ponder's is its own process tree's: opens and
 * migrates the fresh database it is given, a Postgres URL or a PGlite folder (not timed),
 * measures the backfill (measure.ts) and sends back its figures, or the error when the index does
 * not match the chain. On PGlite it also tells what opening and migrating PGlite added to the
 * process: PGlite's own memory, apart from the indexer's.
 */
import { openDatabase } from "@rhizome/db";
import { answerJobs } from "./child.js";
import { mb, measureBackfill, type BackfillDetails, type BackfillResult } from "./measure.js";
import type { ServedHistory } from "./serve.js";

export type DenseJob = ({ url: string } | { dataDir: string }) & {
  rpcUrl: string;
  history: Pick<ServedHistory, "deployment" | "census">;
  /** Undo records for every block within this many of the head (the service's default if unset). */
  maxReorgDepth?: number | undefined;
};

export interface DenseRunResult {
  result: BackfillResult;
  details: BackfillDetails;
}

async function run(job: DenseJob): Promise<DenseRunResult> {
  const beforeOpen = process.memoryUsage.rss();
  const pglite = "dataDir" in job;
  const handle = await openDatabase(pglite ? { dataDir: job.dataDir, writer: true } : { url: job.url, writer: true });
  try {
    await handle.migrate();
    const databaseMb = pglite ? mb(process.memoryUsage.rss() - beforeOpen) : undefined;
    const { result, details } = await measureBackfill(
      pglite ? "pglite" : "postgres",
      job.history,
      handle,
      job.rpcUrl,
      job.maxReorgDepth,
    );
    return { result: databaseMb === undefined ? result : { ...result, databaseMb }, details };
  } finally {
    await handle.close();
  }
}

answerJobs(run, "bench/indexer/dense-run.ts");

/**
 * One of Rhizome's dense backfills into Postgres, in a process of its own (forked by main.ts
 * through child.ts), so its peak memory is the indexer's own, as Ponder's is its own process
 * tree's: opens and migrates the fresh database it is given (not timed), measures the backfill
 * (measure.ts) and sends back its figures, or the error when the index does not match the chain.
 */
import { openDatabase } from "@rhizome/db";
import { answerJobs } from "./child.js";
import { measureBackfill, type BackfillDetails, type BackfillResult } from "./measure.js";
import type { ServedHistory } from "./serve.js";

export interface DenseJob {
  url: string;
  rpcUrl: string;
  history: Pick<ServedHistory, "deployment" | "census">;
  /** Undo records for every block within this many of the head (the service's default if unset). */
  maxReorgDepth?: number | undefined;
}

export interface DenseRunResult {
  result: BackfillResult;
  details: BackfillDetails;
}

async function run(job: DenseJob): Promise<DenseRunResult> {
  const handle = await openDatabase({ url: job.url, writer: true });
  try {
    await handle.migrate();
    const { result, details } = await measureBackfill("postgres", job.history, handle, job.rpcUrl, job.maxReorgDepth);
    return { result, details };
  } finally {
    await handle.close();
  }
}

answerJobs(run, "bench/indexer/dense-run.ts");

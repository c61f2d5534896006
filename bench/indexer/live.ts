/**
 * Following the head: with the index caught up, the indexer runs as the service runs it, and
 * new votes on a fresh proposal are sent and mined one block at a time over JSON-RPC. Each sample
 * is the time from `evm_mine` returning to the vote's row being visible in the database (polled
 * every 10 ms).
 *
 * A chain's blocks come at any moment of the indexer's poll interval. Mining each vote as soon as
 * the previous one shows up would land every block at the same moment of it (just after the
 * indexer's poll that follows a commit), so every sample would wait the same share of the
 * interval: all of it or none, depending on how long sending the vote takes. Each vote is mined
 * at its own offset instead, spread evenly over one interval.
 */
import { sql } from "drizzle-orm";
import { paymentProposal } from "@rhizome/contracts";
import type { DatabaseHandle } from "@rhizome/db";
import type { Indexer } from "@rhizome/indexer";
import { proposalIdOf } from "@rhizome/contracts";
import { Vote } from "./actions.js";
import { POLL_INTERVAL_MS } from "./measure.js";
import type { ServedHistory } from "./serve.js";

export interface LiveResult {
  p50Ms: number;
  maxMs: number;
  samples: number[];
}

const POLL_MS = 10;
const TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureLive(
  history: ServedHistory,
  handle: DatabaseHandle,
  indexer: Indexer,
): Promise<LiveResult> {
  const { chain, tx, live } = history;
  const controller = new AbortController();
  let failure: unknown;
  const running = indexer.run(controller.signal).catch((error: unknown) => {
    failure = error;
  });
  /** Waits until `check` holds, failing if the indexer stops or it takes too long. */
  const until = async (what: string, check: () => Promise<boolean>) => {
    const deadline = performance.now() + TIMEOUT_MS;
    while (!(await check())) {
      if (failure) throw new Error(`The indexer stopped while waiting for ${what}`, { cause: failure });
      if (performance.now() > deadline) throw new Error(`Timed out after ${TIMEOUT_MS} ms waiting for ${what}`);
      await sleep(POLL_MS);
    }
  };
  const exists = async (query: ReturnType<typeof sql>) => {
    const result = (await handle.db.execute(query)) as unknown as { rows: unknown[] };
    return result.rows.length > 0;
  };
  try {
    const actions = paymentProposal(
      history.modules,
      { to: live.proposer.address, amount: 1n },
      "Live: a payment voted on one block at a time",
    );
    const id = proposalIdOf(actions);
    await chain.mine([tx.propose(live.proposer, actions)]);
    await chain.mine([], chain.now + 2);
    await until("the live proposal", () => exists(sql`SELECT 1 FROM proposals WHERE proposal_id = ${id.toString()}`));

    const samples: number[] = [];
    for (const [i, voter] of live.voters.entries()) {
      await sleep((i * POLL_INTERVAL_MS) / live.voters.length);
      await chain.mine([tx.vote(voter, id, Vote.For, "Live vote")]);
      const mined = chain.minedAt;
      await until("a live vote", () =>
        exists(sql`SELECT 1 FROM votes WHERE proposal_id = ${id.toString()} AND voter = ${voter.address}`),
      );
      samples.push(Math.round((performance.now() - mined) * 10) / 10);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    return { p50Ms: median(sorted), maxMs: sorted.at(-1) ?? 0, samples };
  } finally {
    controller.abort();
    await running;
  }
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round((value ?? 0) * 10) / 10;
}

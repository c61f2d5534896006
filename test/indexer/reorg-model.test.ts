/**
 * The index equals the chain whatever the reorg: a model-based property test (see
 * test/helpers/reorg-model.ts) over random sequences of blocks, reorgs within and beyond the
 * confirmation depth and beyond what the index can undo, head jumps and restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reorgModel } from "../helpers/reorg-model.js";

/** Sequences per run: a few hundred in the suite; `npm run bench:reorgs` runs more. */
const RUNS = Number(process.env.REORG_MODEL_RUNS ?? 200);

describe(`the index across random reorgs, head jumps and restarts (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  let model: Awaited<ReturnType<typeof reorgModel>>;
  beforeAll(async () => {
    // Two confirmations, as on a fast chain; undo records for six blocks, so that short
    // sequences reach past both.
    model = await reorgModel({ confirmations: 2, maxReorgDepth: 6, runs: RUNS, maxCommands: 14 });
  });
  afterAll(() => model?.close());

  it("equals a fresh index of the final chain after every sequence", async () => {
    const started = performance.now();
    await model.check();
    const { stats } = model;
    console.info(
      `[reorg model] ${stats.sequences} sequences, ${stats.commands} commands, ${stats.blocks} blocks, ` +
        `${stats.chainReorgs} reorgs on the chain (deepest ${stats.deepestChainReorg}); the indexer rolled back ` +
        `${stats.rollbacks} (deepest ${stats.deepestRollback}), rebuilt ${stats.rebuilds} times, restarted ` +
        `${stats.restarts} times; ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    // The sequences reached what they are meant to test.
    expect(stats.sequences).toBe(RUNS);
    expect(stats.rollbacks).toBeGreaterThan(0);
    expect(stats.deepestRollback).toBeGreaterThan(2);
    expect(stats.rebuilds).toBeGreaterThan(0);
    expect(stats.restarts).toBeGreaterThan(0);
  }, 1_200_000);

  /** One sequence that broke the index once, replayed as fast-check printed it. */
  const replay = async (sequence: { maxCommands: number; seed: number; path: string; replayPath: string }) => {
    const one = await reorgModel({ confirmations: 2, maxReorgDepth: 6, runs: RUNS, ...sequence });
    try {
      await one.check();
    } finally {
      await one.close();
    }
  };

  it("replays the sequences that once broke it", async () => {
    // A range prefetched just before a reorg to below it read the old branch's logs and the new
    // branch's last block, so the index kept a hash the chain has with logs it does not: the
    // member who applied and set a profile on the new branch was missing. The indexer now reads a
    // range's headers before its logs, so a range's hash is never newer than its logs, and the
    // next poll rolls back a range whose branch the chain has left.
    await replay({ maxCommands: 14, seed: -1813076085, path: "51:3:3:19:21:23:23:23:23:23:23:23", replayPath: "/m:D" });
    // [mine(3), step(1), reorg(depth 1, regrow 0), syncToHead] (found by `npm run bench:reorgs`):
    // the range prefetched by the step ended at a block the reorg took away, and asking for its
    // header was retried as a failing RPC until syncToHead failed. A block the chain no longer has
    // is now an answer: the range is read again once the head is asked anew.
    await replay({ maxCommands: 24, seed: 1177211310, path: "385:7:7:7:6:6:6:6:5:7", replayPath: "ICq:F" });
    // [step(1), restart, mine(9), step(1), reorg(depth 1, regrow 0), apply(0, 1), step(1)]: the
    // chain went back nine blocks, deeper than the undo window, under a range read ahead below
    // the window, which kept no hash; nothing compared the cursor's block with the chain, and the
    // application on the new branch below the cursor was never read. Every range now reads its
    // edges: the next read does not extend the cursor's block, and the index is rebuilt.
    await replay({
      maxCommands: 24,
      seed: 1178199174,
      path: "800:4:3:7:11:18:19:6:15:14:17:15:15:15",
      replayPath: "sA/h:N",
    });
    // [step(3), profile, reorg(regrow 7, with a vote), restart, step(1), reorg to block 10,
    // restart, vote]: the step read a range below the undo window (to block 11), whose hash was
    // held in memory only; the restart lost it, and the chain, cut back to block 10 and grown on
    // a new branch with a vote at block 11, was read on from block 12: the vote was missing. The
    // hash of a cursor's block that is not kept is now stored with the cursor.
    await replay({
      maxCommands: 14,
      seed: -1044698311,
      path: "11:8:17:26:16:22:22:22:22:26:26:26:26:26:26:26:20:22:22:22",
      replayPath: "//2:H",
    });
  }, 120_000);
});

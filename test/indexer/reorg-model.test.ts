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
});

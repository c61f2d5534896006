/**
 * `npm run bench:reorgs`: the reorg model of the test suite (test/helpers/reorg-model.ts) run
 * for longer: many more random sequences of blocks, reorgs (within and beyond the confirmation
 * depth, and beyond what the index can undo), head jumps and restarts, each checked against a
 * fresh index of the final chain. Writes what the sequences reached to bench/results/reorgs.json.
 * Exits 1 with the shrunk counterexample if a sequence leaves the index unequal to the chain.
 *
 * Usage: npm run bench:reorgs -- [--runs N] [--seed S]   (2,000 sequences by default)
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { reorgModel } from "../test/helpers/reorg-model.js";
import { machine } from "./machine.js";

const { values } = parseArgs({ options: { runs: { type: "string" }, seed: { type: "string" } } });
const runs = Number(values.runs ?? 2_000);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const settings = { confirmations: 2, maxReorgDepth: 6, runs, maxCommands: 24, seed };

const model = await reorgModel(settings);
const started = performance.now();
let failure: string | undefined;
try {
  await model.check();
} catch (error) {
  // fast-check keeps what the sequence threw as the cause; the message alone names only the sequence.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  failure = error instanceof Error ? error.message : String(error);
  if (cause) failure += `\nCaused by: ${cause.stack ?? cause.message}`;
}
const seconds = (performance.now() - started) / 1000;
await model.close();

const report = {
  date: new Date().toISOString(),
  machine: machine(),
  database: process.env.DATABASE_URL ? "postgres" : "pglite",
  settings,
  passed: failure === undefined,
  seconds: Number(seconds.toFixed(1)),
  ...model.stats,
  ...(failure ? { failure } : {}),
};
await writeFile(path.resolve(import.meta.dirname, "results/reorgs.json"), `${JSON.stringify(report, null, 2)}\n`);
const s = model.stats;
console.log(
  `${s.sequences} sequences (seed ${seed}), ${s.commands} commands, ${s.blocks} blocks, ${s.chainReorgs} reorgs on the chain ` +
    `(deepest ${s.deepestChainReorg}); the indexer rolled back ${s.rollbacks} times (deepest ${s.deepestRollback} blocks), ` +
    `rebuilt ${s.rebuilds} times, restarted ${s.restarts} times, in ${seconds.toFixed(0)} s: ` +
    (failure ? `FAILED\n${failure}` : "every index equal to a fresh index of its chain"),
);
process.exitCode = failure ? 1 : 0;

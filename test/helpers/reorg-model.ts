/**
 * A model-based check of the indexer against a chain that reorganises. fast-check drives a real
 * chain (Hardhat's in-process EDR, served over HTTP JSON-RPC) through random sequences of
 * commands: blocks with transactions that touch the projections (votes, proposals, delegations,
 * profiles, applications, deposits), empty blocks mined in jumps, time passing, reorgs of random
 * depth (within the confirmation depth, beyond it, and beyond what the index can undo) that the
 * chain may or may not regrow past, and the indexer stepping, catching up or restarting in
 * between. After each sequence the index, caught up, must equal a fresh index of the final chain,
 * table by table. The test suite runs a few hundred sequences; `npm run bench:reorgs` runs more.
 */
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { parseEther } from "viem";
import { BOOKKEEPING_TABLES, PROJECTION_TABLES, type DatabaseHandle } from "@rhizome/db";
import { mintSharesProposal } from "@rhizome/contracts";
import { createRpc, Indexer } from "@rhizome/indexer";
import {
  addressOf,
  advance,
  collectiveFixture,
  propose,
  SETTINGS,
  waitFor,
  type Fixture,
  type Wallet,
} from "./collective.js";
import { freshDatabase, quietLogger, snapshotTables } from "./indexer.js";
import type { Logger } from "@rhizome/indexer";
import { serveProvider, type RpcServer } from "./rpc-server.js";

export interface ReorgModelOptions {
  /** The indexer's confirmation depth. */
  confirmations: number;
  /** The deepest reorg the indexer rolls back in place; deeper ones rebuild. */
  maxReorgDepth: number;
  /** Sequences to run. */
  runs: number;
  /** Commands per sequence, at most. */
  maxCommands: number;
  seed?: number;
  /** With `seed`, replays one failing sequence (fast-check's `path`, printed with a failure). */
  path?: string;
  /** With `seed` and `path`, the commands' own replay path (printed as `replayPath` in the counterexample). */
  replayPath?: string;
}

/** What the sequences exercised, to show that they reached what they are meant to test. */
export interface ReorgModelStats {
  sequences: number;
  commands: number;
  blocks: number;
  /** Reorgs made on the chain, and the deepest. */
  chainReorgs: number;
  deepestChainReorg: number;
  /** Reorgs the indexer rolled back in place, and rebuilds after deeper ones. */
  rollbacks: number;
  deepestRollback: number;
  rebuilds: number;
  restarts: number;
}

/** The model: what the commands may do next. The chain's own height is the truth. */
interface Model {
  height: number;
  base: number;
}

interface Real {
  f: Fixture;
  rpc: RpcServer;
  db: DatabaseHandle;
  indexer: Indexer;
  options: ReorgModelOptions;
  /** An EVM snapshot at some heights, to reorganise back to. */
  snapshots: Map<number, string>;
  proposals: bigint[];
  counter: number;
  stats: ReorgModelStats;
}

type Command = fc.AsyncCommand<Model, Real>;

const request = (real: Real, method: string, params: unknown[] = []) =>
  real.f.connection.provider.request({ method, params }) as Promise<unknown>;

async function height(real: Real): Promise<number> {
  return Number(await request(real, "eth_blockNumber"));
}

const snapshot = async (f: Fixture) =>
  (await f.connection.provider.request({ method: "evm_snapshot", params: [] })) as string;

/** Reverts the chain to `id`, which the chain uses up (and every snapshot taken after it). */
async function revert(f: Fixture, id: string | undefined): Promise<void> {
  if (!(await f.connection.provider.request({ method: "evm_revert", params: [id] }))) {
    throw new Error(`The chain has no snapshot ${id} to revert to`);
  }
}

/** Notes the chain's new height in the model and keeps a snapshot there to reorganise back to. */
async function grown(model: Model, real: Real): Promise<void> {
  const now = await height(real);
  real.stats.blocks += Math.max(0, now - model.height);
  model.height = now;
  real.snapshots.set(now, await snapshot(real.f));
}

/** Sends a transaction; one the chain refuses (a second vote, say) mines nothing and is no failure. */
async function send(model: Model, real: Real, tx: () => Promise<`0x${string}`>): Promise<void> {
  try {
    await waitFor(real.f, tx());
  } catch {
    return;
  }
  await grown(model, real);
}

/** The indexer's own words, with REORG_MODEL_TRACE set, beside the commands'. */
const traceLogger: Logger = {
  info: (fields, message) => console.log(`    indexer: ${message ?? ""} ${JSON.stringify(fields)}`),
  warn: (fields, message) => console.log(`    indexer: ${message ?? ""} ${JSON.stringify(fields)}`),
  error: (fields, message) => console.log(`    indexer: ${message ?? ""} ${JSON.stringify(fields)}`),
};

function indexerOn(real: Pick<Real, "f" | "rpc" | "options" | "stats">, db: DatabaseHandle): Indexer {
  const indexer = new Indexer(
    db.db,
    createRpc(real.rpc.url),
    {
      factory: real.f.deployment.factory,
      startBlock: real.f.deployment.startBlock,
      confirmations: real.options.confirmations,
      maxReorgDepth: real.options.maxReorgDepth,
      pollInterval: 10,
      initialRange: 3,
    },
    process.env.REORG_MODEL_TRACE ? traceLogger : quietLogger,
  );
  indexer.on("reorg", ({ ancestor, depth }) => {
    if (ancestor === real.f.deployment.startBlock - 1) real.stats.rebuilds++;
    else {
      real.stats.rollbacks++;
      real.stats.deepestRollback = Math.max(real.stats.deepestRollback, depth);
    }
  });
  return indexer;
}

const command = (
  name: string,
  run: (model: Model, real: Real) => Promise<void>,
  check: (model: Model) => boolean = () => true,
): Command => ({
  check,
  run: async (model, real) => {
    if (process.env.REORG_MODEL_TRACE)
      console.log(`  ${name} at height ${model.height}, cursor ${real.indexer.status.cursor}`);
    await run(model, real);
  },
  toString: () => name,
});

const members = (real: Real): Wallet[] => [real.f.alice, real.f.bob, real.f.carol, real.f.dave, real.f.eve];

const blockCommands = [
  fc.record({ voter: fc.nat(4), proposal: fc.nat(7), support: fc.nat(2) }).map(({ voter, proposal, support }) =>
    command(`vote(${voter}, #${proposal}, ${support})`, async (model, real) => {
      const id = real.proposals[proposal % real.proposals.length];
      const wallet = members(real)[voter];
      if (id === undefined || !wallet) return;
      await send(model, real, () => real.f.as(wallet).governor.write.castVote([id, support]));
    }),
  ),
  fc.nat(4).map((who) =>
    command(`propose(${who})`, async (model, real) => {
      const wallet = members(real)[who];
      if (!wallet) return;
      const actions = mintSharesProposal(real.f.modules, addressOf(real.f.dave), 5n, `Mint ${real.counter++}`);
      try {
        real.proposals.push(await propose(real.f, wallet, actions));
      } catch {
        return;
      }
      await grown(model, real);
    }),
  ),
  fc.record({ who: fc.nat(4), to: fc.nat(4) }).map(({ who, to }) =>
    command(`delegate(${who} → ${to})`, async (model, real) => {
      const [wallet, delegate] = [members(real)[who], members(real)[to]];
      if (!wallet || !delegate) return;
      await send(model, real, () => real.f.as(wallet).shares.write.delegate([addressOf(delegate)]));
    }),
  ),
  fc.record({ who: fc.nat(4), n: fc.nat(99) }).map(({ who, n }) =>
    command(`profile(${who}, ${n})`, async (model, real) => {
      const wallet = members(real)[who];
      if (!wallet) return;
      await send(model, real, () => real.f.as(wallet).shares.write.setProfile(["", "", `https://m${n}.example`]));
    }),
  ),
  fc.record({ who: fc.nat(4), shares: fc.integer({ min: 1, max: 50 }) }).map(({ who, shares }) =>
    command(`apply(${who}, ${shares})`, async (model, real) => {
      const wallet = members(real)[who];
      if (!wallet) return;
      await send(model, real, () => real.f.as(wallet).shares.write.applyForMembership([BigInt(shares), "Let me in"]));
    }),
  ),
  fc.integer({ min: 1, max: 1_000 }).map((finney) =>
    command(`deposit(${finney} finney)`, async (model, real) => {
      await send(model, real, () =>
        real.f.deployer.sendTransaction({ to: real.f.modules.treasury, value: parseEther(String(finney / 1_000)) }),
      );
    }),
  ),
  fc.integer({ min: 1, max: 10 }).map((blocks) =>
    command(`mine(${blocks})`, async (model, real) => {
      await request(real, "hardhat_mine", [`0x${blocks.toString(16)}`]);
      await grown(model, real);
    }),
  ),
  fc.integer({ min: 1, max: 900 }).map((seconds) =>
    command(`advance(${seconds} s)`, async (model, real) => {
      await advance(real.f, seconds);
      await grown(model, real);
    }),
  ),
];

const reorg = fc
  .record({ depth: fc.integer({ min: 1, max: 12 }), regrow: fc.nat(8), vote: fc.boolean() })
  .map(({ depth, regrow, vote }) =>
    command(
      `reorg(depth ${depth}, regrow ${regrow}${vote ? ", with a vote" : ""})`,
      async (model, real) => {
        // Back to the newest snapshot at least `depth` below the head, but never below the base.
        const target = Math.max(model.base, model.height - depth);
        const at = Math.max(...[...real.snapshots.keys()].filter((h) => h <= target));
        await revert(real.f, real.snapshots.get(at));
        for (const h of [...real.snapshots.keys()]) if (h >= at) real.snapshots.delete(h);
        real.stats.chainReorgs++;
        real.stats.deepestChainReorg = Math.max(real.stats.deepestChainReorg, model.height - at);
        model.height = at;
        real.snapshots.set(at, await snapshot(real.f));
        // The other branch: a vote the old one did not have, then empty blocks, or nothing at all.
        const [id] = real.proposals;
        if (vote && id !== undefined) {
          await send(model, real, () => real.f.as(real.f.carol).governor.write.castVote([id, 0]));
        }
        if (regrow > 0) {
          await request(real, "hardhat_mine", [`0x${regrow.toString(16)}`]);
          await grown(model, real);
        }
      },
      (model) => model.height > model.base,
    ),
  );

const indexerCommands = [
  // The head followed as a running service follows it: a block, then the indexer catches up.
  fc.integer({ min: 1, max: 8 }).map((blocks) =>
    command(`follow(${blocks})`, async (model, real) => {
      for (let i = 0; i < blocks; i++) {
        await request(real, "evm_mine");
        await grown(model, real);
        await real.indexer.syncToHead();
      }
    }),
  ),
  fc.integer({ min: 1, max: 4 }).map((steps) =>
    command(`step(${steps})`, async (_model, real) => {
      for (let i = 0; i < steps; i++) await real.indexer.step();
    }),
  ),
  fc.constant(
    command("syncToHead", async (_model, real) => {
      await real.indexer.syncToHead();
    }),
  ),
  fc.constant(
    command("restart", async (_model, real) => {
      real.indexer.removeAllListeners();
      real.indexer = indexerOn(real, real.db);
      await real.indexer.init();
      real.stats.restarts++;
    }),
  ),
];

/** Reorgs and the indexer's steps weigh about as much as all the ways of making blocks together. */
const commands = [...blockCommands, reorg, reorg, reorg, ...indexerCommands, ...indexerCommands.slice(0, 2)];

async function emptied(db: DatabaseHandle): Promise<void> {
  await db.db.execute(sql.raw(`TRUNCATE ${[...PROJECTION_TABLES, ...BOOKKEEPING_TABLES].join(", ")}`));
}

/** A chain with a collective and an open vote, two databases, and the property over them. */
export async function reorgModel(options: ReorgModelOptions) {
  const f = await collectiveFixture();
  const opening = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 5n, "Admit Dave"));
  await advance(f, SETTINGS.votingDelay + 1);
  const rpc = await serveProvider(f.connection.provider);
  const [db, freshDb] = [await freshDatabase(), await freshDatabase()];
  const stats: ReorgModelStats = {
    sequences: 0,
    commands: 0,
    blocks: 0,
    chainReorgs: 0,
    deepestChainReorg: 0,
    rollbacks: 0,
    deepestRollback: 0,
    rebuilds: 0,
    restarts: 0,
  };
  const base = Number(await f.connection.provider.request({ method: "eth_blockNumber", params: [] }));
  let baseSnapshot = await snapshot(f);

  const property = fc.asyncProperty(
    fc.commands(commands, {
      maxCommands: options.maxCommands,
      size: "max",
      ...(options.replayPath === undefined ? {} : { replayPath: options.replayPath }),
    }),
    async (cmds) => {
      // Every sequence starts from the same chain and an empty index.
      await revert(f, baseSnapshot);
      baseSnapshot = await snapshot(f);
      await emptied(db);
      const real: Real = {
        f,
        rpc,
        db,
        indexer: undefined as unknown as Indexer,
        options,
        // A snapshot of its own at the base: a reorg back to it must not use up the base one.
        snapshots: new Map([[base, await snapshot(f)]]),
        proposals: [opening],
        counter: 0,
        stats,
      };
      real.indexer = indexerOn(real, db);
      await real.indexer.init();
      stats.sequences++;
      stats.commands += [...cmds].length;
      // Snapshots taken during the sequence belong to it; the base one is taken again above.
      await fc.asyncModelRun(() => ({ model: { height: base, base }, real }), cmds);
      // The chain goes on, as chains do, past where the index is: a head left below what the index
      // keeps is a node that is behind, which the indexer waits for.
      const behind = Math.max(0, real.indexer.status.cursor - (await height(real)));
      const more = behind + options.maxReorgDepth + options.confirmations + 1;
      await request(real, "hardhat_mine", [`0x${more.toString(16)}`]);
      await real.indexer.syncToHead();
      real.indexer.removeAllListeners();

      await emptied(freshDb);
      const fresh = indexerOn({ f, rpc, options, stats: { ...stats } }, freshDb);
      await fresh.init();
      await fresh.syncToHead();
      const [indexed, expected] = [await snapshotTables(db), await snapshotTables(freshDb)];
      for (const table of PROJECTION_TABLES) {
        if (JSON.stringify(indexed[table]) !== JSON.stringify(expected[table])) {
          throw new Error(
            `${table} differs from a fresh index of the chain:\n` +
              `indexed: ${JSON.stringify(indexed[table], null, 1)}\nfresh:   ${JSON.stringify(expected[table], null, 1)}`,
          );
        }
      }
    },
  );

  return {
    stats,
    /** Runs the sequences; throws with the shrunk counterexample if one fails. */
    check: () =>
      fc.assert(property, {
        numRuns: options.runs,
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(options.path === undefined ? {} : { path: options.path, endOnFailure: true }),
      }),
    async close() {
      await db.close();
      await freshDb.close();
      await rpc.close();
    },
  };
}

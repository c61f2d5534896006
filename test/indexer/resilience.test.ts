/**
 * The index always equals a fresh index of the canonical chain: after a reorg, after a crash in
 * the middle of a backfill, and behind an RPC that fails, stalls and rate-limits.
 */
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseLockedError, openDatabase, schema, type DatabaseHandle } from "@rhizome/db";
import { createRpc, Indexer, RpcRateLimitedError, RpcUnavailableError } from "@rhizome/indexer";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { mintSharesProposal, proposalOperation } from "@rhizome/contracts";
import {
  addressOf,
  advance,
  collectiveFixture,
  propose,
  quorumProposal,
  SETTINGS,
  vote,
  Vote,
  waitFor,
  type Fixture,
} from "../helpers/collective.js";
import { freshDatabaseUrl } from "../helpers/database.js";
import { buildHistory } from "../helpers/history.js";
import { freshDatabase, indexerFor, quietLogger, snapshotTables } from "../helpers/indexer.js";
import { serveProvider, type RpcServer } from "../helpers/rpc-server.js";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const task of cleanup.splice(0).reverse()) await task();
});

async function indexed(f: Fixture, rpc: RpcServer, confirmations = 0) {
  const db = await freshDatabase();
  cleanup.push(() => db.close());
  const indexer = indexerFor(db, f, rpc.url, confirmations);
  await indexer.init();
  await indexer.syncToHead();
  return { db, indexer };
}

/** What a brand-new indexer makes of the chain as it is now. */
async function freshIndexOf(f: Fixture, rpc: RpcServer) {
  const { db } = await indexed(f, rpc);
  return snapshotTables(db);
}

describe(`indexer resilience (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("rolls a reorg back to the common ancestor and re-indexes: the tables equal a fresh index of the new chain", async () => {
    const f = await collectiveFixture();
    const rpc = await serveProvider(f.connection.provider);
    cleanup.push(() => rpc.close());
    const proposalId = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 5n, "Admit Dave"));
    await advance(f, SETTINGS.votingDelay + 1);
    const { db, indexer } = await indexed(f, rpc, 8);

    // Snapshot, act (votes and a profile, one block each), index the branch that will vanish.
    const snapshot = (await f.connection.provider.request({ method: "evm_snapshot", params: [] })) as string;
    await vote(f, f.alice, proposalId, Vote.For);
    await vote(f, f.bob, proposalId, Vote.Against);
    await waitFor(f, f.as(f.carol).shares.write.setProfile(["", "", "https://carol.example/old"]));
    await indexer.syncToHead();
    const branch = await snapshotTables(db);
    expect(branch.votes).toHaveLength(2);

    // Revert, act differently, index again.
    await f.connection.provider.request({ method: "evm_revert", params: [snapshot] });
    await vote(f, f.carol, proposalId, Vote.Abstain);
    await waitFor(f, f.as(f.bob).shares.write.setProfile(["", "", "https://bob.example"]));
    let reorgs = 0;
    indexer.on("reorg", () => reorgs++);
    await indexer.syncToHead();
    expect(reorgs).toBe(1);

    const after = await snapshotTables(db);
    expect(after.votes).toHaveLength(1);
    expect(after).toEqual(await freshIndexOf(f, rpc));
  });

  it("undoes a quorum percentage change a reorg removes: the quorum history equals a fresh index's", async () => {
    const f = await collectiveFixture();
    const rpc = await serveProvider(f.connection.provider);
    cleanup.push(() => rpc.close());
    // Two changes pass and wait out the timelock's delay; the reorg decides which one runs.
    const raise = quorumProposal(f.modules, 50n, "Raise the quorum to half the shares");
    const lower = quorumProposal(f.modules, 10n, "Lower the quorum to a tenth");
    const ids = [await propose(f, f.alice, raise), await propose(f, f.alice, lower)];
    await advance(f, SETTINGS.votingDelay + 1);
    for (const id of ids) await vote(f, f.alice, id, Vote.For);
    await advance(f, SETTINGS.votingPeriod);
    for (const actions of [raise, lower])
      await waitFor(f, f.as(f.alice).governor.write.queue(proposalOperation(actions)));
    await advance(f, SETTINGS.timelockDelay + 1);
    const { db, indexer } = await indexed(f, rpc, 8);
    const q = schema.quorumNumerators;
    /** The quorum percentages the index holds, in chain order. */
    const numerators = async () =>
      (await db.db.select().from(q).orderBy(q.blockNumber, q.logIndex)).map((row) => row.numerator);

    const snapshot = (await f.connection.provider.request({ method: "evm_snapshot", params: [] })) as string;
    await waitFor(f, f.as(f.alice).governor.write.execute(proposalOperation(raise)));
    await indexer.syncToHead();
    // The factory's settings and the governor's initializer, then the raise.
    expect(await numerators()).toEqual([20, 20, 50]);

    await f.connection.provider.request({ method: "evm_revert", params: [snapshot] });
    await waitFor(f, f.as(f.alice).governor.write.execute(proposalOperation(lower)));
    await indexer.syncToHead();
    expect(await numerators()).toEqual([20, 20, 10]);
    expect(await snapshotTables(db)).toEqual(await freshIndexOf(f, rpc));
  });

  it("restarts after a crash in the middle of a backfill: the tables equal a fresh index, nothing doubled", async () => {
    const f = await collectiveFixture();
    await buildHistory(f);
    const rpc = await serveProvider(f.connection.provider);
    cleanup.push(() => rpc.close());
    const dir = await mkdtemp(path.join(tmpdir(), "rhizome-crash-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const url = await freshDatabaseUrl();
    const dataDir = path.join(dir, "db");
    const options = {
      factory: f.deployment.factory,
      startBlock: f.deployment.startBlock,
      confirmations: 0,
      pollInterval: 10,
    };

    // The first run dies inside its fifth range's transaction.
    const first = await freshDatabase({ url, dataDir });
    let ranges = 0;
    const crashing = new Indexer(
      first.db,
      createRpc(rpc.url),
      {
        ...options,
        initialRange: 3,
        beforeCommit: () => {
          if (++ranges === 5) throw new Error("power cut");
        },
      },
      quietLogger,
    );
    await crashing.init();
    await expect(crashing.syncToHead()).rejects.toThrow("power cut");
    await first.close();

    // A new process on the same database picks up from the last committed range.
    const second = await freshDatabase({ url, dataDir });
    cleanup.push(() => second.close());
    const resumed = new Indexer(second.db, createRpc(rpc.url), { ...options, initialRange: 3 }, quietLogger);
    await resumed.init();
    expect(resumed.status.cursor).toBeGreaterThanOrEqual(f.deployment.startBlock + 3 * 4 - 1);
    await resumed.syncToHead();
    expect(await snapshotTables(second)).toEqual(await freshIndexOf(f, rpc));
  });

  it("converges behind a flaky RPC that errors, stalls, rate-limits and refuses wide ranges", async () => {
    const f = await collectiveFixture();
    await buildHistory(f);
    const clean = await serveProvider(f.connection.provider);
    const flaky = await serveProvider(f.connection.provider, {
      errorRate: 0.15,
      rateLimitRate: 0.1,
      delayRate: 0.2,
      maxDelayMs: 30,
      maxLogRange: 8,
    });
    cleanup.push(
      () => clean.close(),
      () => flaky.close(),
    );
    // As the service's run loop does, a step whose RPC retries are spent is taken again: at a quarter
    // of calls failing, a poll's three batched calls can fail nine attempts running now and then.
    const db = await freshDatabase();
    cleanup.push(() => db.close());
    const indexer = indexerFor(db, f, flaky.url, 0);
    await indexer.init();
    for (let step = 0; ; step++) {
      try {
        await indexer.syncToHead();
        break;
      } catch (error) {
        if (step >= 10 || !(error instanceof RpcUnavailableError || error instanceof RpcRateLimitedError)) throw error;
      }
    }
    expect(flaky.stats.errors + flaky.stats.rateLimited).toBeGreaterThan(0);
    expect(flaky.stats.refusedRanges).toBeGreaterThan(0);
    expect(await snapshotTables(db)).toEqual(await freshIndexOf(f, clean));
  });

  it("refuses a second indexer on the same database", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "rhizome-lock-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const url = await freshDatabaseUrl();
    const first: DatabaseHandle = await openDatabase({ url, dataDir: path.join(dir, "db"), writer: true });
    cleanup.push(() => first.close());
    await expect(openDatabase({ url, dataDir: path.join(dir, "db"), writer: true })).rejects.toBeInstanceOf(
      DatabaseLockedError,
    );
  });
});

describe("a chain that was reset", () => {
  it("is detected, and the index starts afresh with a log line saying so", async () => {
    const first = await collectiveFixture();
    await waitFor(first, first.as(first.bob).shares.write.setProfile(["", "", "https://bob.example"]));
    const rpcA = await serveProvider(first.connection.provider);
    const db = await freshDatabase();
    cleanup.push(
      () => db.close(),
      () => rpcA.close(),
    );
    const a = indexerFor(db, first, rpcA.url);
    await a.init();
    await a.syncToHead();

    // A new chain at the same address space: same deployer, so the same factory address.
    const second = await collectiveFixture();
    expect(second.deployment.factory).toBe(first.deployment.factory);
    const rpcB = await serveProvider(second.connection.provider);
    cleanup.push(() => rpcB.close());
    const warnings: string[] = [];
    const b = new Indexer(
      db.db,
      createRpc(rpcB.url),
      {
        factory: second.deployment.factory,
        startBlock: second.deployment.startBlock,
        confirmations: 0,
        pollInterval: 10,
      },
      { ...quietLogger, warn: (_obj, msg) => warnings.push(msg ?? "") },
    );
    await b.init();
    await b.syncToHead();
    expect(warnings).toContain("The chain was reset: starting the index afresh");
    expect(await snapshotTables(db)).toEqual(await freshIndexOf(second, rpcB));
  });
});

describe("an index written by other projections", () => {
  it("is rebuilt from the chain, with a log line saying so", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.as(f.bob).shares.write.setProfile(["", "", "https://bob.example"]));
    const rpc = await serveProvider(f.connection.provider);
    cleanup.push(() => rpc.close());
    const { db } = await indexed(f, rpc);
    // As an earlier release left it: its own version, and a row the current projections would not write.
    await db.db.update(schema.indexerState).set({ projectionVersion: 0 });
    await db.db.update(schema.members).set({ profileUri: "https://stale.example" });

    const warnings: string[] = [];
    const logger = { ...quietLogger, warn: (_obj: unknown, msg?: string) => warnings.push(msg ?? "") };
    const options = {
      factory: f.deployment.factory,
      startBlock: f.deployment.startBlock,
      confirmations: 0,
      pollInterval: 10,
    };
    const again = new Indexer(db.db, createRpc(rpc.url), options, logger);
    await again.init();
    await again.syncToHead();
    expect(warnings).toEqual(["The index was written by other projections: starting the index afresh"]);
    expect(await snapshotTables(db)).toEqual(await freshIndexOf(f, rpc));
    const [state] = await db.db.select().from(schema.indexerState);
    expect(state?.projectionVersion).toBeGreaterThan(0);

    // The next start finds its own projections' index and keeps it.
    warnings.length = 0;
    await new Indexer(db.db, createRpc(rpc.url), options, logger).init();
    expect(warnings).toEqual([]);
  });
});

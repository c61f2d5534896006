/**
 * The indexer behind a hosted provider's limits, on a sparse chain (a few busy blocks between long
 * quiet stretches, as a collective's history looks on a real chain): each provider's block-span
 * cap and result cap in its own words, a request budget answered with 429 (with and without a
 * wait to honour), a load balancer's 5xx pages and a slow provider. The indexer is given no
 * setting for any of them; each run ends with tables equal to a clean index of the same chain.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { numberToHex } from "viem";
import type { DatabaseHandle } from "@rhizome/db";
import { mintSharesProposal } from "@rhizome/contracts";
import { collectiveFixture, pass, waitFor, type Fixture } from "../helpers/collective.js";
import { freshDatabase, indexerFor, snapshotTables } from "../helpers/indexer.js";
import { serveProvider, type Faults, type RpcServer } from "../helpers/rpc-server.js";
import { backend } from "../api/indexed.js";

/** Quiet blocks between the bursts: the chain spans about 4 × this. */
const QUIET = 6_000;

let f: Fixture;
let clean: RpcServer;
let expected: Record<string, unknown[]>;
/** The most logs one block of the chain holds: a result cap below it could never be met. */
let busiestBlock = 0;
/** Blocks of the indexed history that hold logs: those whose times the indexer needs. */
let blocksWithLogs = 0;
const cleanup: (() => Promise<unknown>)[] = [];

async function quiet(blocks: number) {
  // Two seconds a block, as an L2's clock advances.
  await f.connection.provider.request({ method: "hardhat_mine", params: [numberToHex(blocks), "0x2"] });
}

beforeAll(async () => {
  f = await collectiveFixture();
  await quiet(QUIET);
  // A burst: forty profile changes in forty blocks, more logs than the busiest block holds.
  const members = [f.alice, f.bob, f.carol];
  for (let i = 0; i < 40; i++) {
    const wallet = members[i % members.length] ?? f.alice;
    await waitFor(f, f.as(wallet).shares.write.setProfile(["", "", `https://${wallet.account.address}.example/${i}`]));
  }
  await quiet(QUIET);
  await pass(f, mintSharesProposal(f.modules, f.dave.account.address, 10n, "Grant Dave"));
  await quiet(QUIET);
  await waitFor(f, f.as(f.dave).shares.write.setProfile(["", "", "https://dave.example"]));
  await quiet(QUIET);
  clean = await serveProvider(f.connection.provider);
  cleanup.push(() => clean.close());
  const { db } = await indexThrough(clean);
  expected = await snapshotTables(db);
  const logs = await f.publicClient.getLogs({ fromBlock: BigInt(f.deployment.startBlock) });
  const perBlock = new Map<bigint, number>();
  for (const log of logs) perBlock.set(log.blockNumber, (perBlock.get(log.blockNumber) ?? 0) + 1);
  busiestBlock = Math.max(...perBlock.values());
  blocksWithLogs = perBlock.size;
}, 600_000);

afterAll(async () => {
  for (const task of cleanup.splice(0).reverse()) await task();
});

/**
 * Indexes the whole chain through `server` as the service does: its run loop, until caught up.
 * Also returns the units it wrote (ranges and followed blocks).
 */
async function indexThrough(server: RpcServer): Promise<{ db: DatabaseHandle; units: number }> {
  const db = await freshDatabase();
  cleanup.push(() => db.close());
  const indexer = indexerFor(db, f, server.url);
  let units = 0;
  indexer.on("indexed", () => units++);
  await indexer.init();
  const head = Number(await f.publicClient.getBlockNumber());
  const controller = new AbortController();
  const running = indexer.run(controller.signal);
  try {
    while (indexer.status.cursor < head) await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    controller.abort();
    await running;
  }
  return { db, units };
}

/** Every call the provider saw: answered (a refused range is an answer) or refused for the rate limit. */
function callsTo(server: RpcServer): { total: number; getLogs: number; headers: number; heads: number } {
  const { calls, rateLimited } = server.stats;
  const total = Object.values(calls).reduce((a, b) => a + b, 0) + rateLimited;
  return {
    total,
    getLogs: calls.eth_getLogs ?? 0,
    headers: calls.eth_getBlockByNumber ?? 0,
    heads: calls.eth_blockNumber ?? 0,
  };
}

async function provider(faults: Partial<Faults>): Promise<RpcServer> {
  const server = await serveProvider(f.connection.provider, faults);
  cleanup.push(() => server.close());
  return server;
}

describe(`a sparse chain behind a provider's caps (${backend})`, () => {
  const shapes = ["geth", "alchemy", "infura", "quicknode"] as const;

  it.each(shapes)("reads %s's block-span cap, keeps under it from then on, and misses nothing", async (shape) => {
    const server = await provider({ maxLogRange: 1_000, rangeCapShape: shape });
    const { db } = await indexThrough(server);
    expect(await snapshotTables(db)).toEqual(expected);
    // The cap is learned from the first refusal's words: a few refused calls (the concurrent
    // parts of one range), not one per range.
    expect(server.stats.refusedRanges).toBeGreaterThan(0);
    expect(server.stats.refusedRanges).toBeLessThanOrEqual(8);
  });

  it.each(shapes)("reads %s's result cap, splits the busy ranges and grows again after them", async (shape) => {
    const server = await provider({ maxLogResults: busiestBlock, rangeCapShape: shape });
    const { db } = await indexThrough(server);
    expect(await snapshotTables(db)).toEqual(expected);
    expect(server.stats.refusedRanges).toBeGreaterThan(0);
  });
});

describe(`a sparse chain behind a provider's budget and failures (${backend})`, () => {
  it("keeps within a budget of requests per second, waiting as long as each 429 asks", async () => {
    // Few enough that the indexer's calls, paced or not, meet the limit early on.
    const server = await provider({ requestsPerSecond: 10, rateLimitShape: "infura" });
    const { db } = await indexThrough(server);
    expect(await snapshotTables(db)).toEqual(expected);
    expect(server.stats.rateLimited).toBeGreaterThan(0);
  });

  it("backs off by itself when a 429 names no wait", async () => {
    const server = await provider({ rateLimitRate: 0.2, rateLimitShape: "quicknode", omitRetryAfter: true });
    const { db } = await indexThrough(server);
    expect(await snapshotTables(db)).toEqual(expected);
    expect(server.stats.rateLimited).toBeGreaterThan(0);
  });

  it("asks again after a load balancer's 502 and 503 pages", async () => {
    const server = await provider({ serverErrorRate: 0.2 });
    const { db } = await indexThrough(server);
    expect(await snapshotTables(db)).toEqual(expected);
    expect(server.stats.serverErrors).toBeGreaterThan(0);
  });

  it("indexes through a slow provider, 40 ms a call", async () => {
    const server = await provider({ stallMs: 40 });
    const { db } = await indexThrough(server);
    expect(await snapshotTables(db)).toEqual(expected);
  });
});

describe(`a sparse chain's call budget (${backend})`, () => {
  // What a range costs: one eth_getLogs for the factory and every module (a second for deposits
  // into treasuries, once there are treasuries), the headers of its two edges (the block before
  // it, checked against the cursor's, and its last), and a header for a block that holds logs.
  const budget = (units: number) => ({ getLogs: 2 * units + 8, headers: blocksWithLogs + 2 * units + 8 });

  it("spends one eth_getLogs a range, its edges' headers and a header a block with logs, and few head polls", async () => {
    const server = await provider({ maxLogRange: 1_000, rangeCapShape: "alchemy" });
    const { db, units } = await indexThrough(server);
    expect(await snapshotTables(db)).toEqual(expected);
    const calls = callsTo(server);
    expect(calls.getLogs).toBeLessThanOrEqual(budget(units).getLogs);
    expect(calls.headers).toBeLessThanOrEqual(budget(units).headers);
    expect(calls.heads).toBeLessThanOrEqual(8);
  });

  it("learns the provider's budget of calls per second and spends few calls on its 429s", async () => {
    const server = await provider({
      maxLogRange: 1_000,
      rangeCapShape: "alchemy",
      requestsPerSecond: 10,
      rateLimitPerCall: true,
      rateLimitShape: "alchemy",
    });
    const { db, units } = await indexThrough(server);
    expect(await snapshotTables(db)).toEqual(expected);
    const calls = callsTo(server);
    expect(calls.getLogs).toBeLessThanOrEqual(budget(units).getLogs);
    expect(server.stats.rateLimited).toBeLessThanOrEqual(Math.max(10, calls.total / 20));
  });
});

/**
 * The indexer behind a provider's limits, answered as hosted providers answer them (see
 * test/helpers/rpc-server.ts): rate limits in each provider's shape, waits the provider asks
 * for, a rate limit that outlasts every retry, logs returned twice, and filters capped in size.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createPublicClient, http } from "viem";
import { createCollective } from "@rhizome/contracts";
import {
  createRpc,
  Indexer,
  RpcRangeError,
  RpcRateLimitedError,
  RpcUnavailableError,
  toRpcError,
} from "@rhizome/indexer";
import { schema } from "@rhizome/db";
import { collectiveFixture, SETTINGS, waitFor } from "../helpers/collective.js";
import { freshDatabase, indexerFor, quietLogger, snapshotTables } from "../helpers/indexer.js";
import { serveProvider, type RateLimitShape } from "../helpers/rpc-server.js";
import { appOver, backend } from "../api/indexed.js";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const task of cleanup.splice(0).reverse()) await task();
});

async function fixture() {
  const f = await collectiveFixture();
  await waitFor(f, f.as(f.bob).shares.write.setProfile(["", "", "https://bob.example"]));
  const clean = await serveProvider(f.connection.provider);
  cleanup.push(() => clean.close());
  return { f, clean };
}

async function freshIndexOf(f: Awaited<ReturnType<typeof fixture>>["f"], url: string) {
  const db = await freshDatabase();
  cleanup.push(() => db.close());
  const indexer = indexerFor(db, f, url);
  await indexer.init();
  await indexer.syncToHead();
  return snapshotTables(db);
}

describe("rate limits as hosted providers answer them", () => {
  const shapes: [RateLimitShape, number | undefined][] = [
    ["plain", 2_000],
    ["alchemy", 2_000],
    ["infura", 2_000],
    ["quicknode", undefined],
  ];
  it.each(shapes)("reads %s's answer as a rate limit, with the wait it asks for (%s ms)", async (shape, wait) => {
    const { f } = await fixture();
    const server = await serveProvider(f.connection.provider, {
      rateLimitShape: shape,
      rateLimitNext: 1,
      retryAfterSeconds: 2,
    });
    cleanup.push(() => server.close());
    const client = createPublicClient({ transport: http(server.url, { retryCount: 0 }) });
    const error = await client.getBlockNumber().catch((e: unknown) => e);
    const typed = toRpcError(error, "eth_blockNumber");
    expect(typed).toBeInstanceOf(RpcRateLimitedError);
    expect((typed as RpcRateLimitedError).retryAfterMs).toBe(wait);
    // The next request is not refused: the answer was the server's, not a broken connection.
    expect(await client.getBlockNumber()).toBeGreaterThan(0n);
  });

  it("tells a range over the provider's cap and a server error from a rate limit", async () => {
    const { f } = await fixture();
    const server = await serveProvider(f.connection.provider, { maxLogRange: 2, errorRate: 0 });
    cleanup.push(() => server.close());
    const client = createPublicClient({ transport: http(server.url, { retryCount: 0 }) });
    const range = await client.getLogs({ fromBlock: 0n, toBlock: 10n }).catch((e: unknown) => e);
    expect(toRpcError(range, "eth_getLogs")).toBeInstanceOf(RpcRangeError);
    expect(toRpcError(range, "eth_getLogs")).toMatchObject({ cap: "span", maxSpan: 2, retryable: false });
    server.faults.errorRate = 1;
    const failed = await client.getBlockNumber().catch((e: unknown) => e);
    const transient = toRpcError(failed, "eth_blockNumber");
    expect(transient).toBeInstanceOf(RpcUnavailableError);
    expect(transient).not.toBeInstanceOf(RpcRateLimitedError);
    expect(transient.retryable).toBe(true);
  });

  it("waits as long as the provider asks before asking again", async () => {
    const { f } = await fixture();
    const server = await serveProvider(f.connection.provider, { rateLimitNext: 1, retryAfterSeconds: 1 });
    cleanup.push(() => server.close());
    const started = performance.now();
    expect(await createRpc(server.url).head()).toBeGreaterThan(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(server.stats.rateLimited).toBe(1);
  });
});

describe(`the indexer through a rate limit that outlasts its retries (${backend})`, () => {
  it("keeps running and serving, /readyz saying why, and catches up once the limit lifts", async () => {
    const { f, clean } = await fixture();
    const server = await serveProvider(f.connection.provider, { rateLimitShape: "infura", retryAfterSeconds: 0 });
    cleanup.push(() => server.close());
    const db = await freshDatabase();
    cleanup.push(() => db.close());
    const indexer = new Indexer(
      db.db,
      createRpc(server.url, { retries: 1 }),
      { factory: f.deployment.factory, startBlock: f.deployment.startBlock, confirmations: 0, pollInterval: 20 },
      quietLogger,
    );
    await indexer.init();
    const app = await appOver(db, indexer);
    cleanup.push(() => app.close());
    // Every request refused from now: the head polls included.
    server.faults.rateLimitNext = 1_000_000;
    const controller = new AbortController();
    const running = indexer.run(controller.signal);
    cleanup.push(async () => {
      controller.abort();
      await running;
    });
    await until(() => indexer.status.reason?.includes("rate-limiting") === true, "the indexer reports the limit");
    const ready = await app.inject("/readyz");
    expect(ready.statusCode).toBe(503);
    expect(ready.json().reason).toMatch(/^the RPC is rate-limiting the indexer; retrying in \d+ s$/);
    expect((await app.inject("/api/collectives")).statusCode).toBe(200);

    server.faults.rateLimitNext = 0;
    await until(() => indexer.status.caughtUp, "the indexer catches up");
    expect((await app.inject("/readyz")).statusCode).toBe(200);
    expect(await snapshotTables(db)).toEqual(await freshIndexOf(f, clean.url));
  });

  it("surfaces a rate limit to its caller as such once the retries are spent", async () => {
    const { f } = await fixture();
    const server = await serveProvider(f.connection.provider, { rateLimitNext: 5, retryAfterSeconds: 0 });
    cleanup.push(() => server.close());
    const error = await createRpc(server.url, { retries: 1 })
      .head()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcRateLimitedError);
  });
});

describe(`logs as providers return them (${backend})`, () => {
  it("takes a log returned twice once", async () => {
    const { f, clean } = await fixture();
    const doubled = await serveProvider(f.connection.provider, { duplicateLogs: true });
    cleanup.push(() => doubled.close());
    expect(await freshIndexOf(f, doubled.url)).toEqual(await freshIndexOf(f, clean.url));
  });

  it("follows more collectives than a provider takes addresses in one filter", async () => {
    const { f } = await fixture();
    // 201 collectives: 1,005 module addresses and 201 treasuries, over a cap of 1,000 per filter.
    for (let i = 0; i < 200; i++) {
      await createCollective(
        { publicClient: f.publicClient, walletClient: f.carol },
        {
          factory: f.deployment.factory,
          name: `Collective ${i}`,
          symbol: "C",
          principles: ["Care"],
          // As many shares as the proposal threshold: the factory refuses founders who could never propose.
          founders: [{ account: f.carol.account.address, shares: SETTINGS.proposalThreshold }],
          settings: SETTINGS,
        },
      );
    }
    const capped = await serveProvider(f.connection.provider, { maxFilterSize: 1_000 });
    cleanup.push(() => capped.close());
    const db = await freshDatabase();
    cleanup.push(() => db.close());
    const indexer = indexerFor(db, f, capped.url);
    await indexer.init();
    await indexer.syncToHead();
    expect(await db.db.$count(schema.collectives)).toBe(201);
    // Every collective's founder is a member: the module logs of the 201st came in too.
    expect(await db.db.$count(schema.members)).toBe(3 + 200);
    expect(capped.stats.refusedFilters).toBe(0);
  });
});

async function until(condition: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

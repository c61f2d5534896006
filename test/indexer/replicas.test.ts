/**
 * The service as separate processes on one Postgres: one indexer (ROLE=indexer) and two API
 * replicas (ROLE=api), each a child process as `npm run serve` runs it, over a Hardhat chain
 * served on JSON-RPC. A replica takes no writer's lock and waits for the indexer's schema; a
 * transaction on the chain reaches the event streams of both replicas under one id; both answer
 * as the indexer does, from their cache the second time, and a comment taken by one process makes
 * every process answer its new count; a client that comes back with
 * Last-Event-ID, to either replica, gets what it missed; a reorg reaches the clients of both;
 * killing one replica mid-load loses no request at the other; the replicas' readiness follows the
 * indexer's, and once the indexer is killed they go unready after STALE_AFTER_MS while they keep
 * answering. Needs Postgres (DATABASE_URL): skipped without it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import type { Hex } from "viem";
import { commentTypedData, NO_PARENT } from "@rhizome/client/schemas";
import { addressOf, collectiveFixture, waitFor, type Fixture } from "../helpers/collective.js";
import { freshDatabaseUrl } from "../helpers/database.js";
import { startServiceProcess, type ServiceProcess } from "../helpers/processes.js";
import { serveProvider, type RpcServer } from "../helpers/rpc-server.js";
import { EventStream, isAnyOf, type Message } from "../helpers/sse.js";

/** Replicas are unready once the indexer's heartbeat is this old. */
const STALE_AFTER_MS = 2_000;

const indexed = isAnyOf("indexed");
const blockOf = (message: Message) => (JSON.parse(message.data ?? "{}") as { toBlock?: number }).toBlock;

const readiness = async (url: string) => {
  const response = await fetch(`${url}/readyz`);
  return {
    status: response.status,
    body: (await response.json()) as { ready: boolean; reason?: string; cursor: number },
  };
};
const ready = (url: string) =>
  expect.poll(async () => (await readiness(url)).status, { timeout: 60_000, interval: 100 }).toBe(200);

/** The value of an unlabelled sample in a Prometheus text scrape. */
const sample = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? NaN);

describe.runIf(process.env.DATABASE_URL)("one indexer and two API replicas on one Postgres", () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  let f: Fixture;
  let rpc: RpcServer;
  let databaseUrl: string;
  let indexer: ServiceProcess;
  let replicas: ServiceProcess[] = [];
  /** An `indexed` event both replicas streamed, for the resumption test. */
  let seen: { id: string; block: number };

  const env = () => ({
    RPC_URL: rpc.url,
    DATABASE_URL: databaseUrl,
    FACTORY_ADDRESS: f.deployment.factory,
    START_BLOCK: String(f.deployment.startBlock),
    CONFIRMATIONS: "0",
    POLL_INTERVAL_MS: "50",
    SHUTDOWN_DRAIN_MS: "0",
    HEARTBEAT_INTERVAL_MS: "200",
    STALE_AFTER_MS: String(STALE_AFTER_MS),
  });
  const start = async (role: string) => {
    const started = await startServiceProcess({ ...env(), ROLE: role });
    cleanup.push(async () => {
      started.kill();
      await started.exited;
    });
    return started;
  };
  /** Advisory locks held on the test's database: the writer's, when an indexer runs. */
  const advisoryLocks = async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const result = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
         WHERE l.locktype = 'advisory' AND d.datname = current_database()`,
      );
      return result.rows[0]?.n ?? 0;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    f = await collectiveFixture();
    rpc = await serveProvider(f.connection.provider);
    cleanup.push(() => rpc.close());
    databaseUrl = (await freshDatabaseUrl()) ?? "";
  });
  afterAll(async () => {
    for (const task of cleanup.reverse()) await task();
  });

  it("starts a replica before the indexer: no lock taken, 503 until the indexer has made the schema", async () => {
    const first = await start("api");
    replicas.push(first);
    const { status, body } = await readiness(first.url);
    expect(status).toBe(503);
    expect(body.reason).toMatch(/schema lacks \d+ migrations of this release: the indexer .* applies them/);
    const api = await fetch(`${first.url}/api/collectives`);
    expect(api.status).toBe(503);
    expect(await api.json()).toEqual({
      error: "ServiceUnavailable",
      message: expect.stringContaining("The API cannot answer yet: the database's schema lacks"),
    });
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    expect(await advisoryLocks()).toBe(0);
  });

  it("starts the indexer beside it; both become ready, a second replica too, and a second indexer is refused", async () => {
    indexer = await start("indexer");
    await ready(indexer.url);
    expect(await advisoryLocks()).toBe(1);
    await ready(replicas[0]?.url ?? "");
    replicas.push(await start("api"));
    await ready(replicas[1]?.url ?? "");
    expect(await advisoryLocks()).toBe(1);
    await expect(start("indexer")).rejects.toThrow(/exited \(1\) before listening[\s\S]*Another indexer is writing/);
  });

  it("streams a transaction on the chain to the clients of both replicas, under one id", async () => {
    const streams = await Promise.all(
      [indexer, ...replicas].map((service) => EventStream.open(`${service.url}/api/events`)),
    );
    await Promise.all(streams.map((stream) => stream.next((m) => m.comment === "connected")));
    const receipt = await waitFor(f, f.as(f.dave).shares.write.applyForMembership([5n, "Let me in"]));
    const block = Number(receipt.blockNumber);
    const messages = await Promise.all(
      streams.map((stream) => stream.next((m) => indexed(m) && blockOf(m) === block, 15_000)),
    );
    for (const message of messages) {
      expect(JSON.parse(message.data ?? "")).toMatchObject({
        toBlock: block,
        collectives: [f.modules.governor],
        eventNames: ["shares.ApplicationSubmitted"],
      });
    }
    const ids = messages.map((m) => m.id);
    expect(ids[0]).toMatch(/^\d+$/);
    expect(new Set(ids).size).toBe(1);
    seen = { id: ids[0] ?? "", block };
    for (const stream of streams) stream.close();
  });

  it("answers the same on both replicas as on the indexer, from the cache the second time", async () => {
    const base = `/api/collectives/${f.modules.governor}`;
    const routes = ["/api/collectives", base, `${base}/members`, `${base}/applications?status=open`, "/api/chain"];
    for (const route of routes) {
      const bodies = await Promise.all(
        [indexer, ...replicas].map(async (service) => {
          const response = await fetch(`${service.url}${route}`);
          expect(response.status, route).toBe(200);
          return response.text();
        }),
      );
      expect(bodies[1], route).toBe(bodies[0]);
      expect(bodies[2], route).toBe(bodies[0]);
    }
    const replica = replicas[0]?.url ?? "";
    const hits = async () => sample(await (await fetch(`${replica}/metrics`)).text(), "rhizome_http_cache_hits_total");
    const before = await hits();
    const again = await fetch(`${replica}${base}/applications?status=open`);
    expect((await again.json()) as { items: { pitch: string }[] }).toMatchObject({ items: [{ pitch: "Let me in" }] });
    expect(await hits()).toBe(before + 1);
  });

  it("tells every process of a comment taken by one, so none answers a list with its old count", async () => {
    const lists = `/api/collectives/${f.modules.governor}/applications?status=open`;
    const counts = async (url: string, etag?: string) => {
      const response = await fetch(`${url}${lists}`, etag ? { headers: { "if-none-match": etag } } : {});
      const body = response.status === 200 ? ((await response.json()) as { items: { commentCount: number }[] }) : null;
      return { status: response.status, etag: response.headers.get("etag") ?? "", count: body?.items[0]?.commentCount };
    };
    // Each process has answered (and cached) the list with no comment yet.
    const before = await Promise.all([indexer, ...replicas].map((service) => counts(service.url)));
    expect(before.map((b) => b.count)).toEqual([0, 0, 0]);
    const [{ applicationId }] = (
      (await (await fetch(`${replicas[0]?.url}${lists}`)).json()) as {
        items: [{ applicationId: number }];
      }
    ).items;
    // Dave comments in his own application's thread, at the first replica.
    const message = {
      author: addressOf(f.dave),
      parent: NO_PARENT,
      body: "Happy to answer any question here",
      issuedAt: Math.floor(Date.now() / 1000),
      nonce: `0x${"ab".repeat(32)}` as Hex,
    };
    const signature = await f.dave.signTypedData({
      ...commentTypedData(await f.publicClient.getChainId(), f.modules.governor),
      primaryType: "Comment",
      message: { ...message, kind: "application", thread: String(applicationId), issuedAt: BigInt(message.issuedAt) },
    });
    const posted = await fetch(
      `${replicas[0]?.url}/api/collectives/${f.modules.governor}/threads/application/${applicationId}/comments`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...message, signature }),
      },
    );
    expect(posted.status).toBe(200);
    // The indexer and the other replica hear of it: the ETag they gave is stale, the count new.
    for (const [i, service] of [indexer, replicas[1]].entries()) {
      await expect
        .poll(async () => (await counts(service?.url ?? "", before[i === 0 ? 0 : 2]?.etag)).count, { timeout: 10_000 })
        .toBe(1);
    }
  });

  it("sends a client that comes back with Last-Event-ID what it missed, at either replica", async () => {
    const watcher = await EventStream.open(`${replicas[0]?.url}/api/events`);
    await watcher.next((m) => m.comment === "connected");
    const receipt = await waitFor(f, f.as(f.eve).shares.write.applyForMembership([3n, "Me too"]));
    const block = Number(receipt.blockNumber);
    const missed = await watcher.next((m) => indexed(m) && blockOf(m) === block, 15_000);
    watcher.close();
    // The cached answer went with the range: the new application is there.
    const open = await fetch(`${replicas[0]?.url}/api/collectives/${f.modules.governor}/applications?status=open`);
    expect(((await open.json()) as { items: { pitch: string }[] }).items.map((a) => a.pitch).sort()).toEqual([
      "Let me in",
      "Me too",
    ]);
    for (const replica of replicas) {
      const back = await EventStream.open(`${replica.url}/api/events`, seen.id);
      const first = await back.next(isAnyOf("indexed", "reorg", "reset"));
      expect(first.event).toBe("indexed");
      expect(Number(first.id)).toBeGreaterThan(Number(seen.id));
      // Every range after the one seen, in order, up to the one missed.
      let last = first;
      while (last.id !== missed.id) last = await back.next(isAnyOf("indexed", "reorg", "reset"));
      expect(blockOf(last)).toBe(block);
      back.close();
    }
  });

  it("follows the indexer's readiness: unready while it fails, ready when it recovers", async () => {
    const replica = replicas[1]?.url ?? "";
    rpc.faults.errorRate = 1;
    await expect
      .poll(async () => readiness(replica), { timeout: 20_000, interval: 100 })
      .toMatchObject({ status: 503, body: { ready: false, reason: expect.stringMatching(/retrying in/) } });
    rpc.faults.errorRate = 0;
    await ready(replica);
    const [own, read] = await Promise.all([readiness(indexer.url), readiness(replica)]);
    expect(read.body.cursor).toBe(own.body.cursor);
  });

  it("carries a reorg to the clients of both replicas, under one id, and forgets what it removed", async () => {
    const provider = f.connection.provider;
    const streams = await Promise.all(replicas.map((replica) => EventStream.open(`${replica.url}/api/events`)));
    await Promise.all(streams.map((stream) => stream.next((m) => m.comment === "connected")));
    const snapshot = (await provider.request({ method: "evm_snapshot", params: [] })) as string;
    const frank = f.wallets[6];
    if (!frank) throw new Error("The chain has no seventh account");
    const receipt = await waitFor(f, f.as(frank).shares.write.applyForMembership([2n, "Gone soon"]));
    const block = Number(receipt.blockNumber);
    await Promise.all(streams.map((stream) => stream.next((m) => indexed(m) && blockOf(m) === block, 15_000)));
    const applications = `/api/collectives/${f.modules.governor}/applications?status=open`;
    const pitches = async (url: string) =>
      ((await (await fetch(`${url}${applications}`)).json()) as { items: { pitch: string }[] }).items.map(
        (a) => a.pitch,
      );
    // Asked once before the reorg, so a cached answer would hold the removed application.
    for (const replica of replicas) expect(await pitches(replica.url)).toContain("Gone soon");

    await provider.request({ method: "evm_revert", params: [snapshot] });
    for (let i = 0; i < 3; i++) await provider.request({ method: "evm_mine", params: [] });
    const reorgs = await Promise.all(streams.map((stream) => stream.next(isAnyOf("reorg"), 15_000)));
    expect(new Set(reorgs.map((m) => m.id)).size).toBe(1);
    for (const message of reorgs) {
      expect(JSON.parse(message.data ?? "")).toMatchObject({ ancestor: block - 1, depth: 1 });
    }
    for (const replica of replicas) {
      await expect.poll(() => pitches(replica.url), { timeout: 10_000, interval: 100 }).not.toContain("Gone soon");
    }
    for (const stream of streams) stream.close();
  });

  it("loses no request at one replica while the other is killed in the middle of answering", async () => {
    const [kept, killed] = replicas;
    if (!kept || !killed) throw new Error("two replicas expected");
    const route = `/api/collectives/${f.modules.governor}/members`;
    const ask = async (url: string) => {
      try {
        const response = await fetch(`${url}${route}`);
        await response.text();
        return response.status;
      } catch {
        return "failed";
      }
    };
    // Rounds of requests at both replicas; the second is killed once the first rounds are in flight.
    const rounds = Array.from({ length: 20 }, async (_, round) => {
      await new Promise((resolve) => setTimeout(resolve, round * 20));
      return Promise.all([ask(kept.url), ask(killed.url)]);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    killed.kill("SIGKILL");
    await killed.exited;
    const answers = await Promise.all(rounds);
    expect(answers.map(([atKept]) => atKept)).toEqual(answers.map(() => 200));
    // The killed one did drop some: the test killed it mid-load, not after.
    expect(answers.map(([, atKilled]) => atKilled)).toContain("failed");
    replicas = [kept];
  });

  it("goes unready once the indexer is killed, after STALE_AFTER_MS, and keeps answering", async () => {
    const route = `/api/collectives/${f.modules.governor}`;
    const before = await (await fetch(`${replicas[0]?.url}${route}`)).text();
    indexer.kill("SIGKILL");
    await indexer.exited;
    const killed = Date.now();
    for (const replica of replicas) {
      await expect
        .poll(async () => readiness(replica.url), { timeout: STALE_AFTER_MS + 10_000, interval: 100 })
        .toMatchObject({
          status: 503,
          body: { reason: expect.stringMatching(/heartbeat is .* old .* may have stopped/) },
        });
      const response = await fetch(`${replica.url}${route}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(before);
    }
    // Not before the bound: a heartbeat up to 200 ms old was fresh when it was killed.
    expect(Date.now() - killed).toBeGreaterThan(STALE_AFTER_MS - 300);
    replicas = [];
  });
});

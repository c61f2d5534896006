/**
 * /api/events streams, so `inject` cannot read it: the app listens on a free port and the test
 * reads the stream with fetch, as a browser's EventSource would.
 */
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { getAddress } from "viem";
import type { DatabaseHandle } from "@rhizome/db";
import type { Api } from "@rhizome/client";
import { buildApp, type Indexer } from "@rhizome/indexer";
import { collectiveFixture, waitFor, type Fixture } from "../helpers/collective.js";
import { freshDatabase, indexerFor } from "../helpers/indexer.js";
import { serveProvider, type RpcServer } from "../helpers/rpc-server.js";
import { EventStream, isEvent } from "../helpers/sse.js";
import { backend, get } from "./indexed.js";

describe(`live updates as server-sent events (${backend})`, () => {
  let f: Fixture;
  let rpc: RpcServer;
  let db: DatabaseHandle;
  let indexer: Indexer;
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    f = await collectiveFixture();
    rpc = await serveProvider(f.connection.provider);
    db = await freshDatabase();
    indexer = indexerFor(db, f, rpc.url);
    await indexer.init();
    await indexer.syncToHead();
    app = await buildApp({
      db: db.db,
      status: () => indexer.status,
      events: indexer,
      corsOrigins: "*",
      rateLimit: 1_000,
      heartbeatMs: 200,
    });
    await app.listen({ host: "127.0.0.1", port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await rpc?.close();
  });

  it("opens an event stream with CORS and security headers", async () => {
    const stream = await EventStream.open(`${url}/api/events`);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get("content-type")).toContain("text/event-stream");
    expect(stream.response.headers.get("cache-control")).toContain("no-cache");
    expect(stream.response.headers.get("access-control-allow-origin")).toBe("*");
    expect(stream.response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await stream.next((m) => m.comment === "connected")).toBeDefined();
    stream.close();
  });

  it("sends an `indexed` event when the indexer emits one", async () => {
    const stream = await EventStream.open(`${url}/api/events`);
    await stream.next((m) => m.comment === "connected");
    indexer.emit("indexed", {
      fromBlock: 100,
      toBlock: 110,
      timestamp: 1_700_000_000,
      durationMs: 5,
      events: 3,
      collectives: [f.modules.governor.toLowerCase()],
      eventNames: ["shares.Transfer"],
      backfill: false,
    });
    const message = await stream.next(isEvent("indexed"));
    expect(JSON.parse(message.data ?? "")).toEqual({
      fromBlock: 100,
      toBlock: 110,
      collectives: [f.modules.governor],
      eventNames: ["shares.Transfer"],
    } satisfies Api.IndexedMessage);
    stream.close();
  });

  it("sends what the indexer commits from a real transaction", async () => {
    const stream = await EventStream.open(`${url}/api/events?collective=${f.modules.governor.toLowerCase()}`);
    await stream.next((m) => m.comment === "connected");
    const receipt = await waitFor(f, f.as(f.dave).shares.write.applyForMembership([5n, "Let me in"]));
    await indexer.syncToHead();
    const message = await stream.next(isEvent("indexed"));
    const data = JSON.parse(message.data ?? "") as Api.IndexedMessage;
    expect(data).toMatchObject({
      toBlock: Number(receipt.blockNumber),
      collectives: [f.modules.governor],
      eventNames: ["shares.ApplicationSubmitted"],
    });
    // And the API already answers with it.
    const applications = await get<Api.Page<Api.Application>>(
      app,
      `/api/collectives/${f.modules.governor}/applications?status=open`,
    );
    expect(applications.body.items.map((a) => a.pitch)).toEqual(["Let me in"]);
    stream.close();
  });

  it("filters `indexed` events by collective but always sends reorgs", async () => {
    const other = getAddress("0x00000000000000000000000000000000000000aa");
    const stream = await EventStream.open(`${url}/api/events?collective=${other.toLowerCase()}`);
    await stream.next((m) => m.comment === "connected");
    const range = { events: 1, eventNames: ["work.WorkCommissioned"], backfill: false, timestamp: 0, durationMs: 1 };
    indexer.emit("indexed", { ...range, fromBlock: 1, toBlock: 1, collectives: [f.modules.governor] });
    indexer.emit("indexed", { ...range, fromBlock: 2, toBlock: 2, collectives: [f.modules.governor, other] });
    const message = await stream.next(isEvent("indexed"));
    expect(JSON.parse(message.data ?? "")).toMatchObject({ fromBlock: 2, collectives: [f.modules.governor, other] });
    indexer.emit("reorg", { ancestor: 40, depth: 2 });
    const reorg = await stream.next(isEvent("reorg"));
    expect(JSON.parse(reorg.data ?? "")).toEqual({ ancestor: 40, depth: 2 });
    stream.close();
  });

  it("sends a heartbeat comment while nothing happens", async () => {
    const stream = await EventStream.open(`${url}/api/events`);
    expect(await stream.next((m) => m.comment === "heartbeat", 2_000)).toEqual({ comment: "heartbeat" });
    stream.close();
  });

  it("removes its listeners when the client goes", async () => {
    // Streams of the tests before may still be closing. The app itself listens to both (its ETags
    // follow the index; reorgs make it forget which collectives exist): once, not per stream.
    await expect.poll(() => indexer.listenerCount("indexed"), { timeout: 3_000 }).toBe(1);
    const before = 1;
    const reorgBefore = indexer.listenerCount("reorg");
    const streams = await Promise.all([1, 2, 3].map(() => EventStream.open(`${url}/api/events`)));
    await Promise.all(streams.map((s) => s.next((m) => m.comment === "connected")));
    expect(indexer.listenerCount("indexed")).toBe(before + 3);
    expect(indexer.listenerCount("reorg")).toBe(reorgBefore + 3);
    for (const stream of streams) stream.close();
    await expect.poll(() => indexer.listenerCount("indexed"), { timeout: 3_000 }).toBe(before);
    expect(indexer.listenerCount("reorg")).toBe(reorgBefore);
  });

  it("refuses a malformed collective filter with a 400 before streaming", async () => {
    const response = await fetch(`${url}/api/events?collective=nope`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "BadRequest",
      message: "The query parameter collective must be a 0x-prefixed address of 40 hexadecimal digits.",
    });
  });

  it("ends open streams when the server closes", async () => {
    const local = await buildApp({
      db: db.db,
      status: () => indexer.status,
      events: indexer,
      corsOrigins: "*",
      rateLimit: 100,
    });
    await local.listen({ host: "127.0.0.1", port: 0 });
    const stream = await EventStream.open(
      `http://127.0.0.1:${(local.server.address() as AddressInfo).port}/api/events`,
    );
    await stream.next((m) => m.comment === "connected");
    await local.close();
    await expect(stream.next(() => false, 3_000)).rejects.toThrow("The stream ended");
  });
});

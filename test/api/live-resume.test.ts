/**
 * Live events that a client does not miss: each carries an `id:`, and a client reconnecting with
 * Last-Event-ID is sent what it missed before anything new, or a `reset` when that is no longer
 * kept. In one process the feed is a ring buffer in memory (PGlite's path); across processes it is
 * Postgres' live_events table with NOTIFY, checked here in one process with a publisher and a
 * subscriber on two connections, and with the subscriber's connection cut.
 */
import { EventEmitter } from "node:events";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import pg from "pg";
import { getAddress } from "viem";
import { openDatabase, type DatabaseHandle, type ListenHandlers } from "@rhizome/db";
import {
  buildApp,
  KEPT_EVENTS,
  memoryFeed,
  postgresPublisher,
  postgresSubscriber,
  relay,
  type Indexed,
  type IndexerEvents,
  type IndexerStatus,
  type LiveFeed,
  type Publisher,
} from "@rhizome/indexer";
import { freshDatabaseUrl } from "../helpers/database.js";
import { freshDatabase, quietLogger } from "../helpers/indexer.js";
import { EventStream, isAnyOf, type Message } from "../helpers/sse.js";

const STATUS: IndexerStatus = {
  chainId: 31337,
  head: 0,
  cursor: 0,
  finalized: 0,
  lag: 0,
  caughtUp: true,
  events: 0,
  skippedEvents: 0,
};

const A = getAddress("0x00000000000000000000000000000000000000aa");
const B = getAddress("0x00000000000000000000000000000000000000bb");

/** A range as the indexer emits it. */
const range = (block: number, collectives: string[] = [A]): Indexed => ({
  fromBlock: block,
  toBlock: block,
  events: 1,
  collectives,
  eventNames: ["shares.Transfer"],
  backfill: false,
  timestamp: 1_700_000_000 + block,
  durationMs: 1,
});

const blockOf = (message: Message) => (JSON.parse(message.data ?? "{}") as { toBlock?: number }).toBlock;

interface Setup {
  /** What the indexer emits, as the service relays it to the feed. */
  indexer: EventEmitter<IndexerEvents>;
  /** The feed the API reads (a replica's subscriber on Postgres). */
  feed: LiveFeed;
  /** Resolves once the API has heard every event published so far. */
  settled(): Promise<void>;
  /** Empties the kept events, as a rebuild of the index does. */
  forget(): Promise<void>;
  close(): Promise<void>;
}

async function memorySetup(): Promise<Setup> {
  const indexer = new EventEmitter<IndexerEvents>();
  const feed = memoryFeed({ capacity: 5 });
  relay(indexer, feed);
  return {
    indexer,
    feed,
    settled: () => Promise.resolve(),
    forget: async () => {
      // Five more events push the kept ones out of the ring.
      for (let block = 900; block < 905; block++) indexer.emit("indexed", range(block, [B]));
    },
    close: () => feed.close(),
  };
}

async function postgresSetup(): Promise<Setup> {
  const url = await freshDatabaseUrl();
  if (!url) throw new Error("DATABASE_URL is not set");
  const writer = await openDatabase({ url, writer: true });
  await writer.migrate();
  const replica = await openDatabase({ url });
  const indexer = new EventEmitter<IndexerEvents>();
  const publisher = postgresPublisher(writer.db, quietLogger);
  relay(indexer, publisher);
  const subscriber = await postgresSubscriber(replica, quietLogger);
  let published = 0;
  publisher.events.on("indexed", (event) => (published = Number(event.id)));
  publisher.events.on("reorg", (event) => (published = Number(event.id)));
  return {
    indexer,
    feed: subscriber,
    async settled() {
      await publisher.close();
      await expect.poll(() => subscriber.lastId, { timeout: 5_000 }).toBeGreaterThanOrEqual(published);
    },
    forget: async () => void (await writer.db.execute(sql`TRUNCATE live_events`)),
    async close() {
      await subscriber.close();
      await publisher.close();
      await replica.close();
      await writer.close();
    },
  };
}

const kinds = process.env.DATABASE_URL ? (["memory", "postgres"] as const) : (["memory"] as const);

describe.each(kinds)("resuming live events with Last-Event-ID (%s feed)", (kind) => {
  let setup: Setup;
  let db: DatabaseHandle;
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    setup = kind === "memory" ? await memorySetup() : await postgresSetup();
    db = await freshDatabase();
    app = await buildApp({
      db: db.db,
      status: () => STATUS,
      events: setup.feed.events,
      feed: setup.feed,
      corsOrigins: "*",
      rateLimit: 1_000_000,
    });
    await app.listen({ host: "127.0.0.1", port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/events`;
  });
  afterAll(async () => {
    await app?.close();
    await setup?.close();
    await db?.close();
  });

  const live = isAnyOf("indexed", "reorg", "reset");

  it("sends each event with an id, and what a client missed when it comes back", async () => {
    const first = await EventStream.open(url);
    await first.next((m) => m.comment === "connected");
    setup.indexer.emit("indexed", range(1));
    const one = await first.next(live);
    expect(one).toMatchObject({ event: "indexed", id: expect.any(String) });
    first.close();

    // Away: two ranges and a rollback go by.
    setup.indexer.emit("indexed", range(2));
    setup.indexer.emit("reorg", { ancestor: 1, depth: 1 });
    setup.indexer.emit("indexed", range(2, [B]));
    await setup.settled();

    const back = await EventStream.open(url, one.id);
    const missed = [await back.next(live), await back.next(live), await back.next(live)];
    expect(missed.map((m) => m.event)).toEqual(["indexed", "reorg", "indexed"]);
    expect(missed.map(blockOf)).toEqual([2, undefined, 2]);
    expect(JSON.parse(missed[1]?.data ?? "")).toEqual({ ancestor: 1, depth: 1 });
    const ids = [one.id, ...missed.map((m) => m.id)];
    expect(new Set(ids).size).toBe(4);

    // Then it follows live, from where it is, without a repeat.
    setup.indexer.emit("indexed", range(3));
    const next = await back.next(live);
    expect(blockOf(next)).toBe(3);
    expect(ids).not.toContain(next.id);
    back.close();

    // Resumed from the newest, nothing is sent again.
    const current = await EventStream.open(url, next.id);
    await current.next((m) => m.comment === "connected");
    setup.indexer.emit("indexed", range(4));
    expect(blockOf(await current.next(live))).toBe(4);
    current.close();
  });

  it("applies the collective filter to what was missed", async () => {
    const stream = await EventStream.open(url);
    await stream.next((m) => m.comment === "connected");
    setup.indexer.emit("indexed", range(10));
    const seen = await stream.next(live);
    stream.close();
    setup.indexer.emit("indexed", range(11, [A]));
    setup.indexer.emit("indexed", range(12, [B]));
    setup.indexer.emit("indexed", range(13, [A, B]));
    await setup.settled();
    const filtered = await EventStream.open(`${url}?collective=${B.toLowerCase()}`, seen.id);
    expect([blockOf(await filtered.next(live)), blockOf(await filtered.next(live))]).toEqual([12, 13]);
    filtered.close();
  });

  it("sends a reset, with the newest id, for an id it cannot resume from", async () => {
    setup.indexer.emit("indexed", range(20));
    await setup.settled();
    for (const stranger of ["not-an-id", "deadbeef-7", "999999999", "-1"]) {
      const stream = await EventStream.open(url, stranger);
      const reset = await stream.next(live);
      expect(reset.event, stranger).toBe("reset");
      expect(reset.id, stranger).toEqual(expect.any(String));
      expect(JSON.parse(reset.data ?? "")).toEqual({ reason: expect.stringContaining("refetch everything") });
      // And from that id on, it follows.
      stream.close();
      const again = await EventStream.open(url, reset.id);
      await again.next((m) => m.comment === "connected");
      setup.indexer.emit("indexed", range(21));
      expect(blockOf(await again.next(live))).toBe(21);
      again.close();
    }
  });

  it("sends a reset to a client whose missed events are no longer kept", async () => {
    const stream = await EventStream.open(url);
    await stream.next((m) => m.comment === "connected");
    setup.indexer.emit("indexed", range(30));
    const seen = await stream.next(live);
    stream.close();
    // The next one is missed, and then forgotten.
    setup.indexer.emit("indexed", range(31));
    await setup.settled();
    await setup.forget();
    setup.indexer.emit("indexed", range(32));
    await setup.settled();
    const back = await EventStream.open(url, seen.id);
    expect((await back.next(live)).event).toBe("reset");
    back.close();
  });

  it("ignores Last-Event-ID without a feed, as before", async () => {
    const plain = await buildApp({
      db: db.db,
      status: () => STATUS,
      events: setup.indexer,
      corsOrigins: "*",
      rateLimit: 1_000,
    });
    await plain.listen({ host: "127.0.0.1", port: 0 });
    try {
      const stream = await EventStream.open(
        `http://127.0.0.1:${(plain.server.address() as AddressInfo).port}/api/events`,
        "whatever",
      );
      await stream.next((m) => m.comment === "connected");
      setup.indexer.emit("indexed", range(40));
      const message = await stream.next(live);
      expect(message.event).toBe("indexed");
      expect(message.id).toBeUndefined();
      stream.close();
    } finally {
      await plain.close();
    }
  });
});

describe.runIf(process.env.DATABASE_URL)("the live events table on Postgres", () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const task of cleanup.reverse()) await task();
  });

  async function pair() {
    const url = (await freshDatabaseUrl()) ?? "";
    const writer = await openDatabase({ url, writer: true });
    cleanup.push(() => writer.close());
    await writer.migrate();
    const publisher: Publisher = postgresPublisher(writer.db, quietLogger);
    cleanup.push(() => publisher.close());
    return { url, writer, publisher };
  }

  it("keeps the newest events only, and notifies ids, not events", async () => {
    const { url, writer, publisher } = await pair();
    const notified: string[] = [];
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    cleanup.push(() => listener.end());
    listener.on("notification", (message) => notified.push(message.payload ?? ""));
    await listener.query("LISTEN rhizome_events");
    // A backfill range touching many collectives: far more than NOTIFY's 8000 bytes.
    const wide = Array.from({ length: 500 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, "0")}`);
    await publisher.publish("indexed", range(1, wide));
    for (let block = 2; block <= KEPT_EVENTS + 5; block++) void publisher.publish("indexed", range(block));
    await publisher.close();
    const rows = (await writer.db.execute(
      sql`SELECT count(*)::int AS n, min(id)::int AS oldest, max(id)::int AS newest FROM live_events`,
    )) as unknown as { rows: { n: number; oldest: number; newest: number }[] };
    expect(rows.rows[0]).toEqual({ n: KEPT_EVENTS, oldest: 6, newest: KEPT_EVENTS + 5 });
    await expect.poll(() => notified.length, { timeout: 5_000 }).toBe(KEPT_EVENTS + 5);
    expect(notified.slice(0, 3)).toEqual(["1", "2", "3"]);
  });

  it("catches up, in order and once, on what was published while its connection was cut", async () => {
    const { url, writer, publisher } = await pair();
    const replica = await openDatabase({ url });
    cleanup.push(() => replica.close());
    const subscriber = await postgresSubscriber(replica, quietLogger);
    cleanup.push(() => subscriber.close());
    const heard: string[] = [];
    subscriber.events.on("indexed", (event) => heard.push(`${event.id}:${event.toBlock}`));
    subscriber.events.on("reset", () => heard.push("reset"));

    await publisher.publish("indexed", range(1));
    await expect.poll(() => heard, { timeout: 5_000 }).toEqual(["1:1"]);
    // Cut the LISTEN connection as a restart of Postgres or a dead network would.
    const cut = async () => {
      const result = (await writer.db.execute(
        sql`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
      )) as unknown as { rows: { n: number }[] };
      expect(result.rows[0]?.n).toBe(1);
    };
    await cut();
    await publisher.publish("indexed", range(2));
    await publisher.publish("indexed", range(3));
    await expect.poll(() => heard, { timeout: 10_000 }).toEqual(["1:1", "2:2", "3:3"]);
    // Listening again, it hears the next one at once.
    await expect
      .poll(
        async () =>
          (
            (await writer.db.execute(
              sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
            )) as unknown as { rows: { n: number }[] }
          ).rows[0]?.n,
        { timeout: 10_000 },
      )
      .toBe(1);
    await publisher.publish("indexed", range(4));
    await expect.poll(() => heard, { timeout: 5_000 }).toEqual(["1:1", "2:2", "3:3", "4:4"]);
  });

  it("tells its clients to refetch when the events it missed were forgotten meanwhile", async () => {
    const { url, writer, publisher } = await pair();
    const replica = await openDatabase({ url });
    cleanup.push(() => replica.close());
    // The subscriber's connection, under the test's hand: cut and made again when it says.
    let handlers: ListenHandlers | undefined;
    const controlled: DatabaseHandle = {
      ...replica,
      listen: (_channel, given) => {
        handlers = given;
        given.connected(false);
        return Promise.resolve({ close: () => Promise.resolve() });
      },
    };
    const subscriber = await postgresSubscriber(controlled, quietLogger);
    cleanup.push(() => subscriber.close());
    const heard: string[] = [];
    subscriber.events.on("indexed", (event) => heard.push(`${event.toBlock}`));
    subscriber.events.on("reset", () => heard.push("reset"));
    await publisher.publish("indexed", range(1));
    await subscriber.catchUp();
    expect(heard).toEqual(["1"]);
    // While it is away, the index is rebuilt (the kept events go with it) and moves on.
    await publisher.publish("indexed", range(2));
    await writer.db.execute(sql`TRUNCATE live_events`);
    await publisher.publish("reorg", { ancestor: 0, depth: 2 });
    await publisher.publish("indexed", range(1));
    handlers?.connected(true);
    await expect.poll(() => heard, { timeout: 5_000 }).toEqual(["1", "reset", "1"]);
  });
});

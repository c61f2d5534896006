/**
 * The live feed across processes, through Postgres. The indexer (the publisher) adds each event
 * to live_events after its range committed, and NOTIFYs its id on LIVE_CHANNEL in the same
 * transaction, so the notification goes out once the row can be read. Every API replica (the
 * subscriber) LISTENs; on each notification it reads the rows after the last one it emitted, in
 * order, and emits them to its clients.
 *
 * The notification carries the id only, not the event: NOTIFY's payload is limited to 8000 bytes,
 * a backfill range can touch more collectives than that holds, and the row has to be kept anyway
 * for clients that reconnect with Last-Event-ID. Reading rows after the last one emitted also
 * makes up for notifications lost while the subscriber's connection was down. Only the newest
 * KEPT_EVENTS, from the last KEPT_FOR_MS, are kept; the publisher prunes as it adds.
 */
import { EventEmitter } from "node:events";
import { and, asc, gt, lt, lte, max, min, or, sql } from "drizzle-orm";
import { schema, type Database, type DatabaseHandle, type Listening } from "@rhizome/db";
import type { Relay } from "@rhizome/client/schemas";
import type { Indexed } from "../indexer.js";
import type { IndexerEvents, Reorg } from "../routes/api/events.js";
import {
  emitEvent,
  KEPT_EVENTS,
  KEPT_FOR_MS,
  type Backlog,
  type LiveEvent,
  type LiveFeed,
  type Publisher,
} from "./feed.js";

/** The channel the indexer NOTIFYs each new event's id on. */
export const LIVE_CHANNEL = "rhizome_events";

const le = schema.liveEvents;

/** Rows read at once when catching up. */
const PAGE = 500;

export interface FeedLogger {
  warn(obj: object, msg?: string): void;
}

type Row = typeof le.$inferSelect;

const toEvent = (row: Row): LiveEvent => ({ id: String(row.id), kind: row.kind, data: row.payload }) as LiveEvent;

/** The newest event's id, if any is kept. */
async function newestId(db: Database): Promise<number | undefined> {
  const [row] = await db.select({ id: max(le.id) }).from(le);
  return row?.id ?? undefined;
}

/** The events after `lastEventId`, read from the table, or a reset (see Backlog). */
async function backlog(db: Database, lastEventId: string): Promise<Backlog> {
  const last = /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : undefined;
  const [bounds] = await db.select({ oldest: min(le.id), newest: max(le.id) }).from(le);
  const oldest = bounds?.oldest ?? undefined;
  const newest = bounds?.newest ?? undefined;
  const latest = newest === undefined ? undefined : String(newest);
  // Not an id of this feed, one ahead of it (another database's), or one whose followers were
  // pruned or emptied with the index: the client refetches everything.
  if (last === undefined || oldest === undefined || newest === undefined || last > newest || last < oldest - 1) {
    return { reset: true, latest };
  }
  const rows = await db.select().from(le).where(gt(le.id, last)).orderBy(asc(le.id));
  return { events: rows.map(toEvent) };
}

/**
 * The indexer's feed: each event is added and NOTIFYd, then emitted in this process with its id.
 * A write that fails (the database is down for a moment) is logged, and the event still reaches
 * this process's clients, without an id: the replicas miss it, but the next range's event, and
 * their status, which follows the cursor, move them on.
 */
export function postgresPublisher(db: Database, log: FeedLogger): Publisher {
  const events = new EventEmitter<IndexerEvents>();
  let queue: Promise<void> = Promise.resolve();

  const write = async (kind: LiveEvent["kind"], data: Indexed | Reorg | Relay): Promise<void> => {
    try {
      const id = await db.transaction(async (tx) => {
        const [row] = await tx.insert(le).values({ kind, payload: data }).returning({ id: le.id });
        if (!row) throw new Error("The live event was not written");
        await tx.execute(sql`SELECT pg_notify(${LIVE_CHANNEL}, ${String(row.id)})`);
        // The newest is always kept: a client's id is compared with it.
        await tx
          .delete(le)
          .where(
            or(
              lte(le.id, row.id - KEPT_EVENTS),
              and(lt(le.id, row.id), lt(le.at, sql`now() - make_interval(secs => ${KEPT_FOR_MS / 1000})`)),
            ),
          );
        return row.id;
      });
      emitEvent(events, { id: String(id), kind, data } as LiveEvent);
    } catch (error) {
      log.warn({ kind, error: String(error).slice(0, 300) }, "a live event could not be written for the API replicas");
      if (kind === "indexed") events.emit("indexed", data as Indexed);
      else if (kind === "relay") events.emit("relay", { relay: data as Relay });
      else events.emit("reorg", data as Reorg);
    }
  };

  function publish(kind: "indexed", data: Indexed): Promise<void>;
  function publish(kind: "reorg", data: Reorg): Promise<void>;
  function publish(kind: "relay", data: Relay): Promise<void>;
  function publish(kind: LiveEvent["kind"], data: Indexed | Reorg | Relay): Promise<void> {
    // One at a time: two transactions side by side could commit in the other order than their
    // ids, and a subscriber reading after the later one would skip the earlier for good.
    queue = queue.then(() => write(kind, data));
    return queue;
  }

  return {
    events,
    publish,
    since: (lastEventId) => backlog(db, lastEventId),
    close: () => queue,
  };
}

export interface Subscriber extends LiveFeed {
  /** Reads and emits whatever was added since the last event emitted (notified or not). */
  catchUp(): Promise<void>;
  /** The id of the last event emitted, or of the newest kept at start (0 before the table is read). */
  readonly lastId: number;
}

/**
 * An API replica's feed: LISTENs for the indexer's notifications (reconnecting, with a growing
 * pause, when the connection drops) and emits the new rows in order. After a reconnection, if
 * rows it had not read were pruned or emptied with the index meanwhile, it emits `reset`: its
 * clients refetch everything. Call `catchUp` as well from a timer: a connection that died
 * without a word is noticed late, and the rows are there all the same.
 */
export async function postgresSubscriber(handle: DatabaseHandle, log: FeedLogger): Promise<Subscriber> {
  const db = handle.reads;
  const events = new EventEmitter<IndexerEvents>();
  /**
   * The id of the last event emitted. Unknown until the table is first read: a replica may start
   * before the indexer has made it, and has no client yet that could have missed anything.
   */
  let last: number | undefined;
  let reading: Promise<void> | undefined;
  let again = false;
  let checkGap = false;
  let closed = false;

  const read = async () => {
    if (last === undefined) {
      last = (await newestId(db)) ?? 0;
      checkGap = false;
      return;
    }
    if (checkGap) {
      checkGap = false;
      const [bounds] = await db.select({ oldest: min(le.id) }).from(le);
      const oldest = bounds?.oldest ?? undefined;
      if (last > 0 && oldest !== undefined && oldest > last + 1) {
        log.warn({ last, oldest }, "live events were missed while Postgres was out of reach: clients refetch");
        last = oldest - 1;
        events.emit("reset", { id: String(last) });
      }
    }
    for (;;) {
      const rows = await db.select().from(le).where(gt(le.id, last)).orderBy(asc(le.id)).limit(PAGE);
      for (const row of rows) {
        if (closed) return;
        last = row.id;
        emitEvent(events, toEvent(row));
      }
      if (rows.length < PAGE) return;
    }
  };

  // One reading at a time; a notification during one asks for another after it.
  const catchUp = (): Promise<void> => {
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      try {
        do {
          again = false;
          await read();
        } while (again && !closed);
      } catch (error) {
        log.warn({ error: String(error).slice(0, 300) }, "live events could not be read; reading again soon");
      } finally {
        reading = undefined;
      }
    })();
    return reading;
  };

  await catchUp();
  const listening: Listening = await handle.listen(LIVE_CHANNEL, {
    notify: () => void catchUp(),
    connected(reconnected) {
      // What was added before the first LISTEN took hold is read too, once.
      if (reconnected) {
        log.warn({}, "listening for live events again");
        checkGap = true;
      }
      void catchUp();
    },
    error(error) {
      log.warn({ error: String(error).slice(0, 300) }, "the connection that listens for live events was lost");
    },
  });

  return {
    events,
    catchUp,
    get lastId() {
      return last ?? 0;
    },
    since: (lastEventId) => backlog(db, lastEventId),
    async close() {
      closed = true;
      await listening.close();
      await reading;
    },
  };
}

/**
 * The indexer's status shared through the database, for API replicas (ROLE=api) that run no
 * indexer of their own. The indexer writes a heartbeat into indexer_state (its head, why it is not
 * ready if it is not, and the time), which its commits do not: on a quiet chain no range is
 * committed for hours, and an indexer that stopped would look just like one with nothing to do.
 * A replica reads it back, with the cursor the commits write, into the same IndexerStatus the API
 * reads in one process: ready when the index has caught up with the head, the indexer says
 * nothing is wrong, and its heartbeat is younger than STALE_AFTER_MS.
 */
import { sql } from "drizzle-orm";
import type { Address } from "viem";
import { schema, type Database, type DatabaseHandle } from "@rhizome/db";
import { startingStatus, type IndexerStatus } from "./indexer.js";
import type { Redact } from "./redact.js";

const s = schema.indexerState;

export interface HeartbeatLogger {
  warn(obj: object, msg?: string): void;
}

export interface Heartbeat {
  /** Writes the heartbeat now. */
  beat(): Promise<void>;
  /** Writes it now if the reason for not being ready changed since the last one (after a commit). */
  beatIfChanged(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Writes the indexer's heartbeat every `intervalMs`: the head it last saw (once it has seen one)
 * and its reason for not being ready, cleared of secrets (it may quote an RPC error and its URL).
 * Nothing is written before an index exists: there is no row yet, and replicas say so.
 */
export function startHeartbeat(
  db: Database,
  status: () => IndexerStatus,
  options: { intervalMs: number; redact: Redact; log: HeartbeatLogger },
): Heartbeat {
  let written: string | null | undefined;
  let writing: Promise<void> | undefined;
  let failing = false;
  const beat = async () => {
    if (writing) return writing;
    const { head, reason } = status();
    const text = reason === undefined ? null : options.redact(reason).slice(0, 1_000);
    writing = (async () => {
      try {
        await db
          .update(s)
          .set({ heartbeatAt: sql`now()`, statusReason: text, ...(head > 0 ? { headBlock: head } : {}) });
        written = text;
        if (failing) failing = false;
      } catch (error) {
        // Once per outage: the replicas will say they are not ready, which is the point.
        if (!failing) options.log.warn({ error: String(error).slice(0, 300) }, "the heartbeat could not be written");
        failing = true;
      } finally {
        writing = undefined;
      }
    })();
    return writing;
  };
  const timer = setInterval(() => void beat(), options.intervalMs);
  void beat();
  return {
    beat,
    async beatIfChanged() {
      const { reason } = status();
      const text = reason === undefined ? null : options.redact(reason).slice(0, 1_000);
      if (text !== written) await beat();
    },
    async stop() {
      clearInterval(timer);
      await writing;
    },
  };
}

export interface SharedStatusOptions {
  /** Not ready once the indexer's heartbeat is older than this. */
  staleAfterMs: number;
  /** How often to read it again besides on each live event. */
  refreshMs: number;
  /** Told the newest live event's id at each reading (the subscriber catches up if it is behind). */
  onLiveId?: (id: number) => void;
  log: HeartbeatLogger;
}

export interface SharedStatus {
  /** The indexer's status as last read. */
  readonly status: IndexerStatus;
  /** The factory the index follows, once there is an index. */
  readonly factory: Address | undefined;
  /**
   * Why the API cannot answer at all, if it cannot: the database's schema is not this release's
   * yet (an API replica does not migrate; the indexer does).
   */
  readonly unavailable: string | undefined;
  /** Reads it again now. */
  refresh(): Promise<void>;
  stop(): Promise<void>;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Reads the indexer's status from the database now, then every `refreshMs` and whenever asked. */
export async function readSharedStatus(handle: DatabaseHandle, options: SharedStatusOptions): Promise<SharedStatus> {
  const db = handle.reads;
  let status: IndexerStatus = startingStatus("reading the indexer's status from the database");
  let factory: Address | undefined;
  let unavailable: string | undefined = "reading the database's schema";
  // Prepared once per connection: every replica reads it every second.
  const read = db
    .select({
      chainId: s.chainId,
      factory: s.factory,
      cursor: s.cursorBlock,
      head: s.headBlock,
      finalized: s.finalizedBlock,
      reason: s.statusReason,
      ageMs: sql<number>`(EXTRACT(EPOCH FROM now() - ${s.heartbeatAt}) * 1000)::float8`.mapWith(Number),
      liveId: sql<number | null>`(SELECT max(id) FROM ${schema.liveEvents})`.mapWith(Number),
    })
    .from(s)
    .limit(1)
    .prepare("indexer_status");

  const notReady = (reason: string, known: Partial<IndexerStatus> = {}): IndexerStatus => ({
    ...startingStatus(reason),
    ...known,
    caughtUp: false,
    reason,
  });

  const readOnce = async () => {
    try {
      if (unavailable !== undefined) {
        const pending = await handle.pendingMigrations();
        unavailable =
          pending > 0
            ? `the database's schema lacks ${pending} migration${pending === 1 ? "" : "s"} of this release: ` +
              "the indexer (ROLE=indexer or all) applies them when it starts; upgrade it first"
            : undefined;
        if (unavailable !== undefined) {
          status = notReady(unavailable);
          return;
        }
      }
      const [row] = await read.execute();
      if (!row) {
        status = notReady("no index in the database yet: waiting for the indexer (ROLE=indexer or all) to start one");
        return;
      }
      factory = row.factory as Address;
      if (row.liveId !== null) options.onLiveId?.(row.liveId);
      const known = {
        chainId: row.chainId,
        head: Math.max(row.head, row.cursor),
        cursor: row.cursor,
        finalized: row.finalized,
        lag: Math.max(0, row.head - row.cursor),
      };
      if (row.ageMs > options.staleAfterMs) {
        status = notReady(
          `the indexer's last heartbeat is ${seconds(row.ageMs)} old (STALE_AFTER_MS is ${seconds(options.staleAfterMs)}): ` +
            "it may have stopped",
          known,
        );
      } else if (row.reason !== null) status = notReady(row.reason, known);
      else status = { ...startingStatus(), ...known, caughtUp: known.lag === 0 };
    } catch (error) {
      status = notReady(`the database does not answer (${String(error).slice(0, 160)})`, status);
    }
  };

  // One reading at a time; one asked for during another runs after it.
  let reading: Promise<void> | undefined;
  let again = false;
  const refresh = (): Promise<void> => {
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      try {
        do {
          again = false;
          await readOnce();
        } while (again);
      } finally {
        reading = undefined;
      }
    })();
    return reading;
  };

  await refresh();
  const timer = setInterval(() => void refresh(), options.refreshMs);
  return {
    get status() {
      return status;
    },
    get factory() {
      return factory;
    },
    get unavailable() {
      return unavailable;
    },
    refresh,
    async stop() {
      clearInterval(timer);
      await reading;
    },
  };
}

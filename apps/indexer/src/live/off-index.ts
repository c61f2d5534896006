/**
 * Off-chain data that the index's answers show (a thread's comment count on the proposals, work
 * and applications lists) changed in one process: on Postgres every process serving the API hears
 * of it, so none answers 304, or from its response cache, with a count it no longer has. The
 * process that took the change NOTIFYs OFF_INDEX_CHANNEL; each process (the indexer's and every
 * replica's) LISTENs and makes a new version of its answers. On PGlite one process serves
 * everything, and its own change is all there is to know.
 */
import { sql } from "drizzle-orm";
import type { DatabaseHandle, Listening } from "@rhizome/db";

export const OFF_INDEX_CHANNEL = "rhizome_off_index";

export interface OffIndexLog {
  warn(fields: object, message: string): void;
}

export interface OffIndexSignal {
  /** Tells every process that off-chain data changed. */
  announce(): void;
  /** Calls `heard` whenever a process (this one too) announces a change, until closed. */
  listen(heard: () => void): Promise<Listening>;
}

/** The signal over `handle`'s Postgres; undefined on PGlite. */
export function offIndexSignal(handle: DatabaseHandle, log: OffIndexLog): OffIndexSignal | undefined {
  if (handle.kind !== "postgres") return undefined;
  return {
    announce() {
      handle.db.execute(sql`SELECT pg_notify(${OFF_INDEX_CHANNEL}, '')`).catch((error: unknown) => {
        // The change is stored; the other processes see it at the index's next move.
        log.warn({ error: String(error).slice(0, 300) }, "other API processes could not be told of a new comment");
      });
    },
    // A connection made again may have missed a notification meanwhile: a new version then too.
    listen: (heard) => handle.listen(OFF_INDEX_CHANNEL, { notify: heard, connected: heard }),
  };
}

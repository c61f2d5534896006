/**
 * The live events the indexer published, for the API processes: each committed range and each
 * rollback, in order, under an id that server-sent events carry, so that a client reconnecting
 * with Last-Event-ID is sent what it missed. The indexer adds a row after each commit and NOTIFYs
 * its id; only the recent ones are kept (apps/indexer/src/live/postgres.ts).
 */
import { bigserial, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const liveEvents = pgTable("live_events", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  /** `indexed` or `reorg`. */
  kind: text("kind").notNull(),
  /** What the indexer emitted: the range (blocks, collectives, event names) or the rollback. */
  payload: jsonb("payload").notNull(),
  at: timestamp("at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});

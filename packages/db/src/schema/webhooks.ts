/**
 * Outgoing webhooks: who is told (an operator's subscription from WEBHOOKS or WEBHOOKS_FILE, or a
 * member's own, signed) and each delivery owed to them. Off-chain data: no rebuild of the index
 * touches it. A delivery is owed once per subscription and entry (the entry's id is stable across
 * a reorg that replays its block), so a replayed block is never delivered twice.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { address } from "./columns.js";

export const webhookSubscriptions = pgTable("webhook_subscriptions", {
  /** Operator's: derived from the URL and the collective; a member's: from the signed request. */
  id: text("id").primaryKey(),
  url: text("url").notNull(),
  /** The key of the HMAC-SHA256 signature each delivery carries. */
  secret: text("secret").notNull(),
  /** `json`, `discord`, `slack` or `matrix`: the body the receiver takes. */
  format: text("format").notNull(),
  /** `operator` or `member`. */
  source: text("source").notNull(),
  /** A collective's events; null with `account` set: that member's inbox. */
  collective: address("collective"),
  /** A member's inbox, across their collectives. */
  account: address("account"),
  /** A member's signed request, kept so the subscription can be verified again on import. */
  signed: jsonb("signed"),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  /**
   * The chain's time (seconds) when it was made, from the indexed head: a collective's entries up
   * to it are history, not told.
   */
  since: bigint("since", { mode: "number" }).notNull().default(0),
});

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    subscriptionId: text("subscription_id").notNull(),
    /** The entry's stable id (the feed's): what makes a delivery owed once. */
    entryId: text("entry_id").notNull(),
    /** The body sent, in the subscription's format. */
    payload: jsonb("payload").notNull(),
    /** `pending`, `delivered` or `dead` (every attempt failed). */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    /** The last attempt's HTTP status, or null when it got none. */
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_once").on(t.subscriptionId, t.entryId),
    index("webhook_deliveries_due")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

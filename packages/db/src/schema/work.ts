/** Work items and the objections to them. */
import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { address, amount, timestamp } from "./columns.js";

export const workItems = pgTable(
  "work_items",
  {
    collective: address("collective").notNull(),
    workId: integer("work_id").notNull(),
    title: text("title").notNull(),
    specUri: text("spec_uri").notNull(),
    principle: integer("principle").notNull(),
    /** Zero address until someone takes an open bounty. */
    contributor: address("contributor").notNull(),
    reward: amount("reward").notNull(),
    paymentToken: address("payment_token").notNull(),
    paymentAmount: amount("payment_amount").notNull(),
    /** commissioned, delivered, accepted, disputed, rejected or cancelled. */
    state: text("state").notNull(),
    deliveryUri: text("delivery_uri"),
    reviewEnds: timestamp("review_ends"),
    objectionQuorum: amount("objection_quorum"),
    objections: amount("objections")
      .notNull()
      .default(sql`0`),
    commissionedAt: timestamp("commissioned_at").notNull(),
    deliveredAt: timestamp("delivered_at"),
    settledAt: timestamp("settled_at"),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.collective, t.workId] }),
    index("work_by_state").on(t.collective, t.state, t.principle),
    index("work_by_contributor").on(t.contributor),
  ],
);

export const objections = pgTable(
  "objections",
  {
    collective: address("collective").notNull(),
    workId: integer("work_id").notNull(),
    objector: address("objector").notNull(),
    weight: amount("weight").notNull(),
    reason: text("reason").notNull(),
    timestamp: timestamp("timestamp").notNull(),
  },
  (t) => [primaryKey({ columns: [t.collective, t.workId, t.objector] })],
);

/** Collectives, their principles and the history of their quorum percentage. */
import { sql } from "drizzle-orm";
import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { address, amount, blockNumber, timestamp } from "./columns.js";

export const collectives = pgTable("collectives", {
  /** The governor's address: a collective's identity. */
  address: address("address").primaryKey(),
  factoryId: amount("factory_id").notNull(),
  name: text("name").notNull(),
  symbol: text("symbol").notNull(),
  creator: address("creator").notNull(),
  shares: address("shares").notNull().unique(),
  timelock: address("timelock").notNull().unique(),
  treasury: address("treasury").notNull().unique(),
  work: address("work").notNull().unique(),
  votingDelay: integer("voting_delay").notNull(),
  votingPeriod: integer("voting_period").notNull(),
  executionWindow: integer("execution_window").notNull(),
  /**
   * The longest execution window the collective ever had: no proposal's own window is longer, so
   * the state filters read the proposals of that last stretch of time only.
   */
  maxExecutionWindow: integer("max_execution_window").notNull().default(0),
  timelockDelay: integer("timelock_delay").notNull(),
  proposalThreshold: amount("proposal_threshold").notNull(),
  quorumPercent: integer("quorum_percent").notNull(),
  reviewWindow: integer("review_window").notNull(),
  objectionThreshold: integer("objection_threshold").notNull(),
  /** Percent of the supply at a proposal's snapshot whose objections during the grace period cancel it. */
  vetoPercent: integer("veto_percent").notNull(),
  /** How votes count for proposals from now on: shares, members (one member, one vote) or both (two houses). */
  countingRule: text("counting_rule").notNull(),
  totalShares: amount("total_shares")
    .notNull()
    .default(sql`0`),
  memberCount: integer("member_count").notNull().default(0),
  proposalCount: integer("proposal_count").notNull().default(0),
  workCount: integer("work_count").notNull().default(0),
  createdBlock: blockNumber("created_block").notNull(),
  createdAt: timestamp("created_at").notNull(),
  txHash: text("tx_hash").notNull(),
});

export const principles = pgTable(
  "principles",
  {
    collective: address("collective").notNull(),
    index: integer("index").notNull(),
    name: text("name").notNull(),
    updatedBlock: blockNumber("updated_block").notNull(),
  },
  (t) => [primaryKey({ columns: [t.collective, t.index] })],
);

/**
 * Each quorum percentage a collective's governor took, from the block it took effect in: the
 * factory's settings at creation, then every QuorumNumeratorUpdated. The governor checkpoints it
 * by timestamp and reads a proposal's quorum with the one in force at the snapshot, the last row
 * at or before that time.
 */
/** Each change of a collective's counting rule, from its creation on: the rule at a proposal's snapshot decides it. */
export const countingRules = pgTable(
  "counting_rules",
  {
    collective: address("collective").notNull(),
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    rule: text("rule").notNull(),
    timestamp: timestamp("timestamp").notNull(),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.collective, t.blockNumber, t.logIndex] })],
);

export const quorumNumerators = pgTable(
  "quorum_numerators",
  {
    collective: address("collective").notNull(),
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    numerator: integer("numerator").notNull(),
    timestamp: timestamp("timestamp").notNull(),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.collective, t.blockNumber, t.logIndex] })],
);

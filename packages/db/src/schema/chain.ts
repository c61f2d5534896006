/** The indexer's own bookkeeping: where it is, the unfinalized blocks, and what to undo on a reorg. */
import { bigserial, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { address, blockNumber, timestamp } from "./columns.js";

/** One row: the chain this database indexes and how far it got. */
export const indexerState = pgTable("indexer_state", {
  id: integer("id").primaryKey().default(1),
  chainId: integer("chain_id").notNull(),
  genesisHash: text("genesis_hash").notNull(),
  factory: address("factory").notNull(),
  startBlock: blockNumber("start_block").notNull(),
  /** Every event up to and including this block is in the tables. */
  cursorBlock: blockNumber("cursor_block").notNull(),
  /** Blocks at or below this are final: no reorg can reach them. */
  finalizedBlock: blockNumber("finalized_block").notNull(),
  headBlock: blockNumber("head_block").notNull(),
  headTimestamp: timestamp("head_timestamp").notNull(),
  /**
   * The version of the indexer's projections that wrote the index. An indexer whose projections
   * read the chain differently rebuilds it from the chain rather than mix the two.
   */
  projectionVersion: integer("projection_version").notNull().default(0),
});

/** The hashes of indexed blocks above the finalized one, to find the common ancestor on a reorg. */
export const blocks = pgTable("blocks", {
  number: blockNumber("number").primaryKey(),
  hash: text("hash").notNull(),
  parentHash: text("parent_hash").notNull(),
  timestamp: timestamp("timestamp").notNull(),
});

/**
 * Every change a database trigger saw while an unfinalized block was being applied: the row
 * before it (null for an insert). A reorg replays these backwards to the common ancestor.
 */
export const reorgLog = pgTable("reorg_log", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  blockNumber: blockNumber("block_number").notNull(),
  tableName: text("table_name").notNull(),
  operation: text("operation").notNull(),
  newRow: jsonb("new_row"),
  oldRow: jsonb("old_row"),
});

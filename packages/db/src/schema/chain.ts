/** The indexer's own bookkeeping: where it is, the unfinalized blocks, and what to undo on a reorg. */
import { bigserial, index, integer, jsonb, pgTable, text, timestamp as pgTimestamp } from "drizzle-orm/pg-core";
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
  /**
   * The cursor's block hash when that block is not kept (it was written below the reorg window):
   * what the next read must extend, known again after a restart. Null when the block is kept.
   */
  cursorHash: text("cursor_hash"),
  /** The anchor: blocks at or below this are final, changes above it can be undone. */
  finalizedBlock: blockNumber("finalized_block").notNull(),
  headBlock: blockNumber("head_block").notNull(),
  headTimestamp: timestamp("head_timestamp").notNull(),
  /**
   * The version of the indexer's projections that wrote the index. An indexer whose projections
   * read the chain differently rebuilds it from the chain rather than mix the two.
   */
  projectionVersion: integer("projection_version").notNull().default(0),
  /**
   * When the indexer last said it is alive (the service writes it every HEARTBEAT_INTERVAL_MS,
   * with the head and the reason below): API replicas (ROLE=api) are not ready once it is older
   * than STALE_AFTER_MS, even on a quiet chain where no range is committed for hours.
   */
  heartbeatAt: pgTimestamp("heartbeat_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  /** Why the indexer says it is not ready beyond its lag (a rebuild, a failing step); null when it is. */
  statusReason: text("status_reason"),
});

/**
 * The hash of the last block of each committed unit (a range or a followed block), from the
 * anchor (the newest one no reorg can reach) up, to find the common ancestor on a reorg.
 */
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
export const reorgLog = pgTable(
  "reorg_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    blockNumber: blockNumber("block_number").notNull(),
    tableName: text("table_name").notNull(),
    operation: text("operation").notNull(),
    newRow: jsonb("new_row"),
    oldRow: jsonb("old_row"),
  },
  // Every commit forgets the records at or below the anchor: by block, not by a scan of the
  // whole window of records.
  (table) => [index("reorg_log_block_number_idx").on(table.blockNumber)],
);

/**
 * The secondary indexes of the projections set aside while a backfill from an empty index writes
 * ranges below the reorg window (deferred-indexes.ts), each with the statement that makes it
 * again. Not emptied by a chain reset or a rebuild: the indexes it names are still to be made.
 */
export const deferredIndexes = pgTable("deferred_indexes", {
  name: text("name").primaryKey(),
  tableName: text("table_name").notNull(),
  definition: text("definition").notNull(),
});

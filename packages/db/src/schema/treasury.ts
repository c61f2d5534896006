/** Treasury balances, flows and exits. */
import { index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { address, amount, blockNumber, timestamp } from "./columns.js";

/** What a treasury holds of each asset; the zero address is ETH. */
export const treasuryBalances = pgTable(
  "treasury_balances",
  {
    collective: address("collective").notNull(),
    token: address("token").notNull(),
    balance: amount("balance").notNull(),
    updatedBlock: blockNumber("updated_block").notNull(),
  },
  (t) => [primaryKey({ columns: [t.collective, t.token] })],
);

/** Every movement of a treasury's funds: deposit, payment or ragequit payout. */
export const treasuryFlows = pgTable(
  "treasury_flows",
  {
    collective: address("collective").notNull(),
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    /** deposit, payment or ragequit. */
    kind: text("kind").notNull(),
    token: address("token").notNull(),
    counterparty: address("counterparty").notNull(),
    /** Positive into the treasury, negative out of it. */
    amount: amount("amount").notNull(),
    timestamp: timestamp("timestamp").notNull(),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.collective, t.blockNumber, t.logIndex, t.token] })],
);

export const ragequits = pgTable(
  "ragequits",
  {
    collective: address("collective").notNull(),
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    member: address("member").notNull(),
    shares: amount("shares").notNull(),
    supply: amount("supply").notNull(),
    ethAmount: amount("eth_amount").notNull(),
    /** [{ token, amount }] */
    tokens: jsonb("tokens").$type<{ token: string; amount: string }[]>().notNull(),
    timestamp: timestamp("timestamp").notNull(),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.collective, t.blockNumber, t.logIndex] }),
    index("ragequits_by_member").on(t.member),
  ],
);

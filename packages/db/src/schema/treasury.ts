/** Treasury balances, flows and exits. */
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { address, amount, blockNumber, timestamp } from "./columns.js";

/** What a treasury holds of each asset; the zero address is ETH. */
export const treasuryBalances = pgTable(
  "treasury_balances",
  {
    collective: address("collective").notNull(),
    token: address("token").notNull(),
    balance: amount("balance").notNull(),
    updatedBlock: blockNumber("updated_block").notNull(),
    /**
     * The treasury's own events stated this balance (a payment or an exit in the asset, or ETH
     * received): the collective has moved it. Otherwise it is the sum of the token's Transfer
     * events into the treasury, which any contract can emit.
     */
    reported: boolean("reported").notNull().default(false),
    /** Marked as spam: its Transfer events claim more than any token can hold. Never taken on an exit by default. */
    spam: boolean("spam").notNull().default(false),
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
    /** Who was paid, when not the member (ragequitTo, ragequitAcross); null when the member was. */
    paidTo: address("paid_to"),
    /** The collectives the exit passed through: the shares the timelock left each with, of those it held. */
    networkExits: jsonb("network_exits")
      .$type<{ treasury: string; shares: string; held: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    timestamp: timestamp("timestamp").notNull(),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.collective, t.blockNumber, t.logIndex] }),
    index("ragequits_by_member").on(t.member),
  ],
);

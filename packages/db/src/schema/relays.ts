/**
 * Signed actions the service relays (a vote, a delegation, an objection, a profile): each request
 * accepted by POST /api/relay, the call that carries it, and what became of it. Off-chain data: no
 * rebuild of the index touches it. The relayer's nonce of each transaction is kept here, so that a
 * restart resumes the queue where it was, never reusing or skipping a nonce, and a replacement of a
 * stuck transaction keeps every hash it was sent under.
 */
import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { address, amount } from "./columns.js";

export const relays = pgTable(
  "relays",
  {
    /** `rl_` and 32 hexadecimal digits, from the signature: one relay per signature. */
    id: text("id").primaryKey(),
    chainId: bigint("chain_id", { mode: "number" }).notNull(),
    /** The collective's governor: its identity. */
    collective: address("collective").notNull(),
    /** `vote`, `delegation`, `objection` or `profile`. */
    kind: text("kind").notNull(),
    signer: address("signer").notNull(),
    /** The action as posted: its message (amounts as decimal strings) and signature. */
    signed: jsonb("signed").notNull(),
    /** The contract called and the calldata. */
    target: address("target").notNull(),
    data: text("data").notNull(),
    /** The gas limit estimated when it was accepted, with a margin. */
    gasLimit: amount("gas_limit").notNull(),
    /** The relayer's account and its nonce for this transaction, given when it is first sent. */
    relayer: address("relayer").notNull(),
    nonce: bigint("nonce", { mode: "number" }),
    /** Every hash it was sent under, the last one current (a replacement adds one). */
    txHashes: jsonb("tx_hashes").$type<string[]>().notNull().default([]),
    /** The fees of the last transaction sent, to bump from when it is stuck. */
    maxFeePerGas: amount("max_fee_per_gas"),
    maxPriorityFeePerGas: amount("max_priority_fee_per_gas"),
    /** `queued`, `sent`, `mined` or `failed`. */
    status: text("status").notNull().default("queued"),
    /** Why it failed, in words. */
    error: text("error"),
    gasUsed: amount("gas_used"),
    /** What it cost the relayer, in wei. */
    cost: amount("cost"),
    blockNumber: bigint("block_number", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "string" }),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    // A nonce is the relayer's once: two relays can never be given the same one.
    uniqueIndex("relays_nonce").on(t.chainId, t.relayer, t.nonce),
    index("relays_pending")
      .on(t.createdAt)
      .where(sql`${t.status} IN ('queued', 'sent')`),
    index("relays_by_signer").on(t.signer, t.createdAt),
    index("relays_by_collective").on(t.collective, t.createdAt),
  ],
);

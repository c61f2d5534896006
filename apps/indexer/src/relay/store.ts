/**
 * The relays table: what the desk (POST /api/relay) queues and reads for its policy, and what the
 * submitter sends from. All SQL of the relay is here.
 */
import { and, asc, count, eq, gte, inArray, isNotNull, max, sql } from "drizzle-orm";
import { schema, type Database } from "@rhizome/db";
import type { Relay, RelayKind, RelayStatus } from "@rhizome/client/schemas";

export type RelayRow = typeof schema.relays.$inferSelect;
export type NewRelay = typeof schema.relays.$inferInsert;

const DAY = sql`now() - interval '1 day'`;
const PENDING: RelayStatus[] = ["queued", "sent"];

/** A row as the API answers it. */
export function relayView(row: RelayRow): Relay {
  return {
    id: row.id,
    kind: row.kind as RelayKind,
    collective: row.collective,
    signer: row.signer,
    status: row.status as RelayStatus,
    txHash: row.txHashes.at(-1) ?? null,
    error: row.error,
    gasUsed: row.gasUsed?.toString() ?? null,
    cost: row.cost?.toString() ?? null,
    blockNumber: row.blockNumber,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export function relayStore(db: Database) {
  const relays = schema.relays;
  return {
    /** Queues a relay; undefined when one with this id (this signature) exists. */
    async queue(row: NewRelay): Promise<RelayRow | undefined> {
      const [made] = await db.insert(relays).values(row).onConflictDoNothing().returning();
      return made;
    },

    async get(id: string): Promise<RelayRow | undefined> {
      const [row] = await db.select().from(relays).where(eq(relays.id, id));
      return row;
    },

    /** Whether `signer` has a relay to `target` not yet mined or failed (its nonce is spoken for). */
    async pendingOf(signer: string, target: string): Promise<RelayRow | undefined> {
      const [row] = await db
        .select()
        .from(relays)
        .where(and(eq(relays.signer, signer), eq(relays.target, target), inArray(relays.status, PENDING)))
        .limit(1);
      return row;
    },

    /** Relays asked for in the last 24 hours by `signer`, and in `collective`. */
    async lastDay(signer: string, collective: string): Promise<{ member: number; collective: number }> {
      const [bySigner] = await db
        .select({ n: count() })
        .from(relays)
        .where(and(eq(relays.signer, signer), gte(relays.createdAt, DAY)));
      const [byCollective] = await db
        .select({ n: count() })
        .from(relays)
        .where(and(eq(relays.collective, collective), gte(relays.createdAt, DAY)));
      return { member: bySigner?.n ?? 0, collective: byCollective?.n ?? 0 };
    },

    /**
     * Wei spent in the last 24 hours (what mined and failed transactions cost), and the most the
     * pending ones may cost (their gas limit at `maxFee`).
     */
    async spentLastDay(maxFee: bigint): Promise<{ spent: bigint; pending: bigint }> {
      const [row] = await db
        .select({
          spent: sql<string>`coalesce(sum(${relays.cost}), 0)::text`,
          pending: sql<string>`coalesce(sum(${relays.gasLimit}) filter (where ${relays.status} in ('queued', 'sent')), 0)::text`,
        })
        .from(relays)
        .where(gte(relays.createdAt, DAY));
      return { spent: BigInt(row?.spent ?? "0"), pending: BigInt(row?.pending ?? "0") * maxFee };
    },

    /** The relays still to send or to see mined, oldest first. */
    async pending(chainId: number, relayer: string): Promise<RelayRow[]> {
      return db
        .select()
        .from(relays)
        .where(and(eq(relays.chainId, chainId), eq(relays.relayer, relayer), inArray(relays.status, PENDING)))
        .orderBy(sql`${relays.nonce} asc nulls last`, asc(relays.createdAt), asc(relays.id));
    },

    /** The highest nonce given to a transaction of `relayer`, or -1. */
    async lastNonce(chainId: number, relayer: string): Promise<number> {
      const [row] = await db
        .select({ nonce: max(relays.nonce) })
        .from(relays)
        .where(and(eq(relays.chainId, chainId), eq(relays.relayer, relayer), isNotNull(relays.nonce)));
      return row?.nonce ?? -1;
    },

    /** Gives a queued relay its nonce, before its transaction is sent. */
    async assign(id: string, nonce: number): Promise<void> {
      await db
        .update(relays)
        .set({ nonce, updatedAt: sql`now()` })
        .where(eq(relays.id, id));
    },

    /** A transaction was sent for it (first, or as a replacement with higher fees). */
    async sent(row: RelayRow, hash: string, fees: { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }) {
      await db
        .update(relays)
        .set({
          status: "sent",
          txHashes: [...row.txHashes, hash],
          ...fees,
          sentAt: sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(eq(relays.id, row.id));
    },

    /** The node refused its first transaction: failed, and its nonce (the last given) given back. */
    async refused(id: string, error: string): Promise<void> {
      await db
        .update(relays)
        .set({
          status: "failed",
          error,
          nonce: null,
          txHashes: [],
          maxFeePerGas: null,
          maxPriorityFeePerGas: null,
          sentAt: null,
          updatedAt: sql`now()`,
        })
        .where(eq(relays.id, id));
    },

    async settle(
      id: string,
      outcome: {
        status: "mined" | "failed";
        error?: string | undefined;
        gasUsed?: bigint;
        cost?: bigint;
        blockNumber?: number;
      },
    ): Promise<void> {
      await db
        .update(relays)
        .set({ ...outcome, error: outcome.error ?? null, updatedAt: sql`now()` })
        .where(eq(relays.id, id));
    },
  };
}

export type RelayStore = ReturnType<typeof relayStore>;

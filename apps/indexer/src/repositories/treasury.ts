/** A collective's treasury: balances per asset, flows, and ragequits. */
import { and, eq, sql } from "drizzle-orm";
import { zeroAddress } from "viem";
import { schema, type Database } from "@rhizome/db";
import type {
  Page,
  PageQuery,
  Balance,
  BalancesQuery,
  Flow,
  FlowKind,
  FlowsQuery,
  Ragequit,
} from "@rhizome/client/schemas";
import { Keyset } from "./page.js";

const tb = schema.treasuryBalances;
const tf = schema.treasuryFlows;
const rq = schema.ragequits;

const byToken = new Keyset("balances", ["text"]);
const byFlow = new Keyset("flows", ["int", "int", "text"]);
const byRagequit = new Keyset("ragequits", ["int", "int"]);

export function treasuryRepository(db: Database) {
  return {
    async address(collective: string): Promise<string | undefined> {
      const c = schema.collectives;
      const [row] = await db.select({ treasury: c.treasury }).from(c).where(eq(c.address, collective));
      return row?.treasury;
    },

    /** The ETH balance in wei: what the zero address's row holds, zero without one. */
    async eth(collective: string): Promise<bigint> {
      const [row] = await db
        .select({ balance: tb.balance })
        .from(tb)
        .where(and(eq(tb.collective, collective), eq(tb.token, zeroAddress)));
      return row?.balance ?? 0n;
    },

    /** Every asset held (or only those marked as spam, or not), by address: ETH, the zero address, first. */
    async balances(collective: string, query: BalancesQuery): Promise<Page<Balance>> {
      const rows = await db
        .select()
        .from(tb)
        .where(
          and(
            eq(tb.collective, collective),
            query.spam === undefined ? undefined : eq(tb.spam, query.spam),
            byToken.after(query.cursor, [tb.token], "asc"),
          ),
        )
        .orderBy(tb.token)
        .limit(query.limit + 1);
      return byToken.page(
        rows,
        query.limit,
        (row) => [row.token],
        (row) => ({
          token: row.token,
          balance: row.balance.toString(),
          updatedBlock: row.updatedBlock,
          reported: row.reported,
          spam: row.spam,
        }),
      );
    },

    /** Movements of funds, newest first. */
    async flows(collective: string, query: FlowsQuery): Promise<Page<Flow>> {
      const columns = [tf.blockNumber, tf.logIndex, tf.token];
      const rows = await db
        .select()
        .from(tf)
        .where(
          and(
            eq(tf.collective, collective),
            query.kind === undefined ? undefined : eq(tf.kind, query.kind),
            byFlow.after(query.cursor, columns, "desc"),
          ),
        )
        .orderBy(sql`${tf.blockNumber} DESC`, sql`${tf.logIndex} DESC`, sql`${tf.token} DESC`)
        .limit(query.limit + 1);
      return byFlow.page(
        rows,
        query.limit,
        (row) => [row.blockNumber, row.logIndex, row.token],
        (row) => ({
          kind: row.kind as FlowKind,
          token: row.token,
          counterparty: row.counterparty,
          amount: row.amount.toString(),
          blockNumber: row.blockNumber,
          logIndex: row.logIndex,
          timestamp: row.timestamp,
          txHash: row.txHash,
        }),
      );
    },

    /** Exits, newest first. */
    async ragequits(collective: string, query: PageQuery): Promise<Page<Ragequit>> {
      const columns = [rq.blockNumber, rq.logIndex];
      const rows = await db
        .select()
        .from(rq)
        .where(and(eq(rq.collective, collective), byRagequit.after(query.cursor, columns, "desc")))
        .orderBy(sql`${rq.blockNumber} DESC`, sql`${rq.logIndex} DESC`)
        .limit(query.limit + 1);
      return byRagequit.page(
        rows,
        query.limit,
        (row) => [row.blockNumber, row.logIndex],
        (row) => ({
          member: row.member,
          shares: row.shares.toString(),
          supply: row.supply.toString(),
          ethAmount: row.ethAmount.toString(),
          tokens: row.tokens,
          paidTo: row.paidTo,
          networkExits: row.networkExits,
          blockNumber: row.blockNumber,
          timestamp: row.timestamp,
          txHash: row.txHash,
        }),
      );
    },
  };
}

export type TreasuryRepository = ReturnType<typeof treasuryRepository>;

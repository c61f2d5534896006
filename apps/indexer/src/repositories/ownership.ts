/** How a collective's ownership is spread: its holders, the concentration now and over time. */
import { and, desc, eq, gt, sql } from "drizzle-orm";
import { schema, type Database } from "@rhizome/db";
import type { Page, PageQuery, ConcentrationNow, ConcentrationPoint, Holder } from "@rhizome/client/schemas";
import { Keyset } from "./page.js";

const m = schema.members;
const c = schema.collectives;
const oh = schema.ownershipHistory;

const byShares = new Keyset("holders", ["uint", "text"]);
const byBlock = new Keyset("ownership-history", ["int"]);

const point = (row: typeof oh.$inferSelect): ConcentrationPoint => ({
  totalShares: row.totalShares.toString(),
  holders: row.holders,
  topHoldersShare: row.topHoldersShare,
  gini: row.gini,
  nakamoto: row.nakamoto,
  blockNumber: row.blockNumber,
  timestamp: row.timestamp,
});

export function ownershipRepository(db: Database) {
  return {
    /** The concentration after the last block that moved shares: the latest history point. */
    async now(collective: string): Promise<ConcentrationNow> {
      const [row] = await db
        .select()
        .from(oh)
        .where(eq(oh.collective, collective))
        .orderBy(desc(oh.blockNumber))
        .limit(1);
      if (!row) {
        return {
          totalShares: "0",
          holders: 0,
          topHoldersShare: 0,
          gini: 0,
          nakamoto: 0,
          blockNumber: null,
          timestamp: null,
        };
      }
      return point(row);
    },

    /** Holders of shares, most first, with their part of the total. */
    async holders(collective: string, query: PageQuery): Promise<Page<Holder>> {
      const columns = [m.shares, m.account];
      const rows = await db
        .select({
          account: m.account,
          shares: m.shares,
          share: sql<number>`CASE WHEN ${c.totalShares} = 0 THEN 0 ELSE (${m.shares} / ${c.totalShares})::float8 END`,
          memberCollective: m.memberCollective,
        })
        .from(m)
        .innerJoin(c, eq(c.address, m.collective))
        .where(and(eq(m.collective, collective), gt(m.shares, 0n), byShares.after(query.cursor, columns, "desc")))
        .orderBy(sql`${m.shares} DESC`, sql`${m.account} DESC`)
        .limit(query.limit + 1);
      return byShares.page(
        rows,
        query.limit,
        (row) => [row.shares.toString(), row.account],
        (row) => ({ ...row, shares: row.shares.toString(), share: Number(row.share) }),
      );
    },

    /** The concentration after each block that moved shares, oldest first. */
    async history(collective: string, query: PageQuery): Promise<Page<ConcentrationPoint>> {
      const rows = await db
        .select()
        .from(oh)
        .where(and(eq(oh.collective, collective), byBlock.after(query.cursor, [oh.blockNumber], "asc")))
        .orderBy(oh.blockNumber)
        .limit(query.limit + 1);
      return byBlock.page(rows, query.limit, (row) => [row.blockNumber], point);
    },
  };
}

export type OwnershipRepository = ReturnType<typeof ownershipRepository>;

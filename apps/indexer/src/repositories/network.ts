/** The network: every collective, and every collective whose timelock holds shares of another. */
import { and, eq, gt, isNotNull, sql } from "drizzle-orm";
import { schema, type Database } from "@rhizome/db";
import type { Network } from "@rhizome/client/schemas";

const c = schema.collectives;
const m = schema.members;

export function networkRepository(db: Database) {
  return {
    async get(): Promise<Network> {
      const [nodes, edges] = await Promise.all([
        db
          .select({
            address: c.address,
            name: c.name,
            symbol: c.symbol,
            timelock: c.timelock,
            memberCount: c.memberCount,
            totalShares: c.totalShares,
          })
          .from(c)
          .orderBy(c.createdBlock, c.factoryId),
        db
          .select({
            from: sql<string>`${m.memberCollective}`,
            to: m.collective,
            shares: m.shares,
            share: sql<number>`CASE WHEN ${c.totalShares} = 0 THEN 0 ELSE (${m.shares} / ${c.totalShares})::float8 END`,
          })
          .from(m)
          .innerJoin(c, eq(c.address, m.collective))
          .where(and(isNotNull(m.memberCollective), gt(m.shares, 0n)))
          .orderBy(m.collective, m.account),
      ]);
      return {
        nodes: nodes.map((node) => ({ ...node, totalShares: node.totalShares.toString() })),
        edges: edges.map((edge) => ({ ...edge, shares: edge.shares.toString(), share: Number(edge.share) })),
      };
    },
  };
}

export type NetworkRepository = ReturnType<typeof networkRepository>;

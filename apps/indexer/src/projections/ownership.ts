/**
 * How concentrated ownership is, from the holders' balances, and its history: a point after
 * every block that moved a collective's shares.
 */
import { sql } from "drizzle-orm";
import { schema } from "@rhizome/db";
import type { Batch } from "./batch.js";

export interface Concentration {
  holders: number;
  totalShares: bigint;
  /** Share of the supply held by the largest 10% of holders (at least one holder). */
  topHoldersShare: number;
  /** 0 when everyone holds the same, towards 1 when one holds everything. */
  gini: number;
  /** The fewest holders that together hold more than half of the supply. */
  nakamoto: number;
}

export function concentration(balances: readonly bigint[]): Concentration {
  const held = balances.filter((b) => b > 0n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = held.length;
  const total = held.reduce((sum, b) => sum + b, 0n);
  if (n === 0 || total === 0n) return { holders: 0, totalShares: 0n, topHoldersShare: 0, gini: 0, nakamoto: 0 };
  const totalNumber = Number(total);
  let weighted = 0;
  held.forEach((b, i) => {
    weighted += (i + 1) * Number(b);
  });
  const gini = (2 * weighted) / (n * totalNumber) - (n + 1) / n;
  const top = Math.max(1, Math.ceil(n / 10));
  const topSum = held.slice(n - top).reduce((sum, b) => sum + b, 0n);
  let nakamoto = 0;
  let running = 0n;
  for (let i = n - 1; i >= 0; i--) {
    running += held[i] ?? 0n;
    nakamoto++;
    if (running * 2n > total) break;
  }
  return {
    holders: n,
    totalShares: total,
    topHoldersShare: Number(topSum) / totalNumber,
    gini: Math.max(0, gini),
    nakamoto,
  };
}

/**
 * After the range is written: how concentrated each touched collective's ownership was after
 * every block of the range that moved its shares. Starts from the holders' balances before the
 * range and replays the range's mints and burns.
 */
export async function recordOwnership(batch: Batch): Promise<void> {
  const m = schema.members;
  for (const collective of batch.sharesMoved.keys()) {
    const rows = await batch.tx
      .select({ account: m.account, shares: m.shares })
      .from(m)
      .where(sql`${m.collective} = ${collective} AND ${m.shares} > 0`);
    const balances = new Map(rows.map((row) => [row.account, row.shares]));
    const moves = batch.shareEvents.filter((event) => event.collective === collective);
    const seen = new Set<string>();
    for (const move of moves) {
      if (seen.has(move.account)) continue;
      seen.add(move.account);
      balances.set(move.account, move.balance - move.delta);
    }
    const points: (typeof schema.ownershipHistory.$inferInsert)[] = [];
    moves.forEach((move, i) => {
      balances.set(move.account, move.balance);
      if (moves[i + 1]?.blockNumber === move.blockNumber) return;
      points.push({
        collective,
        blockNumber: move.blockNumber,
        timestamp: move.timestamp,
        ...concentration([...balances.values()]),
      });
    });
    if (points.length > 0) await batch.tx.insert(schema.ownershipHistory).values(points).onConflictDoNothing();
  }
}

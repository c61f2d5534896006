/** How concentrated ownership is, from the holders' balances. */

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

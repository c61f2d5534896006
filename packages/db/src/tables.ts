/**
 * The tables by role: the projections (what the index holds, and what the reorg triggers of
 * migrations 0001 and 0004 record) and the indexer's own bookkeeping. A chain reset empties all
 * of them.
 */
export const PROJECTION_TABLES = [
  "collectives",
  "principles",
  "quorum_numerators",
  "counting_rules",
  "members",
  "share_events",
  "delegations",
  "applications",
  "ownership_history",
  "proposals",
  "votes",
  "vetoes",
  "work_items",
  "objections",
  "treasury_balances",
  "treasury_flows",
  "ragequits",
] as const;

export const BOOKKEEPING_TABLES = ["blocks", "reorg_log", "indexer_state"] as const;

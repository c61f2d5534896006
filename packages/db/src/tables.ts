/**
 * The tables by role: the projections (what the index holds; each gets the undo triggers that a
 * reorg rolls back with, installed from this list after the migrations) and the indexer's own
 * bookkeeping. A chain reset empties all of them. A test checks that every table of the schema is
 * in one of the two lists.
 * The live events are bookkeeping: they describe changes of this index, so a chain reset or a
 * rebuild forgets them with it (their ids go on from where they were, and a client that asks for
 * what it missed since an id now gone is told to refetch everything). They get no undo triggers:
 * a reorg is itself one of them.
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
  "for_vote_releases",
  "work_items",
  "objections",
  "treasury_balances",
  "treasury_flows",
  "ragequits",
] as const;

export const BOOKKEEPING_TABLES = ["blocks", "reorg_log", "indexer_state", "live_events"] as const;

/**
 * The projections' secondary indexes set aside during a backfill (deferred-indexes.ts): what it
 * names must be made again whatever happens to the index, so a chain reset does not empty it.
 */
export const SCHEMA_TABLES = ["deferred_indexes"] as const;

/**
 * Data that is not derived from the chain (signed comments, relayed actions, webhook deliveries):
 * no undo triggers, never emptied by a reorg, a chain reset or a rebuild of the projections, and
 * carried between databases by `npm run export` / `npm run import`.
 */
export const OFFCHAIN_TABLES = [
  "webhook_subscriptions",
  "webhook_deliveries",
  "comments",
  "comment_actions",
  "relays",
] as const;

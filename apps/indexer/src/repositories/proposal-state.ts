/**
 * A proposal's state, computed in SQL the way the collective's governor computes it, from what the
 * chain recorded (created, queued, executed, canceled), the tallies, the quorum and the time. The
 * time is the indexed head's timestamp, so states agree with the rows beside them; before anything
 * is indexed it is the wall clock.
 */
import { sql, type SQL } from "drizzle-orm";
import { schema } from "@rhizome/db";
import type { ProposalState } from "../schemas/proposals.js";

const p = schema.proposals;
const c = schema.collectives;
const s = schema.indexerState;

/** The time states are computed at; evaluated once per query (an uncorrelated subquery). */
export const chainNow: SQL<number> = sql<number>`(SELECT COALESCE(MAX(NULLIF(${s.headTimestamp}, 0)), FLOOR(EXTRACT(EPOCH FROM now()))::bigint) FROM ${s})`;

/**
 * The state of a proposals row joined with its collective (for the execution window), as in
 * Governor.state() and GovernorParameters.state(): executed and canceled are final; pending until
 * the snapshot has passed, active until the deadline has; then defeated without the quorum of for
 * plus abstain or without more for than against; else succeeded, or queued once it is, each
 * expiring when its execution window is over.
 */
export const proposalState: SQL<ProposalState> = sql<ProposalState>`CASE
  WHEN ${p.status} = 'executed' THEN 'executed'
  WHEN ${p.status} = 'canceled' THEN 'canceled'
  WHEN ${chainNow} <= ${p.snapshot} THEN 'pending'
  WHEN ${chainNow} <= ${p.deadline} THEN 'active'
  WHEN ${p.forVotes} + ${p.abstainVotes} < COALESCE(${p.quorum}, 0) OR ${p.forVotes} <= ${p.againstVotes} THEN 'defeated'
  WHEN ${p.status} = 'queued' AND ${chainNow} > ${p.eta} + ${c.executionWindow} THEN 'expired'
  WHEN ${p.status} = 'queued' THEN 'queued'
  WHEN ${chainNow} > ${p.deadline} + ${c.executionWindow} THEN 'expired'
  ELSE 'succeeded'
END`;

/** States that can still change the collective: what "open" proposals are. */
export const OPEN_STATES: ProposalState[] = ["pending", "active", "succeeded", "queued"];

/**
 * A condition on the stored columns that every proposal in `state` meets: it narrows the rows
 * before the CASE runs, on columns an index can serve (status and the times).
 */
export function statePrefilter(state: ProposalState): SQL {
  switch (state) {
    case "executed":
    case "canceled":
      return sql`${p.status} = ${state}`;
    case "queued":
      return sql`${p.status} = 'queued'`;
    case "pending":
      return sql`${p.status} = 'created' AND ${p.snapshot} >= ${chainNow}`;
    case "active":
      return sql`${p.status} = 'created' AND ${p.deadline} >= ${chainNow} AND ${p.snapshot} < ${chainNow}`;
    case "succeeded":
      return sql`${p.status} = 'created' AND ${p.deadline} < ${chainNow}`;
    case "defeated":
    case "expired":
      return sql`${p.status} IN ('created', 'queued') AND ${p.deadline} < ${chainNow}`;
  }
}

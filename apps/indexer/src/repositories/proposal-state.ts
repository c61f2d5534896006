/**
 * A proposal's state, computed in SQL the way the collective's governor computes it, from what the
 * chain recorded (created, queued, executed, canceled), the tallies, the quorum and the time. The
 * time is the indexed head's timestamp, so states agree with the rows beside them; before anything
 * is indexed it is the wall clock.
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { schema } from "@rhizome/db";
import type { ProposalState } from "../schemas/proposals.js";

const p = schema.proposals;
const c = schema.collectives;
const s = schema.indexerState;

/** The time states are computed at; evaluated once per query (an uncorrelated subquery). */
export const chainNow: SQL<number> = sql<number>`(SELECT COALESCE(MAX(NULLIF(${s.headTimestamp}, 0)), FLOOR(EXTRACT(EPOCH FROM now()))::bigint) FROM ${s})`;

/** What a proposal's state depends on besides its row: the time, and its collective's execution window. */
export interface StateClock {
  now: number;
  executionWindow: number;
}

/**
 * The state of a proposals row, as in Governor.state() and GovernorParameters.state(): executed and
 * canceled are final; pending until the snapshot has passed, active until the deadline has; then
 * defeated without the quorum of for plus abstain or without more for than against; else
 * succeeded, or queued once it is, each expiring when its execution window is over. At `clock`, or
 * by default at the indexed head with the row joined with its collective (for the execution window).
 */
export function proposalState(clock?: StateClock): SQL<ProposalState> {
  const now: SQLWrapper | number = clock?.now ?? chainNow;
  const window: SQLWrapper | number = clock?.executionWindow ?? c.executionWindow;
  return sql<ProposalState>`CASE
  WHEN ${p.status} = 'executed' THEN 'executed'
  WHEN ${p.status} = 'canceled' THEN 'canceled'
  WHEN ${now} <= ${p.snapshot} THEN 'pending'
  WHEN ${now} <= ${p.deadline} THEN 'active'
  WHEN ${p.forVotes} + ${p.abstainVotes} < COALESCE(${p.quorum}, 0) OR ${p.forVotes} <= ${p.againstVotes} THEN 'defeated'
  WHEN ${p.status} = 'queued' AND ${now} > ${p.eta} + ${window} THEN 'expired'
  WHEN ${p.status} = 'queued' THEN 'queued'
  WHEN ${now} > ${p.deadline} + ${window} THEN 'expired'
  ELSE 'succeeded'
END`;
}

/** States that can still change the collective: what "open" proposals are. */
export const OPEN_STATES: ProposalState[] = ["pending", "active", "succeeded", "queued"];

const outcome = schema.proposalOutcome(p);

/**
 * The proposals in `state` at `clock`: exactly those proposalState(clock) gives that state, as
 * conditions an index serves. The settled states read the outcome index newest first (the few
 * proposals still voting or in their execution window are skipped on the way); the open ones are
 * a range of their times: the snapshot, the deadline, or the eta. `clock` is known before the
 * query is planned, so the planner sees how many proposals each range holds.
 */
export function stateFilter(state: ProposalState, { now, executionWindow }: StateClock): SQL {
  // `now > t + window` is `t < now - window`: the column alone on its side, for the index.
  const expiresBefore = now - executionWindow;
  const open = sql`${p.status} NOT IN ('executed', 'canceled')`;
  const votingOver = sql`${p.snapshot} < ${now} AND ${p.deadline} < ${now}`;
  switch (state) {
    case "executed":
    case "canceled":
      return sql`${outcome} = ${state}`;
    case "pending":
      return sql`${open} AND ${p.snapshot} >= ${now}`;
    case "active":
      return sql`${open} AND ${p.snapshot} < ${now} AND ${p.deadline} >= ${now}`;
    case "defeated":
      return sql`${outcome} = 'defeated' AND ${votingOver}`;
    case "succeeded":
      return sql`${outcome} = 'passed' AND ${votingOver} AND ${p.status} <> 'queued' AND ${p.deadline} >= ${expiresBefore}`;
    case "queued":
      // A queued proposal has an eta (the table checks it), so its expiry is a range of etas.
      return sql`${outcome} = 'passed' AND ${votingOver} AND ${p.status} = 'queued' AND ${p.eta} >= ${expiresBefore}`;
    case "expired":
      return sql`${outcome} = 'passed' AND ${votingOver} AND ((${p.status} = 'queued' AND ${p.eta} < ${expiresBefore}) OR (${p.status} <> 'queued' AND ${p.deadline} < ${expiresBefore}))`;
  }
}

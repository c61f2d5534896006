/**
 * A proposal's state, computed in SQL the way the collective's governor computes it, from what the
 * chain recorded (created, queued, executed, canceled), the tallies, the quorum and the time. The
 * time is the indexed head's timestamp, so states agree with the rows beside them; before anything
 * is indexed it is the wall clock.
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { schema } from "@rhizome/db";
import type { ProposalState } from "@rhizome/client/schemas";

const p = schema.proposals;
const s = schema.indexerState;

/** The time states are computed at; evaluated once per query (an uncorrelated subquery). */
export const chainNow: SQL<number> = sql<number>`(SELECT COALESCE(MAX(NULLIF(${s.headTimestamp}, 0)), FLOOR(EXTRACT(EPOCH FROM now()))::bigint) FROM ${s})`;

/** What a proposal's state depends on besides its row: the time; and, for the filters, the longest window. */
export interface StateClock {
  now: number;
  /** The collective's longest execution window ever: no proposal's own is longer. */
  maxExecutionWindow?: number;
}

const defeated = schema.proposalDefeated(p);

/**
 * The state of a proposals row, as in Governor.state() and GovernorParameters.state(): executed,
 * failed (executed, its calls reverted) and canceled are final; pending until the snapshot has
 * passed, active until the deadline has; then defeated without the quorum of for plus abstain or
 * without more for than against (in both houses under two); else succeeded, or queued once it is, each expiring when the
 * proposal's own execution window is over. At `clock`, or by default at the indexed head.
 */
export function proposalState(clock?: StateClock): SQL<ProposalState> {
  const now: SQLWrapper | number = clock?.now ?? chainNow;
  const window = p.executionWindow;
  return sql<ProposalState>`CASE
  WHEN ${p.status} IN ('executed', 'failed', 'canceled') THEN ${p.status}
  WHEN ${now} <= ${p.snapshot} THEN 'pending'
  WHEN ${now} <= ${p.deadline} THEN 'active'
  WHEN ${defeated} THEN 'defeated'
  WHEN ${p.status} = 'queued' AND ${now} > ${p.eta} + ${window} THEN 'expired'
  WHEN ${p.status} = 'queued' THEN 'queued'
  WHEN ${now} > ${p.deadline} + ${window} THEN 'expired'
  ELSE 'succeeded'
END`;
}

const outcome = schema.proposalOutcome(p);

/** The longest execution window the governor accepts (GovernorParameters.MAX_EXECUTION_WINDOW). */
const MAX_EXECUTION_WINDOW = 90 * 24 * 3600;

/**
 * The proposals in `state` at `clock`: exactly those proposalState(clock) gives that state, as
 * conditions an index serves. The settled states read the outcome index newest first (the few
 * proposals still voting or in their execution window are skipped on the way); the open ones are
 * a range of their times: the snapshot, the deadline, or the eta. `clock` is known before the
 * query is planned, so the planner sees how many proposals each range holds.
 */
export function stateFilter(state: ProposalState, { now, maxExecutionWindow }: StateClock): SQL {
  // Each proposal has its own window, at most the longest the collective ever had (and the
  // governor's bound): a proposal whose time is before `now` minus that has expired whatever its
  // window, so that range (the column alone on its side) lets the index skip the old ones, and
  // the exact test follows.
  const longest = maxExecutionWindow ? Math.min(maxExecutionWindow, MAX_EXECUTION_WINDOW) : MAX_EXECUTION_WINDOW;
  const oldest = now - longest;
  const live = (time: SQLWrapper) => sql`${time} >= ${oldest} AND ${time} + ${p.executionWindow} >= ${now}`;
  const dead = (time: SQLWrapper) => sql`(${time} < ${oldest} OR ${time} + ${p.executionWindow} < ${now})`;
  const open = sql`${p.status} NOT IN ('executed', 'failed', 'canceled')`;
  const votingOver = sql`${p.snapshot} < ${now} AND ${p.deadline} < ${now}`;
  switch (state) {
    case "executed":
    case "failed":
    case "canceled":
      return sql`${outcome} = ${state}`;
    case "pending":
      return sql`${open} AND ${p.snapshot} >= ${now}`;
    case "active":
      return sql`${open} AND ${p.snapshot} < ${now} AND ${p.deadline} >= ${now}`;
    case "defeated":
      return sql`${outcome} = 'defeated' AND ${votingOver}`;
    case "succeeded":
      return sql`${outcome} = 'passed' AND ${votingOver} AND ${p.status} <> 'queued' AND ${live(p.deadline)}`;
    case "queued":
      // A queued proposal has an eta (the table checks it), so its expiry is a range of etas.
      return sql`${outcome} = 'passed' AND ${votingOver} AND ${p.status} = 'queued' AND ${live(p.eta)}`;
    case "expired":
      return sql`${outcome} = 'passed' AND ${votingOver} AND ((${p.status} = 'queued' AND ${dead(p.eta)}) OR (${p.status} <> 'queued' AND ${dead(p.deadline)}))`;
  }
}

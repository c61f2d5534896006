/** Proposals, their decoded actions and timeline, and the votes cast on them. */
import { sql, type SQL } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { address, amount, blockNumber, timestamp } from "./columns.js";

/** One decoded action of a proposal. */
export interface ProposalAction {
  target: string;
  value: string;
  calldata: string;
  /** The function called, when the target is a module of the collective. */
  function: string | null;
  args: Record<string, string> | null;
  /** The action in plain words. */
  summary: string;
}

/** What a proposal's outcome is read from. */
type OutcomeColumns = Record<
  | "status"
  | "forVotes"
  | "againstVotes"
  | "abstainVotes"
  | "quorum"
  | "memberForVotes"
  | "memberAgainstVotes"
  | "memberAbstainVotes"
  | "memberQuorum",
  AnyPgColumn
>;

/**
 * What the chain and the tallies have settled of a proposal, whatever the time: `executed`,
 * `failed` or `canceled` as the chain recorded; else `defeated` when for plus abstain fall short of the quorum
 * or for does not beat against (the governor's _quorumReached and _voteSucceeded, once voting is
 * over); else `passed`. A proposal's state is its outcome plus the time (the API's state filters);
 * indexed, it lets a filter read only the proposals of one outcome, newest first. The constants are
 * written into the SQL, not bound, so a query's expression is the index's.
 */
export const proposalOutcome = (t: OutcomeColumns): SQL<"executed" | "failed" | "canceled" | "defeated" | "passed"> =>
  sql`(CASE WHEN ${t.status} IN ('executed', 'failed', 'canceled') THEN ${t.status} WHEN ${proposalDefeated(t)} THEN 'defeated' ELSE 'passed' END)`;

/**
 * Whether a proposal's votes, once counted, defeat it: for plus abstain short of the quorum, or
 * for not beating against; under two houses, in either house.
 */
export const proposalDefeated = (t: OutcomeColumns): SQL =>
  sql`${t.forVotes} + ${t.abstainVotes} < COALESCE(${t.quorum}, 0) OR ${t.forVotes} <= ${t.againstVotes} OR (${t.memberQuorum} IS NOT NULL AND (${t.memberForVotes} + ${t.memberAbstainVotes} < ${t.memberQuorum} OR ${t.memberForVotes} <= ${t.memberAgainstVotes}))`;

export const proposals = pgTable(
  "proposals",
  {
    collective: address("collective").notNull(),
    proposalId: amount("proposal_id").notNull(),
    proposer: address("proposer").notNull(),
    description: text("description").notNull(),
    /** admission, work, payment, parameter or other, read from the calldata. */
    kind: text("kind").notNull(),
    actions: jsonb("actions").$type<ProposalAction[]>().notNull(),
    snapshot: timestamp("snapshot").notNull(),
    deadline: timestamp("deadline").notNull(),
    forVotes: amount("for_votes")
      .notNull()
      .default(sql`0`),
    againstVotes: amount("against_votes")
      .notNull()
      .default(sql`0`),
    abstainVotes: amount("abstain_votes")
      .notNull()
      .default(sql`0`),
    voteCount: integer("vote_count").notNull().default(0),
    /**
     * Shares that must vote for or abstain: the quorum percentage of the supply at the snapshot
     * (of the member count under one member, one vote, where the tallies count members).
     */
    quorum: amount("quorum"),
    /** How its votes count: the collective's rule at its snapshot (shares, members or both). */
    countingRule: text("counting_rule").notNull().default("shares"),
    /** Under two houses, the members' house: the tallies above are the shares'. Zeros otherwise. */
    memberForVotes: amount("member_for_votes")
      .notNull()
      .default(sql`0`),
    memberAgainstVotes: amount("member_against_votes")
      .notNull()
      .default(sql`0`),
    memberAbstainVotes: amount("member_abstain_votes")
      .notNull()
      .default(sql`0`),
    /** Under two houses, the members who must vote for or abstain; null otherwise, and until the first vote. */
    memberQuorum: amount("member_quorum"),
    /**
     * created, queued, executed, failed (executed, but its calls reverted and were undone) or
     * canceled: what the chain recorded; the API adds time.
     */
    status: text("status").notNull(),
    eta: timestamp("eta"),
    /**
     * Seconds the proposal has to be queued, then executed: the collective's execution window in
     * force when its vote ended (or will end), as the governor's proposalExecutionWindow.
     */
    executionWindow: integer("execution_window").notNull(),
    /** The revert data of a failed execution. */
    failureReason: text("failure_reason"),
    /** Members' objections while it waited in the timelock, in votes. */
    vetoVotes: amount("veto_votes")
      .notNull()
      .default(sql`0`),
    /** Whether those objections reached the veto quorum and cancelled it (its status is then canceled). */
    vetoed: boolean("vetoed").notNull().default(false),
    createdAt: timestamp("created_at").notNull(),
    createdBlock: blockNumber("created_block").notNull(),
    queuedAt: timestamp("queued_at"),
    executedAt: timestamp("executed_at"),
    canceledAt: timestamp("canceled_at"),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.collective, t.proposalId] }),
    index("proposals_by_created").on(t.collective, t.createdBlock),
    index("proposals_by_kind").on(t.collective, t.kind, t.createdBlock),
    // The state filters: settled outcomes newest first, and the open states by their times.
    index("proposals_by_outcome").on(t.collective, proposalOutcome(t), t.createdBlock),
    index("proposals_by_snapshot").on(t.collective, t.snapshot),
    index("proposals_by_deadline").on(t.collective, t.deadline),
    index("proposals_by_eta").on(t.collective, t.status, t.eta),
    // ProposalQueued always carries the eta: so a queued proposal's expiry is a range of etas.
    check("proposals_queued_eta", sql`${t.status} <> 'queued' OR ${t.eta} IS NOT NULL`),
  ],
);

export const votes = pgTable(
  "votes",
  {
    collective: address("collective").notNull(),
    proposalId: amount("proposal_id").notNull(),
    voter: address("voter").notNull(),
    /** 0 against, 1 for, 2 abstain. */
    support: smallint("support").notNull(),
    /** In the proposal's rule: shares, or member votes under one member, one vote. */
    weight: amount("weight").notNull(),
    /** Under two houses, the vote's weight in the members' house; null otherwise. */
    memberWeight: amount("member_weight"),
    reason: text("reason").notNull(),
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    timestamp: timestamp("timestamp").notNull(),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.collective, t.proposalId, t.voter] }),
    index("votes_by_voter").on(t.collective, t.voter, t.blockNumber),
    /** A proposal's votes newest first, read a page at a time without sorting all of them. */
    index("votes_by_proposal").on(t.collective, t.proposalId, t.blockNumber, t.logIndex),
  ],
);

/**
 * Releases of a voter's *for* votes (the governor's ForVotesReleased): the proposals the release
 * kept, which with the voter's *for* votes cast after it are the proof an exit or the next release
 * must give.
 */
export const forVoteReleases = pgTable(
  "for_vote_releases",
  {
    collective: address("collective").notNull(),
    voter: address("voter").notNull(),
    /** The proposal ids it kept (those that could still run), in voting order, as decimal strings. */
    kept: jsonb("kept").$type<string[]>().notNull(),
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    timestamp: timestamp("timestamp").notNull(),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.collective, t.voter, t.blockNumber, t.logIndex] })],
);

/** Members' objections to queued proposals, during the grace period (the veto). */
export const vetoes = pgTable(
  "vetoes",
  {
    collective: address("collective").notNull(),
    proposalId: amount("proposal_id").notNull(),
    voter: address("voter").notNull(),
    weight: amount("weight").notNull(),
    reason: text("reason").notNull(),
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    timestamp: timestamp("timestamp").notNull(),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.collective, t.proposalId, t.voter] })],
);

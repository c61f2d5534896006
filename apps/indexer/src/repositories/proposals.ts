/** Proposals of a collective with their computed state, one proposal's quorum, and its votes. */
import { and, desc, eq, getTableColumns, lte, sql } from "drizzle-orm";
import type { CountingRule } from "@rhizome/contracts";
import { schema, type Database } from "@rhizome/db";
import {
  type Page,
  type PageQuery,
  SUPPORT,
  type Proposal,
  type ProposalDetail,
  type ProposalKind,
  type ProposalsQuery,
  type Vote,
} from "@rhizome/client/schemas";
import { Keyset, textBudget } from "./page.js";
import { quorumProgress, timeline } from "./proposal-timeline.js";
import { chainNow, proposalState, stateFilter, type StateClock } from "./proposal-state.js";

const p = schema.proposals;
const c = schema.collectives;

const byCreated = new Keyset("proposals", ["int", "uint"]);
const byVotes = new Keyset("votes", ["int", "int"]);

const proposalColumns = {
  proposal: p,
  state: proposalState(),
  now: sql<number>`${chainNow}`.mapWith(Number),
  vetoPercent: c.vetoPercent,
};

// A list leaves out the decoded actions (JSON, the largest column): only one proposal shows them.
const { actions, ...listedColumns } = getTableColumns(p);

type Row = Omit<typeof p.$inferSelect, "actions"> & { state: Proposal["state"] };

const toProposal = (row: Row): Proposal => ({
  proposalId: row.proposalId.toString(),
  proposer: row.proposer,
  description: row.description,
  kind: row.kind as ProposalKind,
  state: row.state,
  forVotes: row.forVotes.toString(),
  againstVotes: row.againstVotes.toString(),
  abstainVotes: row.abstainVotes.toString(),
  voteCount: row.voteCount,
  quorum: row.quorum?.toString() ?? null,
  countingRule: row.countingRule as CountingRule,
  memberHouse:
    row.countingRule === "both"
      ? {
          forVotes: row.memberForVotes.toString(),
          againstVotes: row.memberAgainstVotes.toString(),
          abstainVotes: row.memberAbstainVotes.toString(),
          quorum: row.memberQuorum?.toString() ?? null,
        }
      : null,
  snapshot: row.snapshot,
  deadline: row.deadline,
  eta: row.eta,
  createdAt: row.createdAt,
  createdBlock: row.createdBlock,
  queuedAt: row.queuedAt,
  executedAt: row.executedAt,
  canceledAt: row.canceledAt,
  executionWindow: row.executionWindow,
  failureReason: row.failureReason,
  vetoVotes: row.vetoVotes.toString(),
  vetoed: row.vetoed,
  txHash: row.txHash,
});

export function proposalsRepository(db: Database) {
  // One proposal by id: a fixed shape, prepared once per connection.
  const proposalQuery = db
    .select(proposalColumns)
    .from(p)
    .innerJoin(c, eq(c.address, p.collective))
    .where(and(eq(p.collective, sql.placeholder("collective")), eq(p.proposalId, sql.placeholder("proposalId"))))
    .prepare("proposal_by_id");

  /**
   * What a quorum at `timestamp` is a percentage of, from the share history: the supply, as the
   * governor's quorum reads it, or the member count under one member, one vote.
   */
  async function baseAt(collective: string, timestamp: number, rule: string): Promise<bigint> {
    const s = schema.shareEvents;
    const [row] = await db
      .select({ supply: s.supply, memberCount: s.memberCount })
      .from(s)
      .where(and(eq(s.collective, collective), lte(s.timestamp, timestamp)))
      .orderBy(desc(s.blockNumber), desc(s.logIndex))
      .limit(1);
    if (!row) return 0n;
    return rule === "members" ? BigInt(row.memberCount) : row.supply;
  }

  /** The quorum percentage in force at `timestamp`: what the governor's quorumNumerator(timestamp) reads. */
  async function quorumNumeratorAt(collective: string, timestamp: number): Promise<number | undefined> {
    const q = schema.quorumNumerators;
    const [row] = await db
      .select({ numerator: q.numerator })
      .from(q)
      .where(and(eq(q.collective, collective), lte(q.timestamp, timestamp)))
      .orderBy(desc(q.blockNumber), desc(q.logIndex))
      .limit(1);
    return row?.numerator;
  }

  /** The time a collective's proposal states are computed at; undefined for an unknown collective. */
  async function clockOf(collective: string): Promise<StateClock | undefined> {
    const [clock] = await db
      .select({ now: sql<number>`${chainNow}`.mapWith(Number), maxExecutionWindow: c.maxExecutionWindow })
      .from(c)
      .where(eq(c.address, collective));
    return clock;
  }

  return {
    /**
     * Proposals newest first, filtered by computed state, kind and proposer. To filter by state the
     * clock is read first: the states and the filter share one time, and the planner knows it.
     */
    async list(collective: string, query: ProposalsQuery): Promise<Page<Proposal>> {
      const clock = query.state === undefined ? undefined : await clockOf(collective);
      // The route answers 404 for an unknown collective before asking.
      if (query.state !== undefined && clock === undefined) return { items: [], next: null };
      const columns = [p.createdBlock, p.proposalId];
      const budget = textBudget([p.description], columns, "desc");
      const rows = await db
        .select({
          proposal: { ...listedColumns, description: budget.read<string>(p.description) },
          state: proposalState(clock),
          fits: budget.fits,
        })
        .from(p)
        .where(
          and(
            eq(p.collective, collective),
            query.kind === undefined ? undefined : eq(p.kind, query.kind),
            query.proposer === undefined ? undefined : eq(p.proposer, query.proposer),
            query.state === undefined || clock === undefined ? undefined : stateFilter(query.state, clock),
            byCreated.after(query.cursor, columns, "desc"),
          ),
        )
        .orderBy(sql`${p.createdBlock} DESC`, sql`${p.proposalId} DESC`)
        .limit(query.limit + 1);
      return byCreated.page(
        rows,
        query.limit,
        ({ proposal }) => [proposal.createdBlock, proposal.proposalId.toString()],
        ({ proposal, state }) => toProposal({ ...proposal, state }),
        ({ fits }) => fits,
      );
    },

    /** One proposal with its quorum, progress, actions and timeline; its votes come apart. */
    async get(collective: string, proposalId: bigint): Promise<Omit<ProposalDetail, "votes"> | undefined> {
      const [row] = await proposalQuery.execute({ collective, proposalId });
      if (!row) return undefined;
      let quorum = row.proposal.quorum;
      const { snapshot, queuedAt, vetoVotes } = row.proposal;
      const snapshotPast = row.now > snapshot;
      // Only a proposal that is or was queued takes objections: only it has a veto quorum.
      const vetoable = snapshotPast && queuedAt !== null;
      const rule = row.proposal.countingRule;
      const supply = (quorum === null && snapshotPast) || vetoable ? await baseAt(collective, snapshot, rule) : null;
      // Before any vote the quorum is not stored; once the snapshot is past, the supply (or member
      // count) and the percentage at the snapshot give it, as the governor's quorum(snapshot).
      if (quorum === null && supply !== null) {
        const numerator = await quorumNumeratorAt(collective, snapshot);
        if (numerator !== undefined) quorum = (supply * BigInt(numerator)) / 100n;
      }
      // As the governor's vetoQuorum: the threshold now, of the supply (or member count) at the
      // snapshot, rounded up.
      const vetoQuorum = vetoable && supply !== null ? (supply * BigInt(row.vetoPercent) + 99n) / 100n : null;
      const ve = schema.vetoes;
      const vetoes =
        vetoVotes === 0n
          ? []
          : await db
              .select()
              .from(ve)
              .where(and(eq(ve.collective, collective), eq(ve.proposalId, proposalId)))
              .orderBy(desc(ve.blockNumber), desc(ve.logIndex));
      const proposal = toProposal({ ...row.proposal, state: row.state, quorum });
      return {
        ...proposal,
        ...quorumProgress(proposal),
        actions: row.proposal.actions,
        timeline: timeline(proposal, row.now),
        now: row.now,
        vetoQuorum: vetoQuorum?.toString() ?? null,
        vetoes: vetoes.map((v) => ({
          voter: v.voter,
          weight: v.weight.toString(),
          reason: v.reason,
          blockNumber: v.blockNumber,
          timestamp: v.timestamp,
          txHash: v.txHash,
        })),
      };
    },

    /** The votes on a proposal, newest first. */
    async votes(collective: string, proposalId: bigint, query: PageQuery): Promise<Page<Vote>> {
      const v = schema.votes;
      const columns = [v.blockNumber, v.logIndex];
      const budget = textBudget([v.reason], columns, "desc");
      const rows = await db
        .select({ ...getTableColumns(v), reason: budget.read<string>(v.reason), fits: budget.fits })
        .from(v)
        .where(
          and(eq(v.collective, collective), eq(v.proposalId, proposalId), byVotes.after(query.cursor, columns, "desc")),
        )
        .orderBy(sql`${v.blockNumber} DESC`, sql`${v.logIndex} DESC`)
        .limit(query.limit + 1);
      return byVotes.page(
        rows,
        query.limit,
        (row) => [row.blockNumber, row.logIndex],
        (row) => ({
          voter: row.voter,
          support: SUPPORT[row.support] ?? "abstain",
          weight: row.weight.toString(),
          memberWeight: row.memberWeight?.toString() ?? null,
          reason: row.reason,
          blockNumber: row.blockNumber,
          timestamp: row.timestamp,
          txHash: row.txHash,
        }),
        (row) => row.fits,
      );
    },
  };
}

export type ProposalsRepository = ReturnType<typeof proposalsRepository>;

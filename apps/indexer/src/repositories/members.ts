/** Members of a collective and each member's history: shares, votes and delegations. */
import { and, asc, desc, eq, getTableColumns, gt, inArray, or, sql } from "drizzle-orm";
import { schema, type Database } from "@rhizome/db";
import {
  type Page,
  type PageQuery,
  SUPPORT,
  type Delegation,
  type ForVotes,
  type Member,
  type MembersQuery,
  type MemberVote,
  type ShareEvent,
} from "@rhizome/client/schemas";
import { Keyset, textBudget } from "./page.js";

const m = schema.members;
const c = schema.collectives;

/** The number of a vote for, as the governor counts support. */
const FOR = SUPPORT.indexOf("for");

const byShares = new Keyset("members", ["uint", "text"]);
const byHistory = new Keyset("share-history", ["int", "int"]);
const byVotes = new Keyset("member-votes", ["int", "int"]);
const byDelegations = new Keyset("delegations", ["int", "int"]);

/** Shares over the total, exactly in numeric, then as a float. */
const shareOfSupply = sql<number>`CASE WHEN ${c.totalShares} = 0 THEN 0 ELSE (${m.shares} / ${c.totalShares})::float8 END`;

const memberColumns = {
  account: m.account,
  shares: m.shares,
  shareOfSupply,
  votingPower: m.votingPower,
  delegate: m.delegate,
  name: m.name,
  avatarUri: m.avatarUri,
  joinedAt: m.joinedAt,
  leftAt: m.leftAt,
  profileUri: m.profileUri,
  memberCollective: m.memberCollective,
};

type MemberRow = {
  account: string;
  shares: bigint;
  shareOfSupply: number;
  votingPower: bigint;
  delegate: string | null;
  name: string | null;
  avatarUri: string | null;
  joinedAt: number | null;
  leftAt: number | null;
  profileUri: string | null;
  memberCollective: string | null;
};

const toMember = (row: MemberRow): Member => ({
  ...row,
  shares: row.shares.toString(),
  shareOfSupply: Number(row.shareOfSupply),
  votingPower: row.votingPower.toString(),
});

/** LIKE's own characters in `text`, escaped so that they match themselves. */
const literal = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Members whose name contains `q` in any case, or whose address starts with it. */
function matching(q: string) {
  const words = literal(q.trim().toLowerCase());
  return or(
    sql`lower(${m.name}) LIKE ${`%${words}%`}`,
    /^0x[0-9a-f]*$/.test(words) ? sql`lower(${m.account}) LIKE ${`${words}%`}` : undefined,
  );
}

export function membersRepository(db: Database) {
  // One member by address: a fixed shape, prepared once per connection.
  const memberQuery = db
    .select(memberColumns)
    .from(m)
    .innerJoin(c, eq(c.address, m.collective))
    .where(and(eq(m.collective, sql.placeholder("collective")), eq(m.account, sql.placeholder("account"))))
    .prepare("member_by_address");

  return {
    /**
     * What an exit or a release of `voter`'s *for* votes must give as proof, as the governor
     * chains them: the proposals its last release kept, then its *for* votes cast since, in order.
     */
    async forVotes(collective: string, voter: string): Promise<ForVotes> {
      const r = schema.forVoteReleases;
      const v = schema.votes;
      const [release] = await db
        .select()
        .from(r)
        .where(and(eq(r.collective, collective), eq(r.voter, voter)))
        .orderBy(desc(r.blockNumber), desc(r.logIndex))
        .limit(1);
      const since = release
        ? sql`(${v.blockNumber}, ${v.logIndex}) > (${release.blockNumber}, ${release.logIndex})`
        : undefined;
      const cast = await db
        .select({ proposalId: v.proposalId })
        .from(v)
        .where(and(eq(v.collective, collective), eq(v.voter, voter), eq(v.support, FOR), since))
        .orderBy(asc(v.blockNumber), asc(v.logIndex));
      return {
        proposalIds: [...(release?.kept ?? []), ...cast.map((row) => row.proposalId.toString())],
        releasedBlock: release?.blockNumber ?? null,
      };
    },

    /** Members, most shares first; `active` true keeps holders, false keeps those without shares. */
    async list(collective: string, query: MembersQuery): Promise<Page<Member>> {
      const columns = [m.shares, m.account];
      const rows = await db
        .select(memberColumns)
        .from(m)
        .innerJoin(c, eq(c.address, m.collective))
        .where(
          and(
            eq(m.collective, collective),
            query.active === undefined ? undefined : query.active ? gt(m.shares, 0n) : eq(m.shares, 0n),
            query.q === undefined ? undefined : matching(query.q),
            byShares.after(query.cursor, columns, "desc"),
          ),
        )
        .orderBy(sql`${m.shares} DESC`, sql`${m.account} DESC`)
        .limit(query.limit + 1);
      return byShares.page(rows, query.limit, (row) => [row.shares.toString(), row.account], toMember);
    },

    /**
     * The profile names and pictures of `accounts` (checksummed) in the collective, by account:
     * those that never held shares there, or set no profile, are absent.
     */
    async names(
      collective: string,
      accounts: readonly string[],
    ): Promise<Map<string, { name: string | null; avatarUri: string | null }>> {
      if (accounts.length === 0) return new Map();
      const rows = await db
        .select({ account: m.account, name: m.name, avatarUri: m.avatarUri })
        .from(m)
        .where(and(eq(m.collective, collective), inArray(m.account, [...accounts])));
      return new Map(rows.map(({ account, ...profile }) => [account, profile]));
    },

    async get(collective: string, account: string): Promise<Member | undefined> {
      const [row] = await memberQuery.execute({ collective, account });
      return row && toMember(row);
    },

    /** Mints and burns of a member's shares, oldest first. */
    async shareHistory(collective: string, account: string, query: PageQuery): Promise<Page<ShareEvent>> {
      const s = schema.shareEvents;
      const columns = [s.blockNumber, s.logIndex];
      const rows = await db
        .select()
        .from(s)
        .where(and(eq(s.collective, collective), eq(s.account, account), byHistory.after(query.cursor, columns, "asc")))
        .orderBy(s.blockNumber, s.logIndex)
        .limit(query.limit + 1);
      return byHistory.page(
        rows,
        query.limit,
        (row) => [row.blockNumber, row.logIndex],
        (row) => ({
          blockNumber: row.blockNumber,
          logIndex: row.logIndex,
          delta: row.delta.toString(),
          balance: row.balance.toString(),
          supply: row.supply.toString(),
          timestamp: row.timestamp,
          txHash: row.txHash,
        }),
      );
    },

    /** A member's votes with what they voted on, newest first. */
    async votes(collective: string, voter: string, query: PageQuery): Promise<Page<MemberVote>> {
      const v = schema.votes;
      const p = schema.proposals;
      const columns = [v.blockNumber, v.logIndex];
      const budget = textBudget([v.reason, p.description], columns, "desc");
      const rows = await db
        .select({
          vote: { ...getTableColumns(v), reason: budget.read<string>(v.reason) },
          description: budget.read<string>(p.description),
          fits: budget.fits,
        })
        .from(v)
        .innerJoin(p, and(eq(p.collective, v.collective), eq(p.proposalId, v.proposalId)))
        .where(and(eq(v.collective, collective), eq(v.voter, voter), byVotes.after(query.cursor, columns, "desc")))
        .orderBy(sql`${v.blockNumber} DESC`, sql`${v.logIndex} DESC`)
        .limit(query.limit + 1);
      return byVotes.page(
        rows,
        query.limit,
        ({ vote }) => [vote.blockNumber, vote.logIndex],
        ({ vote, description }) => ({
          proposalId: vote.proposalId.toString(),
          description,
          support: SUPPORT[vote.support] ?? "abstain",
          weight: vote.weight.toString(),
          reason: vote.reason,
          blockNumber: vote.blockNumber,
          timestamp: vote.timestamp,
          txHash: vote.txHash,
        }),
        ({ fits }) => fits,
      );
    },

    /** Changes of delegate made by `account` or towards it, newest first. */
    async delegations(collective: string, account: string, query: PageQuery): Promise<Page<Delegation>> {
      const d = schema.delegations;
      const columns = [d.blockNumber, d.logIndex];
      const rows = await db
        .select()
        .from(d)
        .where(
          and(
            eq(d.collective, collective),
            or(eq(d.delegator, account), eq(d.toDelegate, account)),
            byDelegations.after(query.cursor, columns, "desc"),
          ),
        )
        .orderBy(sql`${d.blockNumber} DESC`, sql`${d.logIndex} DESC`)
        .limit(query.limit + 1);
      return byDelegations.page(
        rows,
        query.limit,
        (row) => [row.blockNumber, row.logIndex],
        (row) => ({
          delegator: row.delegator,
          fromDelegate: row.fromDelegate,
          toDelegate: row.toDelegate,
          blockNumber: row.blockNumber,
          timestamp: row.timestamp,
        }),
      );
    },
  };
}

export type MembersRepository = ReturnType<typeof membersRepository>;

/** Collectives: the list, one collective with its key numbers, and whether one exists. */
import type { CountingRule } from "@rhizome/contracts";
import { and, asc, eq, inArray, or, sql, type SQLWrapper } from "drizzle-orm";
import { zeroAddress } from "viem";
import { schema, type Database } from "@rhizome/db";
import {
  OPEN_PROPOSAL_STATES,
  OPEN_WORK_STATES,
  type CollectiveDetail,
  type CollectivesQuery,
  type CollectiveSummary,
  type Principle,
  type Page,
} from "@rhizome/client/schemas";
import { Keyset, type KeyKind, type KeyValues } from "./page.js";
import { chainNow, stateFilter } from "./proposal-state.js";

const c = schema.collectives;
const pr = schema.principles;

const bySize = new Keyset("collectives:size", ["int", "text"]);
const byNewest = new Keyset("collectives:newest", ["int", "uint"]);

/** How long a collective found is taken to exist without asking again, and how many are kept. */
const KNOWN_FOR_MS = 5_000;
const KNOWN_MAX = 10_000;

/** `q` as a LIKE pattern matching it anywhere, its own % and _ taken literally. */
const contains = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

type Row = typeof c.$inferSelect;

const summary = (row: Row, principles: Principle[]): CollectiveSummary => ({
  address: row.address,
  name: row.name,
  symbol: row.symbol,
  creator: row.creator,
  principles,
  memberCount: row.memberCount,
  totalShares: row.totalShares.toString(),
  proposalCount: row.proposalCount,
  workCount: row.workCount,
  createdBlock: row.createdBlock,
  createdAt: row.createdAt,
});

export function collectivesRepository(db: Database) {
  async function principlesOf(addresses: string[]): Promise<Map<string, Principle[]>> {
    const out = new Map<string, Principle[]>(addresses.map((a) => [a, []]));
    if (addresses.length === 0) return out;
    const rows = await db
      .select({ collective: pr.collective, index: pr.index, name: pr.name })
      .from(pr)
      .where(inArray(pr.collective, addresses))
      .orderBy(asc(pr.collective), asc(pr.index));
    for (const row of rows) out.get(row.collective)?.push({ index: row.index, name: row.name });
    return out;
  }

  async function listBy<K extends readonly KeyKind[]>(
    query: CollectivesQuery,
    keyset: Keyset<K>,
    columns: SQLWrapper[],
    keyOf: (row: Row) => KeyValues<K>,
  ): Promise<Page<CollectiveSummary>> {
    const rows = await db
      .select()
      .from(c)
      .where(
        and(
          query.q === undefined ? undefined : sql`${c.name} ILIKE ${contains(query.q)}`,
          keyset.after(query.cursor, columns, "desc"),
        ),
      )
      .orderBy(...columns.map((column) => sql`${column} DESC`))
      .limit(query.limit + 1);
    const principles = await principlesOf(rows.slice(0, query.limit).map((row) => row.address));
    return keyset.page(rows, query.limit, keyOf, (row) => summary(row, principles.get(row.address) ?? []));
  }

  // The fixed-shape reads every page makes, prepared once per connection (Postgres plans them
  // once, not at each request); the address is the only parameter.
  const existsQuery = db
    .select({ address: c.address })
    .from(c)
    .where(eq(c.address, sql.placeholder("address")))
    .limit(1)
    .prepare("collective_exists");
  const rowQuery = db
    .select({ row: c, now: sql<number>`${chainNow}`.mapWith(Number) })
    .from(c)
    .where(eq(c.address, sql.placeholder("address")))
    .prepare("collective_by_address");

  // Every route under a collective first asks whether it exists. A collective, once indexed,
  // goes only in a reorg or a reset of the chain: a yes is kept for a few seconds (forgotten
  // at once on a reorg this process sees), which saves that query on nearly every request.
  const known = new Map<string, number>();

  return {
    async exists(address: string): Promise<boolean> {
      const until = known.get(address);
      if (until !== undefined && until > performance.now()) return true;
      const rows = await existsQuery.execute({ address });
      if (rows.length === 0) return false;
      if (known.size >= KNOWN_MAX) known.clear();
      known.set(address, performance.now() + KNOWN_FOR_MS);
      return true;
    },

    /** Forgets which collectives exist: after a reorg, one may have gone. */
    forgetKnown(): void {
      known.clear();
    },

    list(query: CollectivesQuery): Promise<Page<CollectiveSummary>> {
      return query.sort === "newest"
        ? listBy(query, byNewest, [c.createdBlock, c.factoryId], (row) => [row.createdBlock, row.factoryId.toString()])
        : listBy(query, bySize, [c.memberCount, c.address], (row) => [row.memberCount, row.address]);
    },

    async get(address: string): Promise<CollectiveDetail | undefined> {
      const [found] = await rowQuery.execute({ address });
      if (!found) return undefined;
      const { row } = found;
      // Open proposals counted with the index-served state filters, at the time read with the row.
      const clock = { now: found.now, maxExecutionWindow: row.maxExecutionWindow };
      const p = schema.proposals;
      const w = schema.workItems;
      const tb = schema.treasuryBalances;
      const [[proposals], [work], [eth], principles] = await Promise.all([
        db
          .select({ open: sql<number>`count(*)::int` })
          .from(p)
          .where(and(eq(p.collective, address), or(...OPEN_PROPOSAL_STATES.map((state) => stateFilter(state, clock))))),
        db
          .select({ open: sql<number>`count(*)::int` })
          .from(w)
          .where(and(eq(w.collective, address), inArray(w.state, OPEN_WORK_STATES))),
        db
          .select({ balance: tb.balance })
          .from(tb)
          .where(and(eq(tb.collective, address), eq(tb.token, zeroAddress))),
        principlesOf([address]),
      ]);
      return {
        address: row.address,
        name: row.name,
        symbol: row.symbol,
        creator: row.creator,
        factoryId: row.factoryId.toString(),
        principles: principles.get(address) ?? [],
        settings: {
          votingDelay: row.votingDelay,
          votingPeriod: row.votingPeriod,
          executionWindow: row.executionWindow,
          timelockDelay: row.timelockDelay,
          proposalThreshold: row.proposalThreshold.toString(),
          quorumPercent: row.quorumPercent,
          reviewWindow: row.reviewWindow,
          objectionThreshold: row.objectionThreshold,
          vetoPercent: row.vetoPercent,
          countingRule: row.countingRule as CountingRule,
        },
        modules: {
          governor: row.address,
          shares: row.shares,
          timelock: row.timelock,
          treasury: row.treasury,
          work: row.work,
        },
        stats: {
          members: row.memberCount,
          totalShares: row.totalShares.toString(),
          treasuryEth: (eth?.balance ?? 0n).toString(),
          proposals: row.proposalCount,
          openProposals: proposals?.open ?? 0,
          work: row.workCount,
          openWork: work?.open ?? 0,
        },
        createdBlock: row.createdBlock,
        createdAt: row.createdAt,
        txHash: row.txHash,
      };
    },
  };
}

export type CollectivesRepository = ReturnType<typeof collectivesRepository>;

/**
 * One range's worth of changes to the projections, gathered in memory and written in bulk:
 * rows that change (members, proposals, work items…) are loaded once, changed in place and
 * upserted together; rows that only accumulate (share events, votes…) are inserted together.
 */
import { sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { getTableColumns } from "drizzle-orm";
import { schema, type Transaction as Tx } from "@rhizome/db";

export type Collective = typeof schema.collectives.$inferSelect;
export type Member = typeof schema.members.$inferSelect;
export type Proposal = typeof schema.proposals.$inferSelect;
export type WorkItem = typeof schema.workItems.$inferSelect;
export type Application = typeof schema.applications.$inferSelect;
export type TreasuryBalance = typeof schema.treasuryBalances.$inferSelect;
export type QuorumNumerator = typeof schema.quorumNumerators.$inferSelect;
export type CountingRuleRow = typeof schema.countingRules.$inferSelect;

/** A row of a collective's settings history: where on chain it was set, and when. */
interface SettingRow {
  collective: string;
  blockNumber: number;
  logIndex: number;
  timestamp: number;
}

/** The last of `rows` for `collective` set at or before `timestamp`, in chain order (block, then log). */
function latestOf<T extends SettingRow>(rows: readonly T[], collective: string, timestamp: number): T | undefined {
  let latest: T | undefined;
  for (const row of rows) {
    if (row.collective !== collective || row.timestamp > timestamp) continue;
    if (
      !latest ||
      row.blockNumber > latest.blockNumber ||
      (row.blockNumber === latest.blockNumber && row.logIndex > latest.logIndex)
    ) {
      latest = row;
    }
  }
  return latest;
}

/** Rows of one table kept by key, and which of them changed. */
export class Rows<T> {
  readonly byKey = new Map<string, T>();
  readonly changed = new Set<string>();
  get(key: string): T | undefined {
    return this.byKey.get(key);
  }
  put(key: string, row: T): T {
    this.byKey.set(key, row);
    this.changed.add(key);
    return row;
  }
  changedRows(): T[] {
    return [...this.changed].map((key) => this.byKey.get(key) as T);
  }
}

export const key = (...parts: (string | bigint | number)[]) => parts.join("|");

/** The changing rows a range's events touch, by table, to load before applying them. */
export interface Keys {
  collectives: string[];
  members: [string, string][];
  proposals: [string, bigint][];
  workItems: [string, number][];
  applications: [string, number][];
  balances: [string, string][];
}

export class Batch {
  readonly collectives = new Rows<Collective>();
  readonly members = new Rows<Member>();
  readonly proposals = new Rows<Proposal>();
  readonly workItems = new Rows<WorkItem>();
  readonly applications = new Rows<Application>();
  readonly balances = new Rows<TreasuryBalance>();
  readonly principles = new Rows<typeof schema.principles.$inferInsert>();
  readonly shareEvents: (typeof schema.shareEvents.$inferInsert)[] = [];
  readonly delegations: (typeof schema.delegations.$inferInsert)[] = [];
  readonly votes: (typeof schema.votes.$inferInsert)[] = [];
  readonly vetoes: (typeof schema.vetoes.$inferInsert)[] = [];
  readonly forVoteReleases: (typeof schema.forVoteReleases.$inferInsert)[] = [];
  readonly objections: (typeof schema.objections.$inferInsert)[] = [];
  readonly flows: (typeof schema.treasuryFlows.$inferInsert)[] = [];
  readonly ragequits: (typeof schema.ragequits.$inferInsert)[] = [];
  readonly quorumNumerators: QuorumNumerator[] = [];
  readonly countingRules: CountingRuleRow[] = [];
  /** New counting rules, in chain order: each applies to the proposals not yet voted on whose snapshot is at or after `from`. */
  readonly ruleChanges: { collective: string; from: number; rule: string }[] = [];
  /** Under two houses, each vote's weight in the members' house, by collective, proposal and voter, until its VoteCast. */
  readonly memberWeights = new Map<string, bigint>();
  /** New execution windows, in chain order: each applies to the proposals whose vote ends at or after `from`. */
  readonly windowChanges: { collective: string; from: number; window: number }[] = [];
  /** Quorum percentages and counting rules already in the tables, by collective, read when first needed. */
  private readonly storedQuorumNumerators = new Map<string, QuorumNumerator[]>();
  private readonly storedCountingRules = new Map<string, CountingRuleRow[]>();
  /** Collectives whose shares moved in this range. */
  readonly sharesMoved = new Set<string>();

  constructor(readonly tx: Tx) {}

  /** Loads the changing rows the range's events will touch, in one query per table. */
  async load(keys: Keys): Promise<void> {
    const { tx } = this;
    const pairs = (list: [string, string | number | bigint][]): [SQL, SQL] => [
      sql`${sql.param(list.map(([a]) => a))}`,
      sql`${sql.param(list.map(([, b]) => String(b)))}`,
    ];
    const load = async <T>(
      rows: Rows<T>,
      table: PgTable,
      list: [string, string | number | bigint][],
      where: (a: SQL, b: SQL) => SQL,
      keyOf: (row: T) => string,
    ) => {
      const missing = list.filter(([a, b]) => !rows.byKey.has(key(a, b)));
      if (missing.length === 0) return;
      const [a, b] = pairs(missing);
      const found = (await tx.select().from(table).where(where(a, b))) as T[];
      for (const row of found) rows.byKey.set(keyOf(row), row);
    };
    const c = schema.collectives;
    const newCollectives = keys.collectives.filter((address) => !this.collectives.byKey.has(address));
    if (newCollectives.length > 0) {
      const found = await tx
        .select()
        .from(c)
        .where(sql`${c.address} = ANY(${sql.param(newCollectives)}::text[])`);
      for (const row of found) this.collectives.byKey.set(row.address, row);
    }
    const m = schema.members;
    await load<Member>(
      this.members,
      m,
      keys.members,
      (a, b) => sql`(${m.collective}, ${m.account}) IN (SELECT * FROM unnest(${a}::text[], ${b}::text[]))`,
      (row) => key(row.collective, row.account),
    );
    const p = schema.proposals;
    await load<Proposal>(
      this.proposals,
      p,
      keys.proposals,
      (a, b) => sql`(${p.collective}, ${p.proposalId}) IN (SELECT * FROM unnest(${a}::text[], ${b}::numeric[]))`,
      (row) => key(row.collective, row.proposalId),
    );
    const w = schema.workItems;
    await load<WorkItem>(
      this.workItems,
      w,
      keys.workItems,
      (a, b) => sql`(${w.collective}, ${w.workId}) IN (SELECT * FROM unnest(${a}::text[], ${b}::integer[]))`,
      (row) => key(row.collective, row.workId),
    );
    const ap = schema.applications;
    await load<Application>(
      this.applications,
      ap,
      keys.applications,
      (a, b) => sql`(${ap.collective}, ${ap.applicationId}) IN (SELECT * FROM unnest(${a}::text[], ${b}::integer[]))`,
      (row) => key(row.collective, row.applicationId),
    );
    const tb = schema.treasuryBalances;
    await load<TreasuryBalance>(
      this.balances,
      tb,
      keys.balances,
      (a, b) => sql`(${tb.collective}, ${tb.token}) IN (SELECT * FROM unnest(${a}::text[], ${b}::text[]))`,
      (row) => key(row.collective, row.token),
    );
  }

  /**
   * Changes a loaded proposal in place and marks it as changed; an event for a proposal the index
   * does not hold (one made before the collective was followed) changes nothing.
   */
  updateProposal(collective: string, proposalId: bigint, change: (proposal: Proposal) => void): void {
    const k = key(collective, proposalId);
    const proposal = this.proposals.get(k);
    if (!proposal) return;
    change(proposal);
    this.proposals.put(k, proposal);
  }

  /** A collective's row, marked as changed: the caller changes it in place. */
  collective(address: string): Collective {
    const row = this.collectives.get(address);
    if (!row) throw new Error(`Event for unknown collective ${address}`);
    return this.collectives.put(address, row);
  }

  /**
   * A collective's supply of shares and member count at `timestamp` (the shares' getPastTotalSupply
   * and getPastMemberCount): from this range's events, else the table; zeros before any.
   */
  async sharesAt(collective: string, timestamp: number): Promise<{ supply: bigint; memberCount: number }> {
    for (let i = this.shareEvents.length - 1; i >= 0; i--) {
      const event = this.shareEvents[i];
      if (event && event.collective === collective && event.timestamp <= timestamp) return event;
    }
    const s = schema.shareEvents;
    const [row] = await this.tx
      .select({ supply: s.supply, memberCount: s.memberCount })
      .from(s)
      .where(sql`${s.collective} = ${collective} AND ${s.timestamp} <= ${timestamp}`)
      .orderBy(sql`${s.blockNumber} DESC, ${s.logIndex} DESC`)
      .limit(1);
    return row ?? { supply: 0n, memberCount: 0 };
  }

  /**
   * A collective's quorum percentage at `timestamp`, as the governor's quorumNumerator(timestamp)
   * reads its checkpoints: the last one taken at or before that time, from this range's changes,
   * else the table. Chain order is by block and log, not the list's: factory events come first.
   */
  async quorumNumeratorAt(collective: string, timestamp: number): Promise<number> {
    const row = await this.settingAt(
      this.quorumNumerators,
      this.storedQuorumNumerators,
      schema.quorumNumerators,
      collective,
      timestamp,
    );
    // Every collective has one from its creation on, and no proposal's snapshot comes before it.
    if (!row) throw new Error(`No quorum percentage of collective ${collective} at ${timestamp}`);
    return row.numerator;
  }

  /** A collective's counting rule at `timestamp`, as the governor's history of rules gives it. */
  async countingRuleAt(collective: string, timestamp: number): Promise<string> {
    const row = await this.settingAt(
      this.countingRules,
      this.storedCountingRules,
      schema.countingRules,
      collective,
      timestamp,
    );
    if (!row) throw new Error(`No counting rule of collective ${collective} at ${timestamp}`);
    return row.rule;
  }

  /** The setting in force at `timestamp`: this range's changes, else the table's history. */
  private async settingAt<T extends SettingRow>(
    changes: readonly T[],
    stored: Map<string, T[]>,
    table: typeof schema.quorumNumerators | typeof schema.countingRules,
    collective: string,
    timestamp: number,
  ): Promise<T | undefined> {
    const latest = latestOf(changes, collective, timestamp);
    if (latest) return latest;
    // A collective's settings change only by proposal, so a history is a few rows: read once per
    // range, not once per proposal's first vote.
    let rows = stored.get(collective);
    if (!rows) {
      rows = (await this.tx
        .select()
        .from(table)
        .where(sql`${table.collective} = ${collective}`)) as T[];
      stored.set(collective, rows);
    }
    return latestOf(rows, collective, timestamp);
  }

  /** Writes every change of the range. */
  async flush(): Promise<void> {
    const { tx } = this;
    await upsert(tx, schema.collectives, this.collectives.changedRows(), ["address"]);
    await upsert(tx, schema.principles, this.principles.changedRows(), ["collective", "index"]);
    await upsert(tx, schema.members, this.members.changedRows(), ["collective", "account"]);
    await upsert(tx, schema.proposals, this.proposals.changedRows(), ["collective", "proposalId"]);
    const p = schema.proposals;
    for (const { collective, from, window } of this.windowChanges) {
      await tx
        .update(p)
        .set({ executionWindow: window })
        .where(sql`${p.collective} = ${collective} AND ${p.deadline} >= ${from}`);
    }
    for (const { collective, from, rule } of this.ruleChanges) {
      await tx
        .update(p)
        .set({ countingRule: rule })
        .where(sql`${p.collective} = ${collective} AND ${p.snapshot} >= ${from} AND ${p.voteCount} = 0`);
    }
    await upsert(tx, schema.workItems, this.workItems.changedRows(), ["collective", "workId"]);
    await upsert(tx, schema.applications, this.applications.changedRows(), ["collective", "applicationId"]);
    await upsert(tx, schema.treasuryBalances, this.balances.changedRows(), ["collective", "token"]);
    await insert(tx, schema.shareEvents, this.shareEvents);
    await insert(tx, schema.delegations, this.delegations);
    await insert(tx, schema.votes, this.votes);
    await insert(tx, schema.vetoes, this.vetoes);
    await insert(tx, schema.forVoteReleases, this.forVoteReleases);
    await insert(tx, schema.objections, this.objections);
    await insert(tx, schema.treasuryFlows, this.flows);
    await insert(tx, schema.ragequits, this.ragequits);
    await insert(tx, schema.quorumNumerators, this.quorumNumerators);
    await insert(tx, schema.countingRules, this.countingRules);
  }
}

/**
 * Writes rows with one array parameter per column, `INSERT … SELECT * FROM unnest(…)`: a
 * statement's size does not grow with the rows, and Postgres parses it once. Several times
 * faster than a multi-row VALUES list, on PGlite and on Postgres alike.
 */
function unnestInsert(table: PgTable, rows: object[], conflict: SQL): SQL {
  const columns = Object.entries(getTableColumns(table));
  const arrays = columns.map(([name, column]) => {
    const values = rows.map((row) => {
      const value = (row as Record<string, unknown>)[name];
      return value === undefined || value === null ? null : column.mapToDriverValue(value);
    });
    // Arrays of JSON go in as text and are cast back element by element.
    const type = column.getSQLType();
    const cast = type === "jsonb" ? "text[]" : `${type.replace(/\(.*\)/, "")}[]`;
    return { name: column.name, type, cast, values };
  });
  const names = sql.raw(arrays.map((a) => `"${a.name}"`).join(", "));
  const selects = sql.raw(arrays.map((a, i) => (a.type === "jsonb" ? `c${i}::jsonb` : `c${i}`)).join(", "));
  const params = sql.join(
    arrays.map((a) => sql`${sql.param(a.values)}::${sql.raw(a.cast)}`),
    sql`, `,
  );
  const aliases = sql.raw(arrays.map((_, i) => `c${i}`).join(", "));
  return sql`INSERT INTO ${table} (${names}) SELECT ${selects} FROM unnest(${params}) AS t(${aliases}) ${conflict}`;
}

/**
 * Rows per statement: large enough to amortise a round trip, small enough to keep memory flat.
 * Each statement's parameters are built as text at once (a column's values joined into one
 * array literal), so this bounds what a busy range's write holds besides its events: 5,000 kept
 * the dense benchmark's peak at about 330-350 MB where 20,000 gave 370-480 MB, at the same speed.
 */
const ROWS_PER_STATEMENT = 5_000;

async function insert(tx: Tx, table: PgTable, rows: object[]): Promise<void> {
  // Replaying a range after a crash finds its rows already there: keep them.
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await tx.execute(unnestInsert(table, rows.slice(i, i + ROWS_PER_STATEMENT), sql`ON CONFLICT DO NOTHING`));
  }
}

async function upsert(tx: Tx, table: PgTable, rows: object[], keyColumns: string[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const keys = keyColumns.map((name) => `"${(columns[name] as { name: string }).name}"`).join(", ");
  const updates = Object.entries(columns)
    .filter(([name]) => !keyColumns.includes(name))
    .map(([, column]) => `"${column.name}" = excluded."${column.name}"`)
    .join(", ");
  const conflict = sql.raw(`ON CONFLICT (${keys}) DO UPDATE SET ${updates}`);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await tx.execute(unnestInsert(table, rows.slice(i, i + ROWS_PER_STATEMENT), conflict));
  }
}

/**
 * Seeds one large collective straight into Postgres with INSERT … SELECT over generate_series:
 * members with shares, voting power and delegates, proposals of every kind and state with their
 * actions, over a million votes, work items in every state and principle, and the history around
 * them (share events, ownership, delegations, treasury, applications, objections). Nothing goes
 * through the chain; the figures are plausible and consistent where the API reads them together
 * (tallies, counters, supply), and the times sit around the indexed head so every state occurs.
 */
import pg from "pg";

/** A digits-only address is its own checksum, so the API's checksummed lookups find it. */
export const COLLECTIVE = "0x1000000000000000000000000000000000000001";
export const HEAD_BLOCK = 700_000;
export const HEAD_TIMESTAMP = 1_800_000_000;
export const MEMBERS = 10_000;
export const PROPOSALS = 10_000;
export const WORK_ITEMS = 20_000;

export interface SeedResult {
  members: number;
  proposals: number;
  votes: number;
  workItems: number;
  seconds: number;
  /** Proposal ids to rotate over, the ones with the most votes among them. */
  proposalIds: string[];
}

const C = `'${COLLECTIVE}'`;
const ts = (block: string) => `(${HEAD_TIMESTAMP} - (${HEAD_BLOCK} - (${block})) * 12)`;
const E18 = "1000000000000000000::numeric";

const STATEMENTS: string[] = [
  "SET session_replication_role = replica",
  `CREATE FUNCTION pg_temp.addr(n bigint) RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT '0x' || lpad(n::text, 40, '0') $$`,
  `CREATE FUNCTION pg_temp.tx(t text) RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT '0x' || md5(t) || md5(t || '.') $$`,
  `INSERT INTO indexer_state VALUES (1, 31337, pg_temp.tx('genesis'), pg_temp.addr(9), 1, ${HEAD_BLOCK}, ${HEAD_BLOCK - 64}, ${HEAD_BLOCK}, ${HEAD_TIMESTAMP})`,
  `INSERT INTO collectives (address, factory_id, name, symbol, creator, shares, timelock, treasury, work, voting_delay,
       voting_period, execution_window, max_execution_window, timelock_delay, proposal_threshold, quorum_percent,
       review_window, objection_threshold, veto_percent, counting_rule, created_block, created_at, tx_hash)
     VALUES (${C}, 1, 'Benchmark Cooperative', 'BENCH', pg_temp.addr(1), pg_temp.addr(2001), pg_temp.addr(2002),
       pg_temp.addr(2003), pg_temp.addr(2004), 86400, 259200, 1209600, 1209600, 172800, ${E18}, 4, 259200, 10, 20,
       'shares', 900, ${ts("900")}, pg_temp.tx('create'))`,
  `INSERT INTO principles SELECT ${C}, i, (ARRAY['Open source','Fair pay','Care','Craft','Commons'])[i + 1], 900 FROM generate_series(0, 4) i`,
  // Share events: a mint for every member, a second one for every third, a full burn for every fiftieth.
  `CREATE TEMP TABLE moves AS
     SELECT 1000 + j AS block, j, ((1000000 / j) + 1)::numeric * ${E18} AS delta FROM generate_series(1, ${MEMBERS}) j
     UNION ALL SELECT 200000 + j, j, ${E18} FROM generate_series(3, ${MEMBERS}, 3) j
     UNION ALL SELECT 400000 + j, j, -(((1000000 / j) + 1)::numeric * ${E18} + CASE WHEN j % 3 = 0 THEN ${E18} ELSE 0 END)
       FROM generate_series(50, ${MEMBERS}, 50) j`,
  `INSERT INTO share_events (collective, block_number, log_index, account, delta, balance, supply, timestamp, tx_hash, member_count)
     SELECT ${C}, block, 0, pg_temp.addr(j), delta, balance, supply, ${ts("block")}, pg_temp.tx('s' || block),
       count(*) FILTER (WHERE delta > 0 AND balance = delta) OVER w - count(*) FILTER (WHERE balance = 0) OVER w
     FROM (SELECT block, j, delta, sum(delta) OVER (PARTITION BY j ORDER BY block) AS balance,
       sum(delta) OVER (ORDER BY block) AS supply FROM moves) m
     WINDOW w AS (ORDER BY block)`,
  `INSERT INTO ownership_history SELECT ${C}, block_number, timestamp, supply, member_count,
     0.55 + 0.1 * sin(block_number / 5000.0), 0.7 + 0.05 * cos(block_number / 7000.0), 3 + (block_number % 5)::int
     FROM share_events`,
  `INSERT INTO members (collective, account, shares, voting_power, delegate, joined_at, left_at)
     SELECT ${C}, pg_temp.addr(j), sum(delta), 0, pg_temp.addr(((j - 1) / 10) * 10 + 1), ${ts("min(block)")},
       CASE WHEN sum(delta) = 0 THEN ${ts("max(block)")} END
     FROM moves GROUP BY j`,
  `UPDATE members m SET voting_power = g.power FROM
     (SELECT delegate, sum(shares) AS power FROM members WHERE collective = ${C} GROUP BY delegate) g
     WHERE m.collective = ${C} AND m.account = g.delegate`,
  `INSERT INTO delegations SELECT ${C}, 1000 + j, 1, pg_temp.addr(j), '0x0000000000000000000000000000000000000000',
     pg_temp.addr(((j - 1) / 10) * 10 + 1), ${ts("1000 + j")} FROM generate_series(1, ${MEMBERS}) j`,
  // Proposals: one every 50 blocks up to the head; a day's delay and three days' voting.
  `CREATE TEMP TABLE props AS SELECT i, i::numeric * 982451653 * 1e60 + i AS id, 200000 + i * 50 AS block,
     ${ts("200000 + i * 50")} AS created FROM generate_series(1, ${PROPOSALS}) i`,
  `INSERT INTO proposals (collective, proposal_id, proposer, description, kind, actions, snapshot, deadline, status, eta,
       created_at, created_block, queued_at, executed_at, canceled_at, tx_hash, execution_window)
     SELECT ${C}, id, pg_temp.addr((i * 37) % 200 + 1), '# Proposal ' || i || E'\\n\\n' || repeat('We propose that the collective acts. ', 8),
       k.kind, jsonb_build_array(jsonb_build_object('target', pg_temp.addr(2000 + k.n), 'value', CASE WHEN k.n = 2 THEN '1000000000000000000' ELSE '0' END,
         'calldata', '0x' || md5(i::text) || md5(k.kind), 'function', (ARRAY['admit','commission','pay','setQuorum',NULL])[k.n],
         'args', CASE WHEN k.n < 5 THEN jsonb_build_object('account', pg_temp.addr(i % ${MEMBERS} + 1), 'amount', (i * 1000)::text) END,
         'summary', initcap(k.kind) || ' for proposal ' || i)),
       created + 86400, created + 345600, s.status,
       CASE WHEN s.status IN ('queued', 'executed') THEN created + 345600 + 600 + 172800 END, created, block,
       CASE WHEN s.status IN ('queued', 'executed') THEN created + 345600 + 600 END,
       CASE WHEN s.status = 'executed' THEN created + 345600 + 600 + 172800 + 600 END,
       CASE WHEN s.status = 'canceled' THEN created + 3600 END, pg_temp.tx('p' || i), 1209600
     FROM props,
       LATERAL (SELECT i % 5 + 1 AS n, (ARRAY['admission','work','payment','parameter','other'])[i % 5 + 1] AS kind) k,
       LATERAL (SELECT CASE WHEN i % 20 = 7 THEN 'canceled'
         WHEN created + 345600 >= ${HEAD_TIMESTAMP} OR i % 5 = 0 OR i % 7 = 3 THEN 'created'
         WHEN i % 3 = 0 AND created + 345600 + 174000 < ${HEAD_TIMESTAMP} THEN 'executed'
         WHEN i % 3 <> 2 AND created + 345600 + 600 < ${HEAD_TIMESTAMP} THEN 'queued' ELSE 'created' END AS status) s`,
  // Votes: 10 to 190 a proposal, 5,000 on every 400th; spread over the voting period, none past the head.
  `INSERT INTO votes SELECT ${C}, id, pg_temp.addr(((n - 1) * 97 + i * 13) % ${MEMBERS} + 1),
       CASE WHEN (n * 31 + i) % 10 < 7 THEN CASE WHEN i % 5 = 0 THEN 0 ELSE 1 END ELSE (n + i) % 3 END,
       ((1000000 / ((((n - 1) * 97 + i * 13) % ${MEMBERS}) + 1)) + 1)::numeric * ${E18},
       CASE WHEN n % 10 = 0 THEN 'Reason ' || n || ': ' || repeat('because ', 1 + n % 6) ELSE '' END,
       vb, i % 50, ${ts("vb")}, pg_temp.tx('v' || i || '.' || n)
     FROM props, LATERAL generate_series(1, CASE WHEN i % 400 = 0 THEN 5000 ELSE 10 + (i * 7919) % 181 END) n,
       LATERAL (SELECT block + 7200 + 1 + (n * 13) % 21600 AS vb) b
     WHERE vb <= ${HEAD_BLOCK}`,
  `UPDATE proposals p SET for_votes = t.f, against_votes = t.a, abstain_votes = t.ab, vote_count = t.c,
       quorum = CASE WHEN (p.created_block - 200000) / 50 % 7 = 3 THEN (t.f + t.ab) * 2 ELSE (t.f + t.ab) / 2 END
     FROM (SELECT proposal_id, COALESCE(sum(weight) FILTER (WHERE support = 1), 0) AS f,
       COALESCE(sum(weight) FILTER (WHERE support = 0), 0) AS a, COALESCE(sum(weight) FILTER (WHERE support = 2), 0) AS ab,
       count(*) AS c FROM votes WHERE collective = ${C} GROUP BY proposal_id) t
     WHERE p.collective = ${C} AND p.proposal_id = t.proposal_id`,
  // Work items: every state and principle, a third open to anyone until taken.
  `INSERT INTO work_items SELECT ${C}, w, 'Work item ' || w, 'ipfs://spec-' || w, w % 5,
       CASE WHEN s.state = 'commissioned' AND w % 3 = 0 THEN '0x0000000000000000000000000000000000000000' ELSE pg_temp.addr((w * 31) % ${MEMBERS} + 1) END,
       (100 + w % 900)::numeric * ${E18}, '0x0000000000000000000000000000000000000000', (w % 10)::numeric * 1e17, s.state,
       CASE WHEN s.state <> 'commissioned' AND s.state <> 'cancelled' THEN 'ipfs://delivery-' || w END,
       CASE WHEN s.state <> 'commissioned' AND s.state <> 'cancelled' THEN t + 86400 + 259200 END,
       CASE WHEN s.state <> 'commissioned' AND s.state <> 'cancelled' THEN 500000::numeric * ${E18} END,
       CASE WHEN s.state IN ('disputed', 'rejected') THEN 600000::numeric * ${E18} ELSE 0 END,
       t, CASE WHEN s.state <> 'commissioned' AND s.state <> 'cancelled' THEN t + 86400 END,
       CASE WHEN s.state IN ('accepted', 'rejected', 'cancelled') THEN t + 86400 * 5 END, pg_temp.tx('w' || w)
     FROM generate_series(1, ${WORK_ITEMS}) w, LATERAL (SELECT ${HEAD_TIMESTAMP} - (${WORK_ITEMS} - w) * 400 AS t) tt,
       LATERAL (SELECT (ARRAY['commissioned','commissioned','delivered','delivered','delivered','accepted','accepted','accepted',
         'accepted','accepted','accepted','accepted','accepted','accepted','disputed','disputed','rejected','rejected',
         'cancelled','cancelled'])[w % 20 + 1] AS state) s`,
  `INSERT INTO objections SELECT ${C}, work_id, pg_temp.addr(work_id % 100 * 10 + o), 200000::numeric * ${E18}, 'Not as specified', commissioned_at + 90000 + o
     FROM work_items, generate_series(1, 3) o WHERE state IN ('disputed', 'rejected')`,
  `INSERT INTO applications SELECT ${C}, a, pg_temp.addr(${MEMBERS} + a), (a % 50 + 1)::numeric * ${E18}, 'I would like to join: ' || a,
       (ARRAY['open','admitted','withdrawn'])[a % 3 + 1], CASE WHEN a % 3 = 1 THEN (a % 50 + 1)::numeric * ${E18} END,
       ${HEAD_TIMESTAMP} - (600 - a) * 3600, CASE WHEN a % 3 <> 0 THEN ${HEAD_TIMESTAMP} - (600 - a) * 3600 + 86400 END
     FROM generate_series(1, 600) a`,
  `INSERT INTO treasury_balances VALUES (${C}, '0x0000000000000000000000000000000000000000', 5000::numeric * ${E18}, ${HEAD_BLOCK - 10}),
     (${C}, pg_temp.addr(3001), 250000::numeric * 1000000, ${HEAD_BLOCK - 20}), (${C}, pg_temp.addr(3002), 1200::numeric * ${E18}, ${HEAD_BLOCK - 30})`,
  `INSERT INTO treasury_flows SELECT ${C}, 2000 + f * 600, 0, (ARRAY['deposit','payment'])[f % 2 + 1], '0x0000000000000000000000000000000000000000',
       pg_temp.addr(f % ${MEMBERS} + 1), CASE WHEN f % 2 = 0 THEN 10 ELSE -3 END::numeric * ${E18}, ${ts("2000 + f * 600")}, pg_temp.tx('f' || f)
     FROM generate_series(1, 1000) f`,
  `UPDATE collectives SET total_shares = (SELECT sum(shares) FROM members WHERE collective = ${C}),
     member_count = (SELECT count(*) FROM members WHERE collective = ${C} AND shares > 0),
     proposal_count = ${PROPOSALS}, work_count = ${WORK_ITEMS} WHERE address = ${C}`,
  "RESET session_replication_role",
  "ANALYZE",
];

export async function seed(url: string): Promise<SeedResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    for (const statement of STATEMENTS) await client.query(statement);
    const seconds = (performance.now() - started) / 1000;
    const count = async (table: string) =>
      Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n ?? 0);
    const ids = await client.query<{ id: string }>(
      `SELECT proposal_id::text AS id FROM proposals WHERE collective = ${C}
       ORDER BY (vote_count >= 5000) DESC, md5(proposal_id::text) LIMIT 500`,
    );
    return {
      members: await count("members"),
      proposals: await count("proposals"),
      votes: await count("votes"),
      workItems: await count("work_items"),
      seconds,
      proposalIds: ids.rows.map((row) => row.id),
    };
  } finally {
    await client.end();
  }
}

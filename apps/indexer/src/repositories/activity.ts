/**
 * A collective's activity as entries, newest first: proposals made, decided (passed or defeated
 * when their vote ends), carried out or withdrawn; work delivered and settled; members joining
 * and leaving. Each entry's id names the happening (`proposal:<collective>:<id>:passed`), so it
 * is the same however often its block is indexed: what the webhooks deliver once.
 * Decisions are read at the indexed head's time, as proposal states are.
 */
import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { schema, type Database } from "@rhizome/db";
import type { Entry } from "../webhooks/entries.js";
import { chainNow } from "./proposal-state.js";

/** The governor's rule for a defeat, over the proposals aliased `p` below. */
export const defeated = sql`(${schema.proposalDefeated(alias(schema.proposals, "p"))})`;

/** Entries one read gives at most. */
export const ACTIVITY_LIMIT = 50;

/** A proposal's title (aliased `p`): its description's first line, without Markdown's heading marks. */
export const TITLE = sql`left(regexp_replace(split_part(p.description, E'\\n', 1), '^#+\\s*', ''), 200)`;

interface Row extends Record<string, unknown> {
  id: string;
  kind: string;
  title: string;
  summary: string;
  path: string;
  time: string | number;
}

export function activityRepository(db: Database) {
  return {
    async collective(collective: string, limit = ACTIVITY_LIMIT): Promise<Entry[]> {
      const c = collective;
      const proposal = (kind: string | SQL) =>
        sql`'proposal:' || p.collective || ':' || p.proposal_id::text || ':' || ${kind}`;
      const proposalPath = sql`'/c/' || p.collective || '/proposals/' || p.proposal_id::text`;
      const who = sql`COALESCE(NULLIF(m.name, ''), m.account)`;
      const result = (await db.execute(sql`
        WITH now AS (SELECT ${chainNow} AS t)
        SELECT * FROM (
          SELECT ${proposal("created")} AS id, 'proposal-created' AS kind, 'New proposal: ' || ${TITLE} AS title,
            'Voting opens ' || to_char(to_timestamp(p.snapshot) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC and ends '
              || to_char(to_timestamp(p.deadline) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.' AS summary,
            ${proposalPath} AS path, p.created_at AS time
          FROM proposals p WHERE p.collective = ${c}
          UNION ALL
          SELECT ${proposal(sql`CASE WHEN ${defeated} THEN 'defeated' ELSE 'passed' END`)},
            CASE WHEN ${defeated} THEN 'proposal-defeated' ELSE 'proposal-passed' END,
            CASE WHEN ${defeated} THEN 'Defeated: ' ELSE 'Passed: ' END || ${TITLE},
            p.vote_count || ' votes: ' || p.for_votes::text || ' for, ' || p.against_votes::text || ' against, '
              || p.abstain_votes::text || ' abstaining.',
            ${proposalPath}, p.deadline
          FROM proposals p, now WHERE p.collective = ${c} AND p.deadline < now.t AND p.canceled_at IS NULL
          UNION ALL
          SELECT ${proposal("executed")}, 'proposal-executed', 'Carried out: ' || ${TITLE},
            'The proposal''s actions ran.', ${proposalPath}, p.executed_at
          FROM proposals p WHERE p.collective = ${c} AND p.executed_at IS NOT NULL
          UNION ALL
          SELECT ${proposal("canceled")}, 'proposal-canceled', 'Withdrawn: ' || ${TITLE},
            'The proposal was canceled.', ${proposalPath}, p.canceled_at
          FROM proposals p WHERE p.collective = ${c} AND p.canceled_at IS NOT NULL
          UNION ALL
          SELECT 'work:' || w.collective || ':' || w.work_id || ':delivered', 'work-delivered',
            'Work delivered: ' || left(w.title, 200),
            'Accepted unless members object before '
              || to_char(to_timestamp(w.review_ends) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',
            '/c/' || w.collective || '/work', w.delivered_at
          FROM work_items w WHERE w.collective = ${c} AND w.delivered_at IS NOT NULL
          UNION ALL
          SELECT 'work:' || w.collective || ':' || w.work_id || ':' || w.state, 'work-' || w.state,
            'Work ' || w.state || ': ' || left(w.title, 200), 'The work item is settled.',
            '/c/' || w.collective || '/work', w.settled_at
          FROM work_items w WHERE w.collective = ${c} AND w.settled_at IS NOT NULL
          UNION ALL
          SELECT 'member:' || m.collective || ':' || m.account || ':joined:' || m.joined_at, 'member-joined',
            'Joined: ' || ${who}, 'A new member.', '/c/' || m.collective || '/members/' || m.account, m.joined_at
          FROM members m WHERE m.collective = ${c} AND m.joined_at IS NOT NULL
          UNION ALL
          SELECT 'member:' || m.collective || ':' || m.account || ':left:' || m.left_at, 'member-left',
            'Left: ' || ${who}, 'The member left with their part.', '/c/' || m.collective || '/members/' || m.account,
            m.left_at
          FROM members m WHERE m.collective = ${c} AND m.left_at IS NOT NULL
        ) entries
        ORDER BY time DESC, id
        LIMIT ${limit}
      `)) as unknown as { rows: Row[] };
      return result.rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        collective: c,
        title: row.title,
        summary: row.summary,
        path: row.path,
        time: Number(row.time),
      }));
    },
  };
}

export type ActivityRepository = ReturnType<typeof activityRepository>;

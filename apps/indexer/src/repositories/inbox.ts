/**
 * A member's inbox, from the index and the discussion's tables: across every collective where the
 * account holds shares or votes, the proposals open for voting it has not voted on, delivered work
 * under review it has not objected to (not its own), passed proposals to queue and queued ones to
 * execute, applications no live admission proposal sponsors; then its own application's outcome
 * (for two weeks), and replies to its comments and comments naming it (for two weeks, or until it
 * answers in that thread). Chain items are read at the indexed head's time; comments, signed with
 * the wall clock's time, at the wall clock's. Each item's id names what it is about, so it keeps
 * its id while it stays: what the member's webhooks deliver once.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@rhizome/db";
import type { Inbox, InboxItem, InboxKind, ThreadKind } from "@rhizome/client/schemas";
import { defeated, TITLE } from "./activity.js";
import type { Entry } from "../webhooks/entries.js";
import { chainNow } from "./proposal-state.js";

/** Items one inbox holds at most. */
export const INBOX_LIMIT = 100;
/** How long an application's outcome, a reply and a mention stay: two weeks. */
export const INBOX_KEEP_SECONDS = 14 * 86_400;

const utc = (time: SQL) => sql`to_char(to_timestamp(${time}) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC'`;
const proposalPath = sql`'/c/' || p.collective || '/proposals/' || p.proposal_id::text`;
/** Where a thread is read: a proposal's page, the work board, the applications. */
const threadPath = sql`'/c/' || r.collective || CASE r.thread_kind WHEN 'proposal' THEN '/proposals/' || r.thread_id
  WHEN 'work' THEN '/work' ELSE '/apply' END`;
/** A proposal that can still run: executed, or not canceled, defeated nor expired. */
const live = sql`(p.status = 'executed' OR (p.status IN ('created', 'queued') AND (now.t <= p.deadline
  OR (NOT (${defeated}) AND now.t <= COALESCE(p.eta, p.deadline) + p.execution_window))))`;
/** The admission proposals of application `app`, from their decoded actions. */
const admits = sql`p.collective = app.collective AND EXISTS (SELECT 1 FROM jsonb_array_elements(p.actions) x
  WHERE x->>'function' = 'admit' AND x->'args'->>'applicationId' = app.application_id::text)`;

interface Row extends Record<string, unknown> {
  id: string;
  kind: InboxKind;
  collective: string;
  collective_name: string;
  subject_kind: ThreadKind;
  subject_id: string;
  title: string;
  summary: string;
  path: string;
  deadline: string | number | null;
  time: string | number;
}

export function inboxRepository(db: Database) {
  return {
    async of(account: string, limit = INBOX_LIMIT): Promise<Inbox> {
      const a = account;
      const comment = (kind: InboxKind, title: string, where: SQL) => sql`
        SELECT ${kind}::text || ':' || r.id, ${kind}::text, r.collective, r.thread_kind, r.thread_id,
          ${title}::text || ' ' || COALESCE((SELECT NULLIF(m.name, '') FROM members m
            WHERE m.collective = r.collective AND m.account = r.author), r.author),
          left(r.body, 280), ${threadPath}, NULL::bigint, r.created_at
        FROM comments r, wall WHERE r.author <> ${a} AND r.deleted_at IS NULL AND r.created_at > wall.t - ${INBOX_KEEP_SECONDS}
          AND ${where}
          AND NOT EXISTS (SELECT 1 FROM comments mine WHERE mine.author = ${a} AND mine.collective = r.collective
            AND mine.thread_kind = r.thread_kind AND mine.thread_id = r.thread_id AND mine.created_at > r.created_at
            AND mine.deleted_at IS NULL)`;
      const [head] = ((await db.execute(sql`SELECT ${chainNow} AS t`)) as unknown as { rows: { t: string }[] }).rows;
      const now = Number(head?.t ?? 0);
      const result = (await db.execute(sql`
        WITH now AS (SELECT ${now}::bigint AS t),
        wall AS (SELECT FLOOR(EXTRACT(EPOCH FROM now()))::bigint AS t),
        mine AS (SELECT collective, joined_at FROM members WHERE account = ${a} AND (shares > 0 OR voting_power > 0))
        SELECT i.*, c.name AS collective_name FROM (
          SELECT 'vote:' || p.collective || ':' || p.proposal_id::text AS id, 'vote' AS kind, p.collective,
            'proposal' AS subject_kind, p.proposal_id::text AS subject_id, 'Vote: ' || ${TITLE} AS title,
            'Voting ends ' || ${utc(sql`p.deadline`)} || '.' AS summary, ${proposalPath} AS path,
            p.deadline AS deadline, p.snapshot AS time
          FROM proposals p JOIN mine ON mine.collective = p.collective, now
          WHERE p.status NOT IN ('executed', 'failed', 'canceled') AND now.t > p.snapshot AND now.t <= p.deadline
            AND (mine.joined_at IS NULL OR mine.joined_at <= p.snapshot)
            AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.collective = p.collective AND v.proposal_id = p.proposal_id
              AND v.voter = ${a})
          UNION ALL
          SELECT 'review:' || w.collective || ':' || w.work_id, 'review', w.collective, 'work', w.work_id::text,
            'Review: ' || left(w.title, 200),
            'Delivered work, accepted unless members object before ' || ${utc(sql`w.review_ends`)} || '.',
            '/c/' || w.collective || '/work', w.review_ends, w.delivered_at
          FROM work_items w JOIN mine ON mine.collective = w.collective, now
          WHERE w.state = 'delivered' AND w.review_ends > now.t AND w.contributor <> ${a}
            AND NOT EXISTS (SELECT 1 FROM objections o WHERE o.collective = w.collective AND o.work_id = w.work_id
              AND o.objector = ${a})
          UNION ALL
          SELECT 'queue:' || p.collective || ':' || p.proposal_id::text, 'queue', p.collective, 'proposal',
            p.proposal_id::text, 'Queue: ' || ${TITLE},
            'Passed: anyone may queue it in the timelock before ' || ${utc(sql`p.deadline + p.execution_window`)} || '.',
            ${proposalPath}, p.deadline + p.execution_window, p.deadline
          FROM proposals p JOIN mine ON mine.collective = p.collective, now
          WHERE p.status = 'created' AND now.t > p.deadline AND now.t <= p.deadline + p.execution_window
            AND NOT (${defeated})
          UNION ALL
          SELECT 'execute:' || p.collective || ':' || p.proposal_id::text, 'execute', p.collective, 'proposal',
            p.proposal_id::text, 'Execute: ' || ${TITLE},
            'Its delay is over: anyone may execute it before ' || ${utc(sql`p.eta + p.execution_window`)} || '.',
            ${proposalPath}, p.eta + p.execution_window, p.eta
          FROM proposals p JOIN mine ON mine.collective = p.collective, now
          WHERE p.status = 'queued' AND now.t >= p.eta AND now.t <= p.eta + p.execution_window
          UNION ALL
          SELECT 'sponsor:' || app.collective || ':' || app.application_id, 'sponsor', app.collective, 'application',
            app.application_id::text, 'Sponsor: application #' || app.application_id || ' by ' || app.applicant,
            'Asks for ' || app.requested_shares::text || ' shares: ' || left(app.pitch, 200),
            '/c/' || app.collective || '/apply', NULL::bigint, app.submitted_at
          FROM applications app JOIN mine ON mine.collective = app.collective, now
          WHERE app.status = 'open' AND app.applicant <> ${a}
            AND NOT EXISTS (SELECT 1 FROM proposals p WHERE ${admits} AND ${live})
          UNION ALL
          SELECT 'application:' || app.collective || ':' || app.application_id || ':admitted', 'application',
            app.collective, 'application', app.application_id::text, 'Admitted: application #' || app.application_id,
            'You are a member now, with ' || app.admitted_shares::text || ' shares.',
            '/c/' || app.collective, NULL::bigint, app.closed_at
          FROM applications app, now
          WHERE app.applicant = ${a} AND app.status = 'admitted' AND app.closed_at > now.t - ${INBOX_KEEP_SECONDS}
          UNION ALL
          SELECT 'application:' || app.collective || ':' || app.application_id || ':declined:' || d.decided, 'application',
            app.collective, 'application', app.application_id::text, 'Not admitted: application #' || app.application_id,
            'The proposal to admit you did not pass; the application stays open until you withdraw it.',
            '/c/' || app.collective || '/apply', NULL::bigint, d.decided
          FROM applications app, now,
            LATERAL (SELECT MAX(p.deadline) AS decided FROM proposals p WHERE ${admits}) d
          WHERE app.applicant = ${a} AND app.status = 'open' AND d.decided > now.t - ${INBOX_KEEP_SECONDS}
            AND NOT EXISTS (SELECT 1 FROM proposals p WHERE ${admits} AND ${live})
          UNION ALL
          ${comment("reply", "A reply from", sql`EXISTS (SELECT 1 FROM comments parent WHERE parent.id = r.parent_id AND parent.author = ${a})`)}
          UNION ALL
          ${comment(
            "mention",
            "Mentioned by",
            sql`r.mentions @> jsonb_build_array(${a}::text) AND NOT EXISTS (SELECT 1 FROM comments parent
              WHERE parent.id = r.parent_id AND parent.author = ${a})`,
          )}
        ) i (id, kind, collective, subject_kind, subject_id, title, summary, path, deadline, time)
        JOIN collectives c ON c.address = i.collective
        ORDER BY i.deadline IS NULL, i.deadline, i.time DESC, i.id
        LIMIT ${limit}
      `)) as unknown as { rows: Row[] };
      return { account, now, items: result.rows.map(toItem) };
    },
  };
}

const toItem = (row: Row): InboxItem => ({
  id: row.id,
  kind: row.kind,
  collective: row.collective,
  collectiveName: row.collective_name,
  subject: { kind: row.subject_kind, id: row.subject_id },
  title: row.title,
  summary: row.summary,
  path: row.path,
  deadline: row.deadline === null ? null : Number(row.deadline),
  time: Number(row.time),
});

export type InboxRepository = ReturnType<typeof inboxRepository>;

/** An inbox item as what the member's feed and webhooks tell. */
export const inboxEntry = (item: InboxItem): Entry => ({
  id: item.id,
  kind: item.kind,
  collective: item.collective,
  title: item.title,
  summary: item.summary,
  path: item.path,
  time: item.time,
});

/**
 * Discussion: the comments of a thread (a proposal's, a work item's, an application's) and the
 * signed actions that made them, which an import verifies again. Off-chain tables, read beside
 * the index: who may post and whom a mention names come from the index's members. Each signed
 * message is stored once: its digest is the replay key, and a second use of it stores nothing.
 */
import { and, asc, count, eq, gt, inArray, sql } from "drizzle-orm";
import { schema, type Database } from "@rhizome/db";
import type { Comment, ThreadKind } from "@rhizome/client/schemas";
import { Keyset } from "./page.js";

const byTime = new Keyset("comments", ["int", "text"]);

type Row = typeof schema.comments.$inferSelect;

export interface Thread {
  collective: string;
  kind: ThreadKind;
  id: string;
}

export interface SignedAction {
  digest: string;
  action: "post" | "edit" | "delete";
  signer: string;
  message: Record<string, unknown>;
  signature: string;
  signedAt: number;
}

export const toComment = (row: Row): Comment => ({
  id: row.id,
  kind: row.threadKind as ThreadKind,
  thread: row.threadId,
  parent: row.parentId,
  author: row.author,
  body: row.deletedAt === null ? row.body : "",
  mentions: row.mentions,
  createdAt: row.createdAt,
  editedAt: row.editedAt,
  deletedAt: row.deletedAt,
});

export function commentsRepository(db: Database) {
  const c = schema.comments;
  return {
    async list(thread: Thread, limit: number, cursor?: string) {
      const rows = await db
        .select()
        .from(c)
        .where(
          and(
            eq(c.collective, thread.collective),
            eq(c.threadKind, thread.kind),
            eq(c.threadId, thread.id),
            byTime.after(cursor, [c.createdAt, c.id], "asc"),
          ),
        )
        .orderBy(asc(c.createdAt), asc(c.id))
        .limit(limit + 1);
      return byTime.page(rows, limit, (r) => [r.createdAt, r.id], toComment);
    },

    async get(id: string): Promise<Row | undefined> {
      const [row] = await db.select().from(c).where(eq(c.id, id));
      return row;
    },

    /** Comments per thread of one kind in a collective, for the lists that show counts. */
    async counts(collective: string, kind: ThreadKind, ids: string[]): Promise<Map<string, number>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ thread: c.threadId, n: count() })
        .from(c)
        .where(
          and(
            eq(c.collective, collective),
            eq(c.threadKind, kind),
            inArray(c.threadId, ids),
            sql`${c.deletedAt} IS NULL`,
          ),
        )
        .groupBy(c.threadId);
      return new Map(rows.map((r) => [r.thread, r.n]));
    },

    /** Whether the thread exists in the index, and the applicant of an application's. */
    async thread(thread: Thread): Promise<{ applicant?: string } | undefined> {
      if (thread.kind === "proposal") {
        const [row] = await db
          .select({ id: schema.proposals.proposalId })
          .from(schema.proposals)
          .where(
            and(eq(schema.proposals.collective, thread.collective), eq(schema.proposals.proposalId, BigInt(thread.id))),
          );
        return row ? {} : undefined;
      }
      const n = Number(thread.id);
      if (!Number.isSafeInteger(n) || n > 2 ** 31 - 1) return undefined;
      if (thread.kind === "work") {
        const [row] = await db
          .select({ id: schema.workItems.workId })
          .from(schema.workItems)
          .where(and(eq(schema.workItems.collective, thread.collective), eq(schema.workItems.workId, n)));
        return row ? {} : undefined;
      }
      const [row] = await db
        .select({ applicant: schema.applications.applicant })
        .from(schema.applications)
        .where(and(eq(schema.applications.collective, thread.collective), eq(schema.applications.applicationId, n)));
      return row ? { applicant: row.applicant } : undefined;
    },

    /** Whether `account` holds shares in `collective` now. */
    async isMember(collective: string, account: string): Promise<boolean> {
      const [row] = await db
        .select({ n: count() })
        .from(schema.members)
        .where(
          and(
            eq(schema.members.collective, collective),
            eq(schema.members.account, account),
            gt(schema.members.shares, 0n),
          ),
        );
      return (row?.n ?? 0) > 0;
    },

    /** The members of `collective` named by `names` (case-insensitive), as addresses. */
    async resolveNames(collective: string, names: string[]): Promise<string[]> {
      if (names.length === 0) return [];
      const lower = names.map((n) => n.toLowerCase());
      const rows = await db
        .select({ account: schema.members.account })
        .from(schema.members)
        .where(
          and(
            eq(schema.members.collective, collective),
            gt(schema.members.shares, 0n),
            inArray(sql<string>`lower(${schema.members.name})`, lower),
          ),
        );
      return [...new Set(rows.map((r) => r.account))].sort();
    },

    /** Actions `signer` signed since `since` (seconds): the rate limit's count. */
    async recentBy(signer: string, since: number): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(schema.commentActions)
        .where(and(eq(schema.commentActions.signer, signer), gt(schema.commentActions.signedAt, since)));
      return row?.n ?? 0;
    },

    /**
     * Stores a signed action and what it does to its comment, at once; false (nothing stored)
     * when its message was used already.
     */
    async apply(
      action: SignedAction,
      change: { insert: typeof schema.comments.$inferInsert } | { update: Partial<Row>; id: string },
    ): Promise<boolean> {
      return db.transaction(async (tx) => {
        const commentId = "insert" in change ? change.insert.id : change.id;
        const logged = await tx
          .insert(schema.commentActions)
          .values({ ...action, commentId })
          .onConflictDoNothing()
          .returning({ digest: schema.commentActions.digest });
        if (logged.length === 0) return false;
        if ("insert" in change) await tx.insert(c).values(change.insert).onConflictDoNothing();
        else await tx.update(c).set(change.update).where(eq(c.id, change.id));
        return true;
      });
    },
  };
}

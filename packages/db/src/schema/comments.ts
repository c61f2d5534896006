/**
 * Discussion: the comments on a proposal's, a work item's or an application's thread, each
 * signed (EIP-712) by its author's wallet, and the log of every signed action (post, edit,
 * delete) that made them. Off-chain data: no reorg, chain reset or rebuild of the index touches
 * it. The log keeps each action's message and signature so an import verifies them again, and
 * its unique digest is the replay key: a message is accepted once.
 */
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { address, timestamp } from "./columns.js";

export const comments = pgTable(
  "comments",
  {
    /** The digest of the signed message that posted it (0x-hex): stable across databases. */
    id: text("id").primaryKey(),
    chainId: integer("chain_id").notNull(),
    collective: address("collective").notNull(),
    /** `proposal`, `work` or `application`. */
    threadKind: text("thread_kind").notNull(),
    /** The proposal's id, the work item's id or the application's id, in decimal. */
    threadId: text("thread_id").notNull(),
    /** The comment this one replies to, in the same thread; null at the top. */
    parentId: text("parent_id"),
    author: address("author").notNull(),
    /** Markdown, as of the last edit; empty once deleted. */
    body: text("body").notNull(),
    /** The members named with @name, as addresses. */
    mentions: jsonb("mentions")
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Seconds, from the signed messages. */
    createdAt: timestamp("created_at").notNull(),
    editedAt: timestamp("edited_at"),
    deletedAt: timestamp("deleted_at"),
  },
  (t) => [
    index("comments_by_thread").on(t.collective, t.threadKind, t.threadId, t.createdAt),
    index("comments_by_author").on(t.author, t.createdAt),
    // A member's inbox: the replies to their comments (by parent) and the comments naming them.
    index("comments_by_parent").on(t.parentId),
    index("comments_by_mention").using("gin", t.mentions),
  ],
);

export const commentActions = pgTable(
  "comment_actions",
  {
    /** The EIP-712 digest of the signed message: the replay key. */
    digest: text("digest").primaryKey(),
    commentId: text("comment_id").notNull(),
    /** `post`, `edit` or `delete`. */
    action: text("action").notNull(),
    signer: address("signer").notNull(),
    /** The signed message as sent (bigints as decimal strings). */
    message: jsonb("message").notNull(),
    signature: text("signature").notNull(),
    /** Seconds, the message's own timestamp. */
    signedAt: timestamp("signed_at").notNull(),
  },
  (t) => [index("comment_actions_by_comment").on(t.commentId, t.signedAt)],
);

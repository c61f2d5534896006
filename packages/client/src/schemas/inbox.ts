/**
 * A member's inbox: what needs them now across the collectives they belong to, soonest deadline
 * first. Each item names what it is about and where in the web client it is acted on, and leaves
 * the inbox once acted on (voted, objected or let pass, queued, executed, sponsored, answered).
 * The same items are the member's Atom feed and what their inbox webhooks deliver.
 */
import { address, nullableTimestamp, object, routeSchema, text, timestamp, type Of } from "./common.js";
import { THREAD_KINDS } from "./comments.js";

export const INBOX_KINDS = [
  /** A proposal open for voting that they have not voted on. */
  "vote",
  /** Delivered work whose review window is open: it is accepted unless members object in time. */
  "review",
  /** A passed proposal ready to queue in the timelock. */
  "queue",
  /** A queued proposal whose delay has passed, ready to execute. */
  "execute",
  /** An application waiting for a member to sponsor it. */
  "sponsor",
  /** The outcome of their own application. */
  "application",
  /** A reply to one of their comments. */
  "reply",
  /** A comment that names them. */
  "mention",
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export const inboxParams = object({ address: { ...address, description: "The member's account." } });

export const inboxItem = object({
  id: { ...text, description: "Stable: the same item keeps its id while it stays in the inbox." },
  kind: { type: "string", enum: INBOX_KINDS },
  collective: { ...address, description: "The collective's governor address." },
  collectiveName: text,
  subject: object({ kind: { type: "string", enum: THREAD_KINDS }, id: text }),
  title: text,
  summary: text,
  path: { ...text, description: "Where it is acted on in the web client." },
  deadline: { ...nullableTimestamp, description: "When it is too late to act, if ever (seconds)." },
  time: { ...timestamp, description: "When it arrived (seconds, the chain's clock)." },
});

export const inbox = object({
  account: address,
  now: { ...timestamp, description: "The indexed head's time, at which deadlines are read." },
  items: {
    type: "array",
    items: inboxItem,
    description: "Soonest deadline first; items without one after, newest first.",
  },
});

export type InboxParams = Of<typeof inboxParams>;
export type InboxItem = Of<typeof inboxItem>;
export type Inbox = Of<typeof inbox>;

export const getInbox = routeSchema({
  operationId: "getInbox",
  tags: ["inbox"],
  summary: "What needs a member now, soonest deadline first",
  params: inboxParams,
  response: { 200: inbox },
});

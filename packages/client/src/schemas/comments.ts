/**
 * Discussion: the threads on a proposal, a work item and an application, whose comments (and
 * their edits and deletions) are EIP-712 messages signed by their authors' wallets. The typed
 * data is here so the service, the web client and an import sign and verify the same message. The
 * domain binds a message to the chain and to the collective (its governor is the verifying
 * contract), so one collective's signature is refused by another; each message carries when it
 * was signed and a random nonce, and is accepted once.
 */
import {
  address,
  collectiveParams,
  errorBody,
  nullableTimestamp,
  object,
  page,
  pageQueryProperties,
  query,
  routeSchema,
  text,
  timestamp,
  type Of,
} from "./common.js";

export const THREAD_KINDS = ["proposal", "work", "application"] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

/** How long a signed comment, edit or deletion stays valid, from its `issuedAt`. */
export const COMMENT_TTL_SECONDS = 600;
/** The longest body, in characters. */
export const COMMENT_MAX_LENGTH = 10_000;
/** Comments, edits and deletions one author may sign in a minute. */
export const COMMENT_RATE_PER_MINUTE = 6;
/** Members named in one comment, at most. */
export const MAX_MENTIONS = 20;

/**
 * A `@name` in a comment's text: a member's profile name, without spaces, after the start or a
 * character that cannot be part of a word or an e-mail address; trailing dots and dashes are
 * punctuation, not the name. The service resolves the names to members; the web links them.
 */
export function mentionsIn(text: string): { start: number; end: number; name: string }[] {
  const found: { start: number; end: number; name: string }[] = [];
  for (const match of text.matchAll(/(?:^|[^\w@])@([\p{L}\p{N}_.-]{1,64})/gu)) {
    const name = (match[1] ?? "").replace(/[.-]+$/, "");
    if (!name) continue;
    const start = match.index + match[0].length - (match[1] ?? "").length - 1;
    found.push({ start, end: start + 1 + name.length, name });
  }
  return found;
}

/** The names a comment mentions, each once, at most MAX_MENTIONS. */
export const mentionedNames = (body: string) =>
  [...new Set(mentionsIn(body).map((m) => m.name))].slice(0, MAX_MENTIONS);

/** The parent of a top-level comment. */
export const NO_PARENT = `0x${"0".repeat(64)}` as const;

/** The EIP-712 domain and types of a collective's comments, on the chain the service follows. */
export const commentTypedData = (chainId: number, collective: `0x${string}`) =>
  ({
    domain: { name: "Rhizome", version: "1", chainId, verifyingContract: collective },
    types: {
      Comment: [
        { name: "author", type: "address" },
        { name: "kind", type: "string" },
        { name: "thread", type: "string" },
        { name: "parent", type: "bytes32" },
        { name: "body", type: "string" },
        { name: "issuedAt", type: "uint64" },
        { name: "nonce", type: "bytes32" },
      ],
      EditComment: [
        { name: "author", type: "address" },
        { name: "comment", type: "bytes32" },
        { name: "body", type: "string" },
        { name: "issuedAt", type: "uint64" },
        { name: "nonce", type: "bytes32" },
      ],
      DeleteComment: [
        { name: "author", type: "address" },
        { name: "comment", type: "bytes32" },
        { name: "issuedAt", type: "uint64" },
        { name: "nonce", type: "bytes32" },
      ],
    },
  }) as const;

export type CommentAction = "Comment" | "EditComment" | "DeleteComment";

const bytes32 = { type: "string", pattern: "^0x[0-9a-fA-F]{64}$" } as const;
const signature = { type: "string", pattern: "^0x[0-9a-fA-F]+$", maxLength: 20_000 } as const;
const issuedAt = {
  type: "integer",
  minimum: 0,
  maximum: 2 ** 40,
  description: "When it was signed, in seconds; valid for ten minutes.",
} as const;
const body = { type: "string", minLength: 1, maxLength: COMMENT_MAX_LENGTH, description: "Markdown." } as const;

export const threadParams = object({
  ...collectiveParams.properties,
  kind: { type: "string", enum: THREAD_KINDS },
  id: { type: "string", pattern: "^[0-9]{1,78}$", description: "The proposal's, work item's or application's id." },
});
export const commentParams = object({ ...threadParams.properties, comment: bytes32 });
export const threadQuery = query(pageQueryProperties);

export const postCommentBody = object({
  author: address,
  parent: { ...bytes32, description: "The comment replied to, in this thread; zero for none." },
  body,
  issuedAt,
  nonce: bytes32,
  signature,
});
export const editCommentBody = object({ author: address, body, issuedAt, nonce: bytes32, signature });
export const deleteCommentBody = object({ author: address, issuedAt, nonce: bytes32, signature });

export const comment = object({
  id: { ...bytes32, description: "The EIP-712 digest of the signed message that posted it." },
  kind: { type: "string", enum: THREAD_KINDS },
  thread: text,
  parent: { type: ["string", "null"], pattern: "^0x[0-9a-fA-F]{64}$" },
  author: address,
  body: { ...text, description: "Markdown; empty once deleted." },
  mentions: { type: "array", items: address, description: "The members named with @name." },
  createdAt: timestamp,
  editedAt: nullableTimestamp,
  deletedAt: nullableTimestamp,
});

export type Comment = Of<typeof comment>;
export type PostCommentBody = Of<typeof postCommentBody>;
export type EditCommentBody = Of<typeof editCommentBody>;
export type DeleteCommentBody = Of<typeof deleteCommentBody>;

const refusals = {
  401: { description: "The signature is not the author's.", ...errorBody },
  403: { description: "The author may not post here, or the comment is another's.", ...errorBody },
  409: { description: "This signed message was used already.", ...errorBody },
  429: { description: "The author signed too many in the last minute.", ...errorBody },
  503: { description: "The service has not reached its chain yet.", ...errorBody },
} as const;

export const listComments = routeSchema({
  operationId: "listComments",
  tags: ["discussion"],
  summary: "A thread's comments, oldest first",
  params: threadParams,
  querystring: threadQuery,
  response: { 200: page(comment) },
});

export const postComment = routeSchema({
  operationId: "postComment",
  tags: ["discussion"],
  summary: "Posts a comment signed by its author: a member, or the applicant in their application's thread",
  params: threadParams,
  body: postCommentBody,
  response: { 200: comment, ...refusals },
});

export const editComment = routeSchema({
  operationId: "editComment",
  tags: ["discussion"],
  summary: "Edits one's own comment, by a message its author signed",
  params: commentParams,
  body: editCommentBody,
  response: { 200: comment, ...refusals },
});

export const deleteComment = routeSchema({
  operationId: "deleteComment",
  tags: ["discussion"],
  summary: "Deletes one's own comment, by a message its author signed; its place in the thread stays",
  params: commentParams,
  body: deleteCommentBody,
  response: { 200: comment, ...refusals },
});

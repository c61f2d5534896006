/**
 * Discussion: a thread on each proposal, work item and application. A comment, its edit and its
 * deletion are EIP-712 messages signed by the author (`commentTypedData` in @rhizome/client),
 * verified with viem's verifyTypedData on the chain the service follows, so a contract wallet
 * (ERC-1271) signs as an account does. The domain names the chain and the collective, so another
 * collective's signature is refused; a message is valid for ten minutes from its `issuedAt` and
 * once (its digest is the replay key). Who may post: the collective's members, and an applicant
 * in their own application's thread; only the author edits or deletes. Every refusal stores
 * nothing. Answers change without the index moving: never cached by its version; a change makes
 * a new version for the answers that show comment counts.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import { getAddress, hashTypedData, type Hex } from "viem";
import {
  COMMENT_RATE_PER_MINUTE,
  COMMENT_TTL_SECONDS,
  commentTypedData,
  deleteComment,
  editComment,
  listComments,
  mentionedNames,
  NO_PARENT,
  postComment,
  type Comment,
  type CommentAction,
  type DeleteCommentBody,
  type EditCommentBody,
  type Page,
  type PostCommentBody,
  type ThreadKind,
} from "@rhizome/client/schemas";
import type { IndexerStatus } from "../../indexer.js";
import { NotFoundError } from "../../plugins/http-errors.js";
import { refused, signedRequests } from "./signed.js";
import { toComment, type Thread } from "../../repositories/comments.js";

export interface CommentRoutesOptions {
  status: () => IndexerStatus;
  /** The chain's JSON-RPC, for contract wallets' signatures; accounts' are recovered without it. */
  rpcUrl?: string | undefined;
}

type ThreadParams = { address: string; kind: ThreadKind; id: string };
type CommentParams = ThreadParams & { comment: string };

/** A list's page with each item's comment count, for the list pages. */
export async function withCommentCounts<T>(
  app: FastifyInstance,
  collective: string,
  kind: ThreadKind,
  page: Page<T>,
  idOf: (item: T) => string,
): Promise<Page<T & { commentCount: number }>> {
  const counts = await app.repositories.comments.counts(collective, kind, page.items.map(idOf));
  return { ...page, items: page.items.map((item) => ({ ...item, commentCount: counts.get(idOf(item)) ?? 0 })) };
}

/** A fresh nonce for a message, for clients that sign one. */
export const newNonce = () => `0x${randomBytes(32).toString("hex")}` as const;

const comments: FastifyPluginAsync<CommentRoutesOptions> = async (app, options) => {
  const signed = signedRequests(options.status, options.rpcUrl);
  const offIndex = { offIndex: true };
  const repo = () => app.repositories.comments;

  /**
   * Verifies `signature` is `author`'s over the message in this collective's domain, recent and
   * within the author's rate; answers the action to store.
   */
  const verify = async (
    collective: `0x${string}`,
    primaryType: CommentAction,
    author: `0x${string}`,
    message: Record<string, unknown>,
    issuedAt: number,
    signature: string,
  ) => {
    const { chainId, now } = signed.fresh(issuedAt, COMMENT_TTL_SECONDS, "message");
    const { domain, types } = commentTypedData(chainId, collective);
    const full = { ...message, author, issuedAt: BigInt(issuedAt) };
    const typed = { domain, types, primaryType, message: full } as const;
    const valid = await signed.valid({ ...typed, address: author, signature: signature as Hex } as never);
    if (!valid) throw refused(401, "InvalidSignature", `This message is not signed by ${author} for this collective.`);
    if ((await repo().recentBy(author, now - 60)) >= COMMENT_RATE_PER_MINUTE) {
      throw refused(429, "TooManyComments", `${author} signed ${COMMENT_RATE_PER_MINUTE} in the last minute: wait.`);
    }
    const digest = hashTypedData(typed as never);
    return {
      digest,
      signer: author,
      // Enough to verify it again alone (an import does): its domain and its type.
      message: { ...message, author, issuedAt, primaryType, chainId, collective },
      signature,
      signedAt: issuedAt,
    };
  };

  const threadOf = async (
    params: ThreadParams,
  ): Promise<Thread & { collective: `0x${string}`; applicant?: string | undefined }> => {
    const thread = {
      collective: getAddress(params.address) as `0x${string}`,
      kind: params.kind,
      id: BigInt(params.id).toString(),
    };
    const found = await repo().thread(thread);
    if (!found) throw new NotFoundError(`${params.address} has no ${params.kind} ${params.id}.`);
    return { ...thread, applicant: found.applicant };
  };

  const used = () => refused(409, "SignatureUsed", "This signed message was used already: sign a new one.");
  const changed = () => app.offIndexChanged?.();

  app.get<{ Params: ThreadParams; Querystring: { limit: number; cursor?: string }; Reply: { 200: Page<Comment> } }>(
    "/collectives/:address/threads/:kind/:id/comments",
    { schema: listComments, config: offIndex },
    async (request) => {
      const thread = await threadOf(request.params);
      return repo().list(thread, request.query.limit, request.query.cursor);
    },
  );

  app.post<{ Params: ThreadParams; Body: PostCommentBody; Reply: { 200: Comment } }>(
    "/collectives/:address/threads/:kind/:id/comments",
    { schema: postComment, config: offIndex },
    async (request) => {
      const thread = await threadOf(request.params);
      const author = getAddress(request.body.author);
      const { body, issuedAt, nonce, signature } = request.body;
      const parent = request.body.parent.toLowerCase() as `0x${string}`;
      const action = await verify(
        thread.collective,
        "Comment",
        author,
        { kind: thread.kind, thread: thread.id, parent, body, nonce },
        issuedAt,
        signature,
      );
      const applicant = thread.kind === "application" && thread.applicant === author;
      if (!applicant && !(await repo().isMember(thread.collective, author))) {
        throw refused(
          403,
          "NotAMember",
          `${author} is not a member of ${thread.collective}: only members, and an applicant in their own application's thread, may post.`,
        );
      }
      if (parent !== NO_PARENT) {
        const replied = await repo().get(parent);
        if (
          !replied ||
          replied.collective !== thread.collective ||
          replied.threadKind !== thread.kind ||
          replied.threadId !== thread.id
        ) {
          throw refused(400, "UnknownParent", `This thread has no comment ${parent} to reply to.`);
        }
      }
      const mentions = await repo().resolveNames(thread.collective, mentionedNames(body));
      const row = {
        id: action.digest,
        chainId: options.status().chainId,
        collective: thread.collective,
        threadKind: thread.kind,
        threadId: thread.id,
        parentId: parent === NO_PARENT ? null : parent,
        author,
        body,
        mentions,
        createdAt: issuedAt,
        editedAt: null,
        deletedAt: null,
      };
      if (!(await repo().apply({ ...action, action: "post" }, { insert: row }))) throw used();
      changed();
      return toComment(row);
    },
  );

  /** The author's own comment in this thread, or a refusal. */
  const ownComment = async (params: CommentParams, author: `0x${string}`) => {
    const thread = await threadOf(params);
    const id = params.comment.toLowerCase();
    const row = await repo().get(id);
    if (!row || row.collective !== thread.collective || row.threadKind !== thread.kind || row.threadId !== thread.id) {
      throw new NotFoundError(`This thread has no comment ${id}.`);
    }
    if (row.author !== author)
      throw refused(403, "NotYourComment", `Comment ${id} is ${row.author}'s, not ${author}'s.`);
    if (row.deletedAt !== null) throw refused(409, "CommentDeleted", `Comment ${id} was deleted.`);
    return { thread, row };
  };

  app.patch<{ Params: CommentParams; Body: EditCommentBody; Reply: { 200: Comment } }>(
    "/collectives/:address/threads/:kind/:id/comments/:comment",
    { schema: editComment, config: offIndex },
    async (request) => {
      const author = getAddress(request.body.author);
      const { thread, row } = await ownComment(request.params, author);
      const { body, issuedAt, nonce, signature } = request.body;
      const action = await verify(
        thread.collective,
        "EditComment",
        author,
        { comment: row.id, body, nonce },
        issuedAt,
        signature,
      );
      const mentions = await repo().resolveNames(thread.collective, mentionedNames(body));
      const update = { body, mentions, editedAt: issuedAt };
      if (!(await repo().apply({ ...action, action: "edit" }, { update, id: row.id }))) throw used();
      changed();
      return toComment({ ...row, ...update });
    },
  );

  app.delete<{ Params: CommentParams; Body: DeleteCommentBody; Reply: { 200: Comment } }>(
    "/collectives/:address/threads/:kind/:id/comments/:comment",
    { schema: deleteComment, config: offIndex },
    async (request) => {
      const author = getAddress(request.body.author);
      const { thread, row } = await ownComment(request.params, author);
      const { issuedAt, nonce, signature } = request.body;
      const action = await verify(
        thread.collective,
        "DeleteComment",
        author,
        { comment: row.id, nonce },
        issuedAt,
        signature,
      );
      const update = { body: "", mentions: [], deletedAt: issuedAt };
      if (!(await repo().apply({ ...action, action: "delete" }, { update, id: row.id }))) throw used();
      changed();
      return toComment({ ...row, ...update });
    },
  );
};

export default comments;

/**
 * Writing in a discussion thread: a comment, a reply, an edit or a deletion of one's own is an
 * EIP-712 message (commentTypedData, bound to this chain and collective) that the wallet signs,
 * with the time it was signed and a random nonce, and the page posts to the service. Nothing is
 * sent on chain and no gas is paid. After the service takes it, the collective's reads are
 * fetched again, so the thread and the lists' comment counts show it at once.
 */
import { commentTypedData, NO_PARENT, type CommentAction, type ThreadKind } from "@rhizome/client/schemas";
import type { Api } from "@rhizome/client";
import { useQueryClient } from "@tanstack/react-query";
import { bytesToHex, type Address, type Hex } from "viem";
import { useAccount, useConfig } from "wagmi";
import { getWalletClient } from "wagmi/actions";
import { ApiError, sendJson } from "../lib/api";
import { explainError } from "../lib/errors";
import { chain } from "./config";

/** A random bytes32: each signed message is accepted once. */
const randomNonce = (): Hex => bytesToHex(crypto.getRandomValues(new Uint8Array(32)));

/** Why a comment was not taken, in words: the service's own message for a refusal, else the wallet's. */
export function commentError(error: unknown): string {
  return error instanceof ApiError ? error.message : explainError(error);
}

export function useComments(collective: Address, kind: ThreadKind, id: string) {
  const { address: me } = useAccount();
  const config = useConfig();
  const client = useQueryClient();
  const thread = `/collectives/${collective}/threads/${kind}/${id}/comments`;

  /** Has the wallet sign `message` (with who, when and a nonce added) and answers the signed fields. */
  async function sign<M extends Record<string, string>>(primaryType: CommentAction, message: M) {
    if (!me) throw new Error("Connect a wallet to take part in the discussion.");
    const signed = { author: me, ...message, issuedAt: Math.floor(Date.now() / 1000), nonce: randomNonce() };
    const wallet = await getWalletClient(config);
    const signature = await wallet.signTypedData({
      account: me,
      ...commentTypedData(chain.id, collective),
      primaryType,
      message: { ...signed, issuedAt: BigInt(signed.issuedAt) } as never,
    });
    return { ...signed, signature };
  }

  async function sent(request: Promise<Api.Comment>): Promise<Api.Comment> {
    const comment = await request;
    await Promise.all([
      client.invalidateQueries({ queryKey: ["collective", collective.toLowerCase()] }),
      client.invalidateQueries({ queryKey: ["inbox"] }),
    ]);
    return comment;
  }

  return {
    me,
    /** Posts `body` in the thread, in reply to `parent` if given. */
    post: async (body: string, parent: string = NO_PARENT) => {
      const { kind: _kind, thread: _thread, ...signed } = await sign("Comment", { kind, thread: id, parent, body });
      return sent(sendJson<Api.Comment>("POST", thread, signed));
    },
    edit: async (comment: string, body: string) => {
      const { comment: _comment, ...signed } = await sign("EditComment", { comment, body });
      return sent(sendJson<Api.Comment>("PATCH", `${thread}/${comment}`, signed));
    },
    remove: async (comment: string) => {
      const { comment: _comment, ...signed } = await sign("DeleteComment", { comment });
      return sent(sendJson<Api.Comment>("DELETE", `${thread}/${comment}`, signed));
    },
  };
}

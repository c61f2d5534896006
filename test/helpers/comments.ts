/**
 * Comments signed by a test's wallets and posted through the API, as a member's browser does:
 * the EIP-712 message of `commentTypedData`, signed by the wallet, sent with its signature.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Hex } from "viem";
import { commentTypedData, NO_PARENT, type Comment } from "@rhizome/client/schemas";
import type { Wallet } from "./collective.js";

export const nonce = () => `0x${randomBytes(32).toString("hex")}` as Hex;

/** Posts `body` to the thread as `wallet`, signed; answers the stored comment (or throws the refusal). */
export async function postComment(
  app: FastifyInstance,
  wallet: Wallet,
  thread: { chainId: number; collective: Hex; kind: "proposal" | "work" | "application"; id: string },
  body: string,
  options: { parent?: Hex; issuedAt?: number } = {},
): Promise<Comment> {
  const message = {
    author: wallet.account.address,
    kind: thread.kind,
    thread: thread.id,
    parent: options.parent ?? NO_PARENT,
    body,
    issuedAt: BigInt(options.issuedAt ?? Math.floor(Date.now() / 1000)),
    nonce: nonce(),
  };
  const signature = await wallet.signTypedData({
    ...commentTypedData(thread.chainId, thread.collective),
    primaryType: "Comment",
    message,
  });
  const response = await app.inject({
    method: "POST",
    url: `/api/collectives/${thread.collective}/threads/${thread.kind}/${thread.id}/comments`,
    payload: {
      author: message.author,
      parent: message.parent,
      body,
      issuedAt: Number(message.issuedAt),
      nonce: message.nonce,
      signature,
    },
  });
  if (response.statusCode !== 200) throw new Error(`Refused: ${response.body}`);
  return response.json<Comment>();
}

/** Edits `comment` as `wallet`, signed; answers the edited comment (or throws the refusal). */
export async function editComment(
  app: FastifyInstance,
  wallet: Wallet,
  thread: { chainId: number; collective: Hex; kind: "proposal" | "work" | "application"; id: string },
  comment: Hex,
  body: string,
): Promise<Comment> {
  const message = {
    author: wallet.account.address,
    comment,
    body,
    issuedAt: BigInt(Math.floor(Date.now() / 1000)),
    nonce: nonce(),
  };
  const signature = await wallet.signTypedData({
    ...commentTypedData(thread.chainId, thread.collective),
    primaryType: "EditComment",
    message,
  });
  const response = await app.inject({
    method: "PATCH",
    url: `/api/collectives/${thread.collective}/threads/${thread.kind}/${thread.id}/comments/${comment}`,
    payload: { author: message.author, body, issuedAt: Number(message.issuedAt), nonce: message.nonce, signature },
  });
  if (response.statusCode !== 200) throw new Error(`Refused: ${response.body}`);
  return response.json<Comment>();
}

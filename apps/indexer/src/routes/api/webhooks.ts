/**
 * A member's own webhooks, for their inbox: made and ended by requests they sign with their wallet
 * (EIP-712, `webhookTypedData` in @rhizome/client), checked with viem's verifyTypedData on the
 * chain the service follows, so a contract wallet (ERC-1271) signs as an account does. A request
 * is valid for ten minutes from its `issuedAt` and once: its signature names the webhook it makes.
 * Only a member (shares in any collective) may subscribe, at most five webhooks at once, to a
 * public http(s) address. And any webhook's delivery log, by its id: the id is known to its owner
 * (a member's is only answered to their signed request; an operator's is in their own logs).
 * Answers change without the index moving: never cached by its version.
 */
import { createHash } from "node:crypto";
import type { FastifyPluginAsync } from "fastify";
import { getAddress, type Hex } from "viem";
import {
  getWebhookLog,
  subscribeWebhook,
  unsubscribeWebhook,
  WEBHOOK_REQUEST_TTL_SECONDS,
  webhookTypedData,
  type SubscribeBody,
  type WebhookFormat,
  type WebhookLog,
  type WebhookSubscription,
} from "@rhizome/client/schemas";
import type { IndexerStatus } from "../../indexer.js";
import { NotFoundError } from "../../plugins/http-errors.js";
import { refused, signedRequests } from "./signed.js";
import { MEMBER_WEBHOOKS } from "../../repositories/webhooks.js";
import { assertPublicUrl, WebhookUrlError } from "../../webhooks/guard.js";
import { newSecret } from "../../webhooks/signature.js";

export interface WebhookRoutesOptions {
  status: () => IndexerStatus;
  /** The chain's JSON-RPC, for contract wallets' signatures; accounts' are recovered without it. */
  rpcUrl?: string | undefined;
  /** Let members' webhooks reach private addresses (WEBHOOK_ALLOW_PRIVATE). */
  allowPrivate?: boolean | undefined;
}

const webhooks: FastifyPluginAsync<WebhookRoutesOptions> = async (app, options) => {
  const signed = signedRequests(options.status, options.rpcUrl);
  const offIndex = { offIndex: true };

  /** Refuses unless `signature` is `account`'s over this message, signed in the last ten minutes. */
  const verify = async (
    account: string,
    primaryType: "Subscribe" | "Unsubscribe",
    message: Record<string, unknown>,
    issuedAt: number,
    signature: string,
  ) => {
    const { chainId } = signed.fresh(issuedAt, WEBHOOK_REQUEST_TTL_SECONDS, "request");
    const { domain, types } = webhookTypedData(chainId);
    const typed = {
      address: getAddress(account),
      domain,
      types,
      primaryType,
      message: { ...message, account: getAddress(account), issuedAt: BigInt(issuedAt) },
      signature: signature as Hex,
    } as const;
    const valid = await signed.valid(typed as never);
    if (!valid) throw refused(401, "InvalidSignature", `This request is not signed by ${getAddress(account)}.`);
  };

  app.post<{ Params: { address: string }; Body: SubscribeBody; Reply: { 200: WebhookSubscription } }>(
    "/accounts/:address/webhooks",
    { schema: subscribeWebhook, config: offIndex },
    async (request) => {
      const account = getAddress(request.params.address);
      const { url, format, issuedAt, signature } = request.body;
      await verify(account, "Subscribe", { url, format }, issuedAt, signature);
      const repo = app.repositories.webhooks;
      if (!(await repo.isMember(account))) {
        throw refused(
          403,
          "NotAMember",
          `${account} holds no shares in any collective: only members have an inbox to hear.`,
        );
      }
      if (!options.allowPrivate) {
        try {
          await assertPublicUrl(url);
        } catch (error) {
          if (error instanceof WebhookUrlError) throw refused(403, "PrivateAddress", error.message);
          throw refused(400, "UnreachableUrl", `The URL's host cannot be resolved: ${(error as Error).message}`);
        }
      }
      if ((await repo.activeOf(account)) >= MEMBER_WEBHOOKS) {
        throw refused(409, "TooManyWebhooks", `${account} has ${MEMBER_WEBHOOKS} webhooks already: end one first.`);
      }
      const id = `wh_${createHash("sha256").update(signature.toLowerCase()).digest("hex").slice(0, 32)}`;
      const secret = newSecret();
      const made = await repo.subscribe({
        id,
        account,
        url,
        format: format as WebhookFormat,
        secret,
        signed: { url, format, issuedAt, signature },
      });
      if (!made) throw refused(409, "SignatureUsed", "This signed request was used already: sign a new one.");
      return { id, url, format: format as WebhookFormat, secret };
    },
  );

  app.delete<{
    Params: { address: string; id: string };
    Body: { issuedAt: number; signature: string };
    Reply: { 200: { id: string; active: boolean } };
  }>("/accounts/:address/webhooks/:id", { schema: unsubscribeWebhook, config: offIndex }, async (request) => {
    const account = getAddress(request.params.address);
    const { id } = request.params;
    await verify(account, "Unsubscribe", { id }, request.body.issuedAt, request.body.signature);
    if (!(await app.repositories.webhooks.unsubscribe(account, id))) {
      throw refused(403, "NotYourWebhook", `${account} has no webhook ${id}.`);
    }
    return { id, active: false };
  });

  app.get<{ Params: { id: string }; Reply: { 200: WebhookLog } }>(
    "/webhooks/:id",
    { schema: getWebhookLog, config: offIndex },
    async (request) => {
      const log = await app.repositories.webhooks.log(request.params.id);
      if (!log) throw new NotFoundError(`No webhook has the id ${request.params.id}.`);
      return log;
    },
  );
};

export default webhooks;

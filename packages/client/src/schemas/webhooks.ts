/**
 * Webhooks a member sets up for their own inbox, by a request signed with their wallet (EIP-712:
 * no account, no password), and the delivery log of any webhook, read by its id. The typed data
 * is here so the service and its clients sign and verify the same message.
 */
import {
  address,
  errorBody,
  integer,
  nullableInteger,
  nullableText,
  object,
  routeSchema,
  text,
  type Of,
} from "./common.js";

export const WEBHOOK_FORMATS = ["json", "discord", "slack", "matrix"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** How long a signed webhook request stays valid, from its `issuedAt`. */
export const WEBHOOK_REQUEST_TTL_SECONDS = 600;

/** The EIP-712 domain and types of a member's webhook requests, on the chain the service follows. */
export const webhookTypedData = (chainId: number) =>
  ({
    domain: { name: "Rhizome Webhooks", version: "1", chainId },
    types: {
      Subscribe: [
        { name: "account", type: "address" },
        { name: "url", type: "string" },
        { name: "format", type: "string" },
        { name: "issuedAt", type: "uint64" },
      ],
      Unsubscribe: [
        { name: "account", type: "address" },
        { name: "id", type: "string" },
        { name: "issuedAt", type: "uint64" },
      ],
    },
  }) as const;

const signature = { type: "string", pattern: "^0x[0-9a-fA-F]+$", maxLength: 20_000 } as const;
const issuedAt = {
  ...integer,
  minimum: 0,
  description: "When it was signed, in seconds; valid for ten minutes.",
} as const;

export const webhookParams = object({ id: { type: "string", pattern: "^[A-Za-z0-9_]{1,80}$" } });
export const accountWebhookParams = object({ address });
export const accountWebhookIdParams = object({ address, id: webhookParams.properties.id });

export const subscribeBody = object({
  url: {
    type: "string",
    pattern: "^https?://",
    minLength: 8,
    maxLength: 2_000,
    description: "Where to POST, http(s), on a public address.",
  },
  format: { type: "string", enum: WEBHOOK_FORMATS },
  issuedAt,
  signature,
});
export const unsubscribeBody = object({ issuedAt, signature });

export const webhookSubscription = object({
  id: text,
  url: text,
  format: { type: "string", enum: WEBHOOK_FORMATS },
  /** Only in the answer to the request that made it: the key of the HMAC signatures. */
  secret: text,
});

export const webhookDelivery = object({
  id: integer,
  entry: { ...text, description: "The stable id of what was told." },
  status: { type: "string", enum: ["pending", "delivered", "dead"] },
  attempts: integer,
  lastStatus: nullableInteger,
  lastError: nullableText,
  createdAt: text,
  nextAttemptAt: nullableText,
  deliveredAt: nullableText,
});
export const webhookLog = object({
  id: text,
  format: { type: "string", enum: WEBHOOK_FORMATS },
  active: { type: "boolean" },
  deliveries: { type: "array", items: webhookDelivery },
});

export type SubscribeBody = Of<typeof subscribeBody>;
export type WebhookSubscription = Of<typeof webhookSubscription>;
export type WebhookLog = Of<typeof webhookLog>;

export const subscribeWebhook = routeSchema({
  operationId: "subscribeWebhook",
  tags: ["webhooks"],
  summary: "A webhook for the member's inbox, made by a request they signed; answers its secret once",
  params: accountWebhookParams,
  body: subscribeBody,
  response: {
    200: webhookSubscription,
    401: { description: "The signature is not the account's.", ...errorBody },
    403: { description: "The signer is not a member, or the URL is not a public address.", ...errorBody },
    409: { description: "This signed request was used already, or the member has five webhooks.", ...errorBody },
    503: { description: "The service has not reached its chain yet.", ...errorBody },
  },
});

export const unsubscribeWebhook = routeSchema({
  operationId: "unsubscribeWebhook",
  tags: ["webhooks"],
  summary: "Ends a member's webhook, by a request they signed; its delivery log stays",
  params: accountWebhookIdParams,
  body: unsubscribeBody,
  response: {
    200: object({ id: text, active: { type: "boolean" } }),
    403: { description: "Not the member's webhook.", ...errorBody },
  },
});

export const getWebhookLog = routeSchema({
  operationId: "getWebhookLog",
  tags: ["webhooks"],
  summary: "A webhook's latest deliveries, newest first, by the webhook's id (which only its owner knows)",
  params: webhookParams,
  response: { 200: webhookLog },
});

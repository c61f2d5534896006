/**
 * The relay of signed actions: a member signs a vote, a delegation, an objection or a profile
 * (EIP-712, the typed data of @rhizome/contracts' signed builders) and the service sends it from its
 * relayer's account, paying the gas. Amounts and ids are decimal strings, as everywhere in the API.
 */
import {
  address,
  errorBody,
  integer,
  nullableAmount,
  nullableInteger,
  nullableText,
  object,
  routeSchema,
  text,
  txHash,
  UINT_PATTERN,
  type Of,
} from "./common.js";

export const RELAY_KINDS = ["vote", "delegation", "objection", "profile"] as const;
export type RelayKind = (typeof RELAY_KINDS)[number];
export const RELAY_STATUSES = ["queued", "sent", "mined", "failed"] as const;
export type RelayStatus = (typeof RELAY_STATUSES)[number];

const uint = { type: "string", pattern: UINT_PATTERN, description: "A whole number in decimal digits." } as const;
const words = (maxLength: number) => ({ type: "string", maxLength }) as const;

/** Every field any action's message may carry; which are needed depends on `kind`. */
export const relayMessage = {
  type: "object",
  additionalProperties: false,
  properties: {
    proposalId: uint,
    support: { type: "integer", enum: [0, 1, 2], description: "0 against, 1 for, 2 abstain." },
    voter: address,
    delegatee: address,
    expiry: uint,
    id: { ...uint, description: "The work item objected to." },
    objector: address,
    member: address,
    name: words(256),
    avatar: words(2_048),
    uri: words(2_048),
    reason: words(10_000),
    nonce: uint,
    deadline: uint,
  },
} as const;

export const relayBody = object({
  kind: { type: "string", enum: RELAY_KINDS },
  collective: { ...address, description: "The collective's governor." },
  signer: { ...address, description: "Who signed: the voter, delegator, objector or member." },
  message: relayMessage,
  signature: { type: "string", pattern: "^0x[0-9a-fA-F]{130}$", description: "The 65-byte EIP-712 signature." },
});

export const relay = object({
  id: text,
  kind: { type: "string", enum: RELAY_KINDS },
  collective: address,
  signer: address,
  status: { type: "string", enum: RELAY_STATUSES },
  /** The current transaction, once sent; a replacement changes it. */
  txHash: { ...txHash, type: ["string", "null"] },
  error: { ...nullableText, description: "Why it failed, in words." },
  gasUsed: nullableAmount,
  cost: { ...nullableAmount, description: "What it cost the relayer, in wei." },
  blockNumber: nullableInteger,
  createdAt: text,
  updatedAt: text,
});

export const relayInfo = object({
  enabled: { type: "boolean" },
  relayer: { ...address, type: ["string", "null"], description: "The account that pays the gas." },
  kinds: { type: "array", items: { type: "string", enum: RELAY_KINDS } },
  memberDaily: { ...integer, description: "Relays a member may ask for in 24 hours." },
  collectiveDaily: { ...integer, description: "Relays a collective's members may ask for in 24 hours." },
});

export const relayParams = object({ id: { type: "string", pattern: "^rl_[0-9a-f]{32}$" } });

export type RelayBody = Of<typeof relayBody>;
export type RelayMessage = Of<typeof relayMessage>;
export type Relay = Of<typeof relay>;
export type RelayInfo = Of<typeof relayInfo>;

export const getRelayInfo = routeSchema({
  operationId: "getRelayInfo",
  tags: ["relay"],
  summary: "Whether this service relays signed actions, from which account, and its quotas",
  response: { 200: relayInfo },
});

export const postRelay = routeSchema({
  operationId: "postRelay",
  tags: ["relay"],
  summary: "Relays one signed action (a vote, delegation, objection or profile): checked, then queued",
  body: relayBody,
  response: {
    200: relay,
    401: { description: "The signature is not the signer's over this action.", ...errorBody },
    402: {
      description: "The relayer has too little ETH to pay for it (RelayerOutOfFunds): send it yourself.",
      ...errorBody,
    },
    403: { description: "The signer holds no shares or votes in the collective.", ...errorBody },
    404: { description: "The relay is off, or the collective is unknown.", ...errorBody },
    409: { description: "The nonce is used or not the next, or this signature was relayed already.", ...errorBody },
    422: { description: "The contract would refuse it: the message says why, in words.", ...errorBody },
    429: { description: "A daily quota, or the relayer's gas budget for the day, is reached.", ...errorBody },
    503: { description: "The service has not reached its chain yet.", ...errorBody },
  },
});

export const getRelay = routeSchema({
  operationId: "getRelay",
  tags: ["relay"],
  summary: "A relayed action's status: queued, sent, mined, or failed with the reason in words",
  params: relayParams,
  response: { 200: relay },
});

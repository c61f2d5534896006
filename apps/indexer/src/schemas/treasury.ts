/** A collective's treasury: balances per asset, flows in and out, and ragequits. */
import {
  address,
  amount,
  collectiveParams,
  integer,
  page,
  pageQueryProperties,
  routeSchema,
  timestamp,
  txHash,
  type Page,
  type PageQuery,
} from "./common.js";

export const balance = {
  type: "object",
  required: ["token", "balance", "updatedBlock", "reported", "spam"],
  properties: {
    token: { ...address, description: "The asset; the zero address is ETH." },
    balance: amount,
    updatedBlock: integer,
    reported: {
      type: "boolean",
      description:
        "The treasury itself stated this balance (it has paid or paid out an exit in the asset, or received ETH). Otherwise the balance is the sum of the token's Transfer events into the treasury, which any contract can emit.",
    },
    spam: {
      type: "boolean",
      description:
        "The token's Transfer events into the treasury claim more than any token can hold: it is spam, and an exit leaves it out by default.",
    },
  },
} as const;

export interface Balance {
  token: string;
  balance: string;
  updatedBlock: number;
  reported: boolean;
  spam: boolean;
}

export interface BalancesQuery extends PageQuery {
  /** Only the assets marked as spam (true) or not (false); both when absent. */
  spam?: boolean;
}

export const FLOW_KINDS = ["deposit", "payment", "ragequit"] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export const flow = {
  type: "object",
  required: ["kind", "token", "counterparty", "amount", "blockNumber", "logIndex", "timestamp", "txHash"],
  properties: {
    kind: { type: "string", enum: FLOW_KINDS },
    token: address,
    counterparty: { ...address, description: "Who sent or received it." },
    amount: { ...amount, description: "Positive into the treasury, negative out of it." },
    blockNumber: integer,
    logIndex: integer,
    timestamp,
    txHash,
  },
} as const;

export interface Flow {
  kind: FlowKind;
  token: string;
  counterparty: string;
  amount: string;
  blockNumber: number;
  logIndex: number;
  timestamp: number;
  txHash: string;
}

export const ragequit = {
  type: "object",
  required: [
    "member",
    "shares",
    "supply",
    "ethAmount",
    "tokens",
    "paidTo",
    "networkExits",
    "blockNumber",
    "timestamp",
    "txHash",
  ],
  properties: {
    member: address,
    shares: { ...amount, description: "Shares burnt." },
    supply: { ...amount, description: "The supply before the exit." },
    ethAmount: { ...amount, description: "Wei paid out." },
    tokens: {
      type: "array",
      items: { type: "object", required: ["token", "amount"], properties: { token: address, amount } },
    },
    paidTo: {
      type: ["string", "null"],
      description: "Who was paid, when not the member (a member that cannot take ETH names another address).",
    },
    networkExits: {
      type: "array",
      description:
        "The other collectives the exit passed through: the shares this collective's timelock left each with (the member's fraction, paid to them by that collective), of those it held.",
      items: {
        type: "object",
        required: ["treasury", "shares", "held"],
        properties: { treasury: address, shares: amount, held: amount },
      },
    },
    blockNumber: integer,
    timestamp,
    txHash,
  },
} as const;

export interface Ragequit {
  member: string;
  shares: string;
  supply: string;
  ethAmount: string;
  tokens: { token: string; amount: string }[];
  paidTo: string | null;
  networkExits: { treasury: string; shares: string; held: string }[];
  blockNumber: number;
  timestamp: number;
  txHash: string;
}

export const treasury = {
  type: "object",
  required: ["address", "eth", "balances", "flows", "ragequits"],
  properties: {
    address: { ...address, description: "The treasury module." },
    eth: { ...amount, description: "The ETH balance, in wei." },
    balances: {
      ...page(balance),
      description:
        "The assets held that are not marked as spam, ETH (the zero address) first; `/balances?spam=true` lists the others.",
    },
    flows: { ...page(flow), description: "Movements of funds, newest first." },
    ragequits: { ...page(ragequit), description: "Exits, newest first." },
  },
} as const;

export interface Treasury {
  address: string;
  eth: string;
  balances: Page<Balance>;
  flows: Page<Flow>;
  ragequits: Page<Ragequit>;
}

export const getTreasury = routeSchema({
  operationId: "getTreasury",
  tags: ["treasury"],
  summary: "A collective's treasury: balances, the latest flows and ragequits",
  params: collectiveParams,
  response: { 200: treasury },
});

const pageQuery = { type: "object", properties: pageQueryProperties } as const;

export const listBalances = routeSchema({
  operationId: "listBalances",
  tags: ["treasury"],
  summary: "Every asset a treasury holds, ETH (the zero address) first; only spam or none with `spam`",
  params: collectiveParams,
  querystring: {
    type: "object",
    properties: {
      spam: { type: "boolean", description: "Only assets marked as spam (true), or only the others (false)." },
      ...pageQueryProperties,
    },
  },
  response: { 200: page(balance) },
});

export interface FlowsQuery extends PageQuery {
  kind?: FlowKind;
}

export const listFlows = routeSchema({
  operationId: "listFlows",
  tags: ["treasury"],
  summary: "Movements of a treasury's funds, newest first, by kind",
  params: collectiveParams,
  querystring: {
    type: "object",
    properties: { kind: { type: "string", enum: FLOW_KINDS }, ...pageQueryProperties },
  },
  response: { 200: page(flow) },
});

export const listRagequits = routeSchema({
  operationId: "listRagequits",
  tags: ["treasury"],
  summary: "Members who left with their part of the treasury, newest first",
  params: collectiveParams,
  querystring: pageQuery,
  response: { 200: page(ragequit) },
});

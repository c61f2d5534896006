/** A collective's treasury: balances per asset, flows in and out, and ragequits. */
import {
  address,
  amount,
  collectiveParams,
  integer,
  object,
  page,
  pageQuery,
  pageQueryProperties,
  query,
  routeSchema,
  timestamp,
  txHash,
  type Of,
} from "./common.js";

export const balance = object({
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
});

export type Balance = Of<typeof balance>;

export const balancesQuery = query({
  spam: { type: "boolean", description: "Only assets marked as spam (true), or only the others (false)." },
  ...pageQueryProperties,
});

export type BalancesQuery = Of<typeof balancesQuery>;

export const FLOW_KINDS = ["deposit", "payment", "ragequit"] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export const flow = object({
  kind: { type: "string", enum: FLOW_KINDS },
  token: address,
  counterparty: { ...address, description: "Who sent or received it." },
  amount: { ...amount, description: "Positive into the treasury, negative out of it." },
  blockNumber: integer,
  logIndex: integer,
  timestamp,
  txHash,
});

export type Flow = Of<typeof flow>;

export const ragequit = object({
  member: address,
  shares: { ...amount, description: "Shares burnt." },
  supply: { ...amount, description: "The supply before the exit." },
  ethAmount: { ...amount, description: "Wei paid out." },
  tokens: {
    type: "array",
    items: object({ token: address, amount }),
  },
  paidTo: {
    type: ["string", "null"],
    description: "Who was paid, when not the member (a member that cannot take ETH names another address).",
  },
  networkExits: {
    type: "array",
    description:
      "The other collectives the exit passed through: the shares this collective's timelock left each with (the member's fraction, paid to them by that collective), of those it held.",
    items: object({ treasury: address, shares: amount, held: amount }),
  },
  blockNumber: integer,
  timestamp,
  txHash,
});

export type Ragequit = Of<typeof ragequit>;

export const treasury = object({
  address: { ...address, description: "The treasury module." },
  eth: { ...amount, description: "The ETH balance, in wei." },
  balances: {
    ...page(balance),
    description:
      "The assets held that are not marked as spam, ETH (the zero address) first; `/balances?spam=true` lists the others.",
  },
  flows: { ...page(flow), description: "Movements of funds, newest first." },
  ragequits: { ...page(ragequit), description: "Exits, newest first." },
});

export type Treasury = Of<typeof treasury>;

export const getTreasury = routeSchema({
  operationId: "getTreasury",
  tags: ["treasury"],
  summary: "A collective's treasury: balances, the latest flows and ragequits",
  params: collectiveParams,
  response: { 200: treasury },
});

export const listBalances = routeSchema({
  operationId: "listBalances",
  tags: ["treasury"],
  summary: "Every asset a treasury holds, ETH (the zero address) first; only spam or none with `spam`",
  params: collectiveParams,
  querystring: balancesQuery,
  response: { 200: page(balance) },
});

export const flowsQuery = query({ kind: { type: "string", enum: FLOW_KINDS }, ...pageQueryProperties });

export type FlowsQuery = Of<typeof flowsQuery>;

export const listFlows = routeSchema({
  operationId: "listFlows",
  tags: ["treasury"],
  summary: "Movements of a treasury's funds, newest first, by kind",
  params: collectiveParams,
  querystring: flowsQuery,
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

/** How a collective's ownership is spread, now and over time. */
import {
  address,
  amount,
  collectiveParams,
  integer,
  nullableAddress,
  nullableInteger,
  nullableTimestamp,
  page,
  pageQueryProperties,
  ratio,
  routeSchema,
  timestamp,
  type Page,
} from "./common.js";

export const holder = {
  type: "object",
  required: ["account", "shares", "share", "memberCollective"],
  properties: {
    account: address,
    shares: amount,
    share: { ...ratio, description: "Its shares over the total." },
    memberCollective: nullableAddress,
  },
} as const;

export interface Holder {
  account: string;
  shares: string;
  share: number;
  memberCollective: string | null;
}

const concentrationProperties = {
  totalShares: amount,
  holders: integer,
  topHoldersShare: { ...ratio, description: "Share of the supply held by the largest 10% of holders (at least one)." },
  gini: { ...ratio, description: "0 when everyone holds the same, towards 1 when one holds everything." },
  nakamoto: { ...integer, description: "The fewest holders that together hold more than half of the supply." },
} as const;

export const concentrationNow = {
  type: "object",
  required: [...Object.keys(concentrationProperties), "blockNumber", "timestamp"],
  properties: {
    ...concentrationProperties,
    blockNumber: { ...nullableInteger, description: "The last block that moved shares." },
    timestamp: nullableTimestamp,
  },
} as const;

export interface Concentration {
  totalShares: string;
  holders: number;
  topHoldersShare: number;
  gini: number;
  nakamoto: number;
}

export interface ConcentrationNow extends Concentration {
  blockNumber: number | null;
  timestamp: number | null;
}

export const concentrationPoint = {
  type: "object",
  required: [...Object.keys(concentrationProperties), "blockNumber", "timestamp"],
  properties: { ...concentrationProperties, blockNumber: integer, timestamp },
} as const;

export interface ConcentrationPoint extends Concentration {
  blockNumber: number;
  timestamp: number;
}

export const ownership = {
  type: "object",
  required: ["now", "holders", "history"],
  properties: {
    now: concentrationNow,
    holders: { ...page(holder), description: "Holders, most shares first." },
    history: {
      ...page(concentrationPoint),
      description: "Concentration after each block that moved shares, oldest first.",
    },
  },
} as const;

export interface Ownership {
  now: ConcentrationNow;
  holders: Page<Holder>;
  history: Page<ConcentrationPoint>;
}

export const getOwnership = routeSchema({
  operationId: "getOwnership",
  tags: ["ownership"],
  summary: "Who holds a collective, how concentrated it is (top holders' share, Gini, Nakamoto) and how that changed",
  params: collectiveParams,
  response: { 200: ownership },
});

const pageQuery = { type: "object", properties: pageQueryProperties } as const;

export const listHolders = routeSchema({
  operationId: "listHolders",
  tags: ["ownership"],
  summary: "A collective's holders, most shares first",
  params: collectiveParams,
  querystring: pageQuery,
  response: { 200: page(holder) },
});

export const listOwnershipHistory = routeSchema({
  operationId: "listOwnershipHistory",
  tags: ["ownership"],
  summary: "A collective's concentration after each block that moved shares, oldest first",
  params: collectiveParams,
  querystring: pageQuery,
  response: { 200: page(concentrationPoint) },
});

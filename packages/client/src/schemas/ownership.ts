/** How a collective's ownership is spread, now and over time. */
import {
  address,
  amount,
  collectiveParams,
  integer,
  nullableAddress,
  nullableInteger,
  nullableTimestamp,
  object,
  page,
  pageQuery,
  ratio,
  routeSchema,
  timestamp,
  type Of,
} from "./common.js";

export const holder = object({
  account: address,
  shares: amount,
  share: { ...ratio, description: "Its shares over the total." },
  memberCollective: nullableAddress,
});

export type Holder = Of<typeof holder>;

const concentrationProperties = {
  totalShares: amount,
  holders: integer,
  topHoldersShare: { ...ratio, description: "Share of the supply held by the largest 10% of holders (at least one)." },
  gini: { ...ratio, description: "0 when everyone holds the same, towards 1 when one holds everything." },
  nakamoto: { ...integer, description: "The fewest holders that together hold more than half of the supply." },
} as const;

export const concentrationNow = object({
  ...concentrationProperties,
  blockNumber: { ...nullableInteger, description: "The last block that moved shares." },
  timestamp: nullableTimestamp,
});

export type ConcentrationNow = Of<typeof concentrationNow>;

export const concentrationPoint = object({ ...concentrationProperties, blockNumber: integer, timestamp });

export type ConcentrationPoint = Of<typeof concentrationPoint>;

export const ownership = object({
  now: concentrationNow,
  holders: { ...page(holder), description: "Holders, most shares first." },
  history: {
    ...page(concentrationPoint),
    description: "Concentration after each block that moved shares, oldest first.",
  },
});

export type Ownership = Of<typeof ownership>;

export const getOwnership = routeSchema({
  operationId: "getOwnership",
  tags: ["ownership"],
  summary: "Who holds a collective, how concentrated it is (top holders' share, Gini, Nakamoto) and how that changed",
  params: collectiveParams,
  response: { 200: ownership },
});

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

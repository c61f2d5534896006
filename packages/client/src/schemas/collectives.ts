/** Collectives: the list, one collective with its settings and key numbers, and the network. */
import { COUNTING_RULES } from "@rhizome/contracts";
import {
  address,
  amount,
  collectiveParams,
  integer,
  object,
  page,
  pageQueryProperties,
  query,
  routeSchema,
  text,
  timestamp,
  txHash,
  type Of,
} from "./common.js";

export const principle = object({ index: integer, name: text });

export type Principle = Of<typeof principle>;

export const collectiveSummary = object({
  address: { ...address, description: "The governor's address: the collective's identity." },
  name: text,
  symbol: text,
  creator: address,
  principles: { type: "array", items: principle },
  memberCount: integer,
  totalShares: amount,
  proposalCount: integer,
  workCount: integer,
  createdBlock: integer,
  createdAt: timestamp,
});

export type CollectiveSummary = Of<typeof collectiveSummary>;

export const COLLECTIVE_SORTS = ["size", "newest"] as const;
export type CollectiveSort = (typeof COLLECTIVE_SORTS)[number];

export const collectivesQuery = query({
  q: { type: "string", minLength: 1, maxLength: 100, description: "Part of the name, any case." },
  sort: {
    type: "string",
    enum: COLLECTIVE_SORTS,
    default: "size",
    description: "size: most members first; newest: latest created first.",
  },
  ...pageQueryProperties,
});

export type CollectivesQuery = Of<typeof collectivesQuery>;

export const listCollectives = routeSchema({
  operationId: "listCollectives",
  tags: ["collectives"],
  summary: "Collectives, searched by name, biggest or newest first",
  querystring: collectivesQuery,
  response: { 200: page(collectiveSummary) },
});

export const settings = object({
  votingDelay: { ...integer, description: "Seconds from a proposal to the start of its vote." },
  votingPeriod: { ...integer, description: "Seconds a vote lasts." },
  executionWindow: { ...integer, description: "Seconds a passed proposal has to be queued, then executed." },
  timelockDelay: { ...integer, description: "Seconds between queueing and execution." },
  proposalThreshold: { ...amount, description: "Votes needed to propose." },
  quorumPercent: { ...integer, description: "Percentage of the supply that must vote for or abstain." },
  reviewWindow: { ...integer, description: "Seconds delivered work can be objected to." },
  objectionThreshold: { ...integer, description: "Percentage of shares whose objections dispute work." },
  vetoPercent: {
    ...integer,
    description:
      "Percentage of the supply at a proposal's snapshot (of the members, under one member, one vote) whose objections while it is queued cancel it.",
  },
  countingRule: {
    type: "string",
    enum: COUNTING_RULES,
    description:
      "How votes count for proposals from now on: `shares`, `members` (one member, one vote; a delegate casts one for each member whose votes it holds) or `both` (two houses: a proposal must pass by shares and by members, each with its quorum).",
  },
});

export type CollectiveSettings = Of<typeof settings>;

const modules = object({ governor: address, shares: address, timelock: address, treasury: address, work: address });

export const stats = object({
  members: { ...integer, description: "Accounts holding shares." },
  totalShares: amount,
  treasuryEth: { ...amount, description: "The treasury's ETH, in wei." },
  proposals: integer,
  openProposals: { ...integer, description: "Proposals pending, active, succeeded or queued." },
  work: integer,
  openWork: { ...integer, description: "Work items commissioned, delivered or disputed." },
});

export type CollectiveStats = Of<typeof stats>;

export const collectiveDetail = object({
  address,
  name: text,
  symbol: text,
  creator: address,
  factoryId: amount,
  principles: { type: "array", items: principle },
  settings,
  modules,
  stats,
  createdBlock: integer,
  createdAt: timestamp,
  txHash,
});

export type CollectiveDetail = Of<typeof collectiveDetail>;

export const getCollective = routeSchema({
  operationId: "getCollective",
  tags: ["collectives"],
  summary: "One collective: settings, modules, principles and key numbers",
  params: collectiveParams,
  response: { 200: collectiveDetail },
});

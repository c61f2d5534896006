/** Collectives: the list, one collective with its settings and key numbers, and the network. */
import { COUNTING_RULES, type CountingRule } from "@rhizome/contracts";
import {
  address,
  amount,
  collectiveParams,
  integer,
  page,
  pageQueryProperties,
  routeSchema,
  text,
  timestamp,
  txHash,
  type PageQuery,
} from "./common.js";

export const principle = {
  type: "object",
  required: ["index", "name"],
  properties: { index: integer, name: text },
} as const;

export interface Principle {
  index: number;
  name: string;
}

const summaryProperties = {
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
} as const;

export const collectiveSummary = {
  type: "object",
  required: Object.keys(summaryProperties),
  properties: summaryProperties,
} as const;

export interface CollectiveSummary {
  address: string;
  name: string;
  symbol: string;
  creator: string;
  principles: Principle[];
  memberCount: number;
  totalShares: string;
  proposalCount: number;
  workCount: number;
  createdBlock: number;
  createdAt: number;
}

export const COLLECTIVE_SORTS = ["size", "newest"] as const;
export type CollectiveSort = (typeof COLLECTIVE_SORTS)[number];

export interface CollectivesQuery extends PageQuery {
  q?: string;
  sort: CollectiveSort;
}

export const listCollectives = routeSchema({
  operationId: "listCollectives",
  tags: ["collectives"],
  summary: "Collectives, searched by name, biggest or newest first",
  querystring: {
    type: "object",
    properties: {
      q: { type: "string", minLength: 1, maxLength: 100, description: "Part of the name, any case." },
      sort: {
        type: "string",
        enum: COLLECTIVE_SORTS,
        default: "size",
        description: "size: most members first; newest: latest created first.",
      },
      ...pageQueryProperties,
    },
  },
  response: { 200: page(collectiveSummary) },
});

const settings = {
  type: "object",
  required: [
    "votingDelay",
    "votingPeriod",
    "executionWindow",
    "timelockDelay",
    "proposalThreshold",
    "quorumPercent",
    "reviewWindow",
    "objectionThreshold",
    "vetoPercent",
    "countingRule",
  ],
  properties: {
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
  },
} as const;

export interface CollectiveSettings {
  votingDelay: number;
  votingPeriod: number;
  executionWindow: number;
  timelockDelay: number;
  proposalThreshold: string;
  quorumPercent: number;
  reviewWindow: number;
  objectionThreshold: number;
  vetoPercent: number;
  countingRule: CountingRule;
}

const modules = {
  type: "object",
  required: ["governor", "shares", "timelock", "treasury", "work"],
  properties: { governor: address, shares: address, timelock: address, treasury: address, work: address },
} as const;

const stats = {
  type: "object",
  required: ["members", "totalShares", "treasuryEth", "proposals", "openProposals", "work", "openWork"],
  properties: {
    members: { ...integer, description: "Accounts holding shares." },
    totalShares: amount,
    treasuryEth: { ...amount, description: "The treasury's ETH, in wei." },
    proposals: integer,
    openProposals: { ...integer, description: "Proposals pending, active, succeeded or queued." },
    work: integer,
    openWork: { ...integer, description: "Work items commissioned, delivered or disputed." },
  },
} as const;

export interface CollectiveStats {
  members: number;
  totalShares: string;
  treasuryEth: string;
  proposals: number;
  openProposals: number;
  work: number;
  openWork: number;
}

const detailProperties = {
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
} as const;

export const collectiveDetail = {
  type: "object",
  required: Object.keys(detailProperties),
  properties: detailProperties,
} as const;

export interface CollectiveDetail {
  address: string;
  name: string;
  symbol: string;
  creator: string;
  factoryId: string;
  principles: Principle[];
  settings: CollectiveSettings;
  modules: { governor: string; shares: string; timelock: string; treasury: string; work: string };
  stats: CollectiveStats;
  createdBlock: number;
  createdAt: number;
  txHash: string;
}

export const getCollective = routeSchema({
  operationId: "getCollective",
  tags: ["collectives"],
  summary: "One collective: settings, modules, principles and key numbers",
  params: collectiveParams,
  response: { 200: collectiveDetail },
});

/** Members of a collective, and one member with their shares history, votes, work and delegations. */
import {
  address,
  amount,
  collectiveParams,
  integer,
  nullableAddress,
  nullableText,
  nullableTimestamp,
  page,
  pageQueryProperties,
  ratio,
  routeSchema,
  text,
  timestamp,
  txHash,
  type Page,
  type PageQuery,
} from "./common.js";
import { workItem, type WorkItem } from "./work.js";

const memberProperties = {
  account: address,
  shares: amount,
  shareOfSupply: { ...ratio, description: "The member's shares over the collective's total." },
  votingPower: { ...amount, description: "Votes delegated to this account, its own included." },
  delegate: { ...nullableAddress, description: "Whom this account's shares vote through." },
  joinedAt: { ...nullableTimestamp, description: "When it first received shares." },
  leftAt: { ...nullableTimestamp, description: "When its shares fell to zero, if they are zero now." },
  profileUri: nullableText,
  memberCollective: {
    ...nullableAddress,
    description: "When the member is another collective's timelock: that collective.",
  },
} as const;

export const member = {
  type: "object",
  required: Object.keys(memberProperties),
  properties: memberProperties,
} as const;

export interface Member {
  account: string;
  shares: string;
  shareOfSupply: number;
  votingPower: string;
  delegate: string | null;
  joinedAt: number | null;
  leftAt: number | null;
  profileUri: string | null;
  memberCollective: string | null;
}

export interface MembersQuery extends PageQuery {
  active?: boolean;
}

export const listMembers = routeSchema({
  operationId: "listMembers",
  tags: ["members"],
  summary: "A collective's members, most shares first",
  params: collectiveParams,
  querystring: {
    type: "object",
    properties: {
      active: {
        type: "boolean",
        description: "true: holders of shares only; false: accounts without shares now (former members, delegates).",
      },
      ...pageQueryProperties,
    },
  },
  response: { 200: page(member) },
});

export const memberParams = {
  type: "object",
  required: ["address", "account"],
  properties: { ...collectiveParams.properties, account: { ...address, description: "The member's address." } },
} as const;

export interface MemberParams {
  address: string;
  account: string;
}

export const shareEvent = {
  type: "object",
  required: ["blockNumber", "logIndex", "delta", "balance", "supply", "timestamp", "txHash"],
  properties: {
    blockNumber: integer,
    logIndex: integer,
    delta: { ...amount, description: "Positive for a mint, negative for a burn." },
    balance: { ...amount, description: "The member's shares after it." },
    supply: { ...amount, description: "The collective's total shares after it." },
    timestamp,
    txHash,
  },
} as const;

export interface ShareEvent {
  blockNumber: number;
  logIndex: number;
  delta: string;
  balance: string;
  supply: string;
  timestamp: number;
  txHash: string;
}

export const SUPPORT = ["against", "for", "abstain"] as const;
export type Support = (typeof SUPPORT)[number];

export const memberVote = {
  type: "object",
  required: ["proposalId", "description", "support", "weight", "reason", "blockNumber", "timestamp", "txHash"],
  properties: {
    proposalId: amount,
    description: text,
    support: { type: "string", enum: SUPPORT },
    weight: amount,
    reason: text,
    blockNumber: integer,
    timestamp,
    txHash,
  },
} as const;

export interface MemberVote {
  proposalId: string;
  description: string;
  support: Support;
  weight: string;
  reason: string;
  blockNumber: number;
  timestamp: number;
  txHash: string;
}

export const delegation = {
  type: "object",
  required: ["delegator", "fromDelegate", "toDelegate", "blockNumber", "timestamp"],
  properties: {
    delegator: address,
    fromDelegate: address,
    toDelegate: address,
    blockNumber: integer,
    timestamp,
  },
} as const;

export interface Delegation {
  delegator: string;
  fromDelegate: string;
  toDelegate: string;
  blockNumber: number;
  timestamp: number;
}

export const memberDetail = {
  type: "object",
  required: [...member.required, "shareHistory", "votes", "work", "delegations"],
  properties: {
    ...memberProperties,
    shareHistory: { ...page(shareEvent), description: "Mints and burns, oldest first." },
    votes: { ...page(memberVote), description: "Votes cast, newest first." },
    work: { ...page(workItem), description: "Work items where this member is the contributor, newest first." },
    delegations: {
      ...page(delegation),
      description: "Changes of delegate by this member or to this member, newest first.",
    },
  },
} as const;

export interface MemberDetail extends Member {
  shareHistory: Page<ShareEvent>;
  votes: Page<MemberVote>;
  work: Page<WorkItem>;
  delegations: Page<Delegation>;
}

export const getMember = routeSchema({
  operationId: "getMember",
  tags: ["members"],
  summary: "One member, with the first page of their shares history, votes, work and delegations",
  params: memberParams,
  response: { 200: memberDetail },
});

const memberList = <T extends object>(operationId: string, summary: string, item: T) =>
  routeSchema({
    operationId,
    tags: ["members"],
    summary,
    params: memberParams,
    querystring: { type: "object", properties: pageQueryProperties },
    response: { 200: page(item) },
  });

export const listShareHistory = memberList("listShareHistory", "A member's mints and burns, oldest first", shareEvent);
export const listMemberVotes = memberList("listMemberVotes", "A member's votes, newest first", memberVote);
export const listMemberWork = memberList(
  "listMemberWork",
  "Work items a member is the contributor of, newest first",
  workItem,
);
export const listMemberDelegations = memberList(
  "listMemberDelegations",
  "Changes of delegate by or to a member, newest first",
  delegation,
);

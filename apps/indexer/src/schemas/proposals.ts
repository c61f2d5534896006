/** Proposals of a collective: the list by state and kind, one proposal with tally, votes and timeline. */
import { COUNTING_RULES, type CountingRule } from "@rhizome/contracts";
import {
  address,
  amount,
  collectiveParams,
  integer,
  nullableAmount,
  nullableText,
  nullableTimestamp,
  page,
  pageQueryProperties,
  routeSchema,
  text,
  timestamp,
  txHash,
  UINT_PATTERN,
  type Page,
  type PageQuery,
} from "./common.js";
import { SUPPORT, type Support } from "./members.js";

/** The governor's states, computed from what the chain recorded and the indexed head's time. */
export const PROPOSAL_STATES = [
  "pending",
  "active",
  "canceled",
  "defeated",
  "succeeded",
  "queued",
  "expired",
  "executed",
  "failed",
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_KINDS = ["admission", "grant", "work", "payment", "parameter", "other"] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

const proposalProperties = {
  proposalId: amount,
  proposer: address,
  description: text,
  kind: { type: "string", enum: PROPOSAL_KINDS },
  state: { type: "string", enum: PROPOSAL_STATES },
  forVotes: amount,
  againstVotes: amount,
  abstainVotes: amount,
  voteCount: integer,
  quorum: { ...nullableAmount, description: "Votes for or abstaining needed; null until the snapshot passes." },
  countingRule: {
    type: "string",
    enum: COUNTING_RULES,
    description:
      "How its votes count, the collective's rule at its snapshot: `shares`; `members`, one vote per member (the tallies, quorum and objections count members); or `both`, two houses (the tallies are the shares', `memberHouse` the members').",
  },
  memberHouse: {
    type: ["object", "null"],
    description: "Under two houses, the members' house, which must pass too; null under any other rule.",
    required: ["forVotes", "againstVotes", "abstainVotes", "quorum"],
    properties: {
      forVotes: amount,
      againstVotes: amount,
      abstainVotes: amount,
      quorum: { ...nullableAmount, description: "Members who must vote for or abstain; null until the first vote." },
    },
  },
  snapshot: { ...timestamp, description: "Voting power is counted at this time; voting opens after it." },
  deadline: { ...timestamp, description: "Voting closes at the end of this second." },
  eta: { ...nullableTimestamp, description: "When a queued proposal can be executed." },
  createdAt: timestamp,
  createdBlock: integer,
  queuedAt: nullableTimestamp,
  executedAt: { ...nullableTimestamp, description: "When it was executed, or its execution failed." },
  canceledAt: nullableTimestamp,
  executionWindow: {
    ...integer,
    description:
      "Seconds it has to be queued after its vote, then executed after its eta: the collective's window when its vote ended, which later changes do not alter.",
  },
  failureReason: {
    type: ["string", "null"],
    description: "For a failed proposal, the revert data of its calls (hex); the state is `failed`.",
  },
  vetoVotes: { ...amount, description: "Members' objections while it waited in the timelock, in votes." },
  vetoed: {
    type: "boolean",
    description: "Whether the objections reached the veto quorum and cancelled it (its state is then `canceled`).",
  },
  txHash,
} as const;

export const proposal = {
  type: "object",
  required: Object.keys(proposalProperties),
  properties: proposalProperties,
} as const;

export interface Proposal {
  proposalId: string;
  proposer: string;
  description: string;
  kind: ProposalKind;
  state: ProposalState;
  forVotes: string;
  againstVotes: string;
  abstainVotes: string;
  voteCount: number;
  quorum: string | null;
  countingRule: CountingRule;
  memberHouse: MemberHouse | null;
  snapshot: number;
  deadline: number;
  eta: number | null;
  createdAt: number;
  createdBlock: number;
  queuedAt: number | null;
  executedAt: number | null;
  canceledAt: number | null;
  executionWindow: number;
  failureReason: string | null;
  vetoVotes: string;
  vetoed: boolean;
  txHash: string;
}

/** Under two houses, the members' tallies and quorum. */
export interface MemberHouse {
  forVotes: string;
  againstVotes: string;
  abstainVotes: string;
  quorum: string | null;
}

export interface ProposalsQuery extends PageQuery {
  state?: ProposalState;
  kind?: ProposalKind;
  proposer?: string;
}

export const listProposals = routeSchema({
  operationId: "listProposals",
  tags: ["proposals"],
  summary: "A collective's proposals, newest first, by state, kind and proposer",
  params: collectiveParams,
  querystring: {
    type: "object",
    properties: {
      state: { type: "string", enum: PROPOSAL_STATES },
      kind: { type: "string", enum: PROPOSAL_KINDS },
      proposer: address,
      ...pageQueryProperties,
    },
  },
  response: { 200: page(proposal) },
});

export const proposalParams = {
  type: "object",
  required: ["address", "proposalId"],
  properties: {
    ...collectiveParams.properties,
    proposalId: { type: "string", pattern: UINT_PATTERN, description: "The proposal id, in decimal." },
  },
} as const;

export interface ProposalParams {
  address: string;
  proposalId: string;
}

export const vote = {
  type: "object",
  required: ["voter", "support", "weight", "memberWeight", "reason", "blockNumber", "timestamp", "txHash"],
  properties: {
    voter: address,
    support: { type: "string", enum: SUPPORT },
    weight: {
      ...amount,
      description: "In the proposal's counting rule: shares, or members under one member, one vote.",
    },
    memberWeight: { ...nullableAmount, description: "Under two houses, its weight in the members' house; else null." },
    reason: text,
    blockNumber: integer,
    timestamp,
    txHash,
  },
} as const;

export interface Vote {
  voter: string;
  support: Support;
  weight: string;
  memberWeight: string | null;
  reason: string;
  blockNumber: number;
  timestamp: number;
  txHash: string;
}

export const action = {
  type: "object",
  required: ["target", "value", "calldata", "function", "args", "summary"],
  properties: {
    target: address,
    value: { ...amount, description: "Wei sent with the call." },
    calldata: text,
    function: { ...nullableText, description: "The function called, when the target is a module." },
    args: {
      type: ["object", "null"],
      additionalProperties: { type: "string" },
      description: "The decoded arguments by name.",
    },
    summary: { ...text, description: "The action in plain words." },
  },
} as const;

export interface Action {
  target: string;
  value: string;
  calldata: string;
  function: string | null;
  args: Record<string, string> | null;
  summary: string;
}

export const TIMELINE_EVENTS = [
  "created",
  "votingStarts",
  "votingEnds",
  "queued",
  "eta",
  "executed",
  "failed",
  "canceled",
  "vetoed",
  "expired",
] as const;
export type TimelineEvent = (typeof TIMELINE_EVENTS)[number];

export const timelineEntry = {
  type: "object",
  required: ["event", "timestamp", "past"],
  properties: {
    event: { type: "string", enum: TIMELINE_EVENTS },
    timestamp,
    past: { type: "boolean", description: "Whether it is at or before `now`." },
  },
} as const;

export interface TimelineEntry {
  event: TimelineEvent;
  timestamp: number;
  past: boolean;
}

/** A member's objection to a queued proposal. */
export const veto = {
  type: "object",
  required: ["voter", "weight", "reason", "blockNumber", "timestamp", "txHash"],
  properties: { voter: address, weight: amount, reason: text, blockNumber: integer, timestamp, txHash },
} as const;

export interface Veto {
  voter: string;
  weight: string;
  reason: string;
  blockNumber: number;
  timestamp: number;
  txHash: string;
}

export const proposalDetail = {
  type: "object",
  required: [
    ...proposal.required,
    "quorumProgress",
    "quorumReached",
    "actions",
    "votes",
    "timeline",
    "now",
    "vetoQuorum",
    "vetoes",
  ],
  properties: {
    ...proposalProperties,
    quorumProgress: {
      type: ["number", "null"],
      description: "(for + abstain) / quorum: 1 or more once the quorum is reached.",
    },
    quorumReached: { type: ["boolean", "null"] },
    actions: { type: "array", items: action },
    votes: { ...page(vote), description: "The votes, newest first." },
    timeline: { type: "array", items: timelineEntry },
    now: { ...timestamp, description: "The time the state is computed at: the indexed head's timestamp." },
    vetoQuorum: {
      ...nullableAmount,
      description:
        "Objections that cancel it while queued: the collective's veto threshold of the supply at its snapshot, rounded up; null for a proposal that was never queued.",
    },
    vetoes: { type: "array", items: veto, description: "Members' objections during the grace period, newest first." },
  },
} as const;

export interface ProposalDetail extends Proposal {
  quorumProgress: number | null;
  quorumReached: boolean | null;
  actions: Action[];
  votes: Page<Vote>;
  timeline: TimelineEntry[];
  now: number;
  vetoQuorum: string | null;
  vetoes: Veto[];
}

export const getProposal = routeSchema({
  operationId: "getProposal",
  tags: ["proposals"],
  summary: "One proposal: tally, quorum progress, state, votes, decoded actions and timeline",
  params: proposalParams,
  response: { 200: proposalDetail },
});

export const listVotes = routeSchema({
  operationId: "listVotes",
  tags: ["proposals"],
  summary: "The votes on a proposal, newest first",
  params: proposalParams,
  querystring: { type: "object", properties: pageQueryProperties },
  response: { 200: page(vote) },
});

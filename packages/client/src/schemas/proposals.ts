/** Proposals of a collective: the list by state and kind, one proposal with tally, votes and timeline. */
import { COUNTING_RULES, PROPOSAL_KINDS, type ProposalKind } from "@rhizome/contracts";
import {
  counted,
  address,
  amount,
  collectiveParams,
  integer,
  nullableAmount,
  nullableText,
  nullableTimestamp,
  object,
  page,
  pageQuery,
  pageQueryProperties,
  query,
  routeSchema,
  text,
  timestamp,
  txHash,
  UINT_PATTERN,
  type Of,
} from "./common.js";
import { SUPPORT } from "./members.js";

/**
 * The governor's states, computed from what the chain recorded and the indexed head's time: in the
 * order of the governor's `ProposalState` enum (so a state's index is its number on chain), then
 * `failed`, which the chain records as executed with `proposalFailed`.
 */
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

/** The states of a proposal that can still run and change the collective: what "open" means. */
export const OPEN_PROPOSAL_STATES = [
  "pending",
  "active",
  "succeeded",
  "queued",
] as const satisfies readonly ProposalState[];

/** What a proposal does, by the functions it calls (@rhizome/contracts' describeActions reads it). */
export { PROPOSAL_KINDS, type ProposalKind };

/** Under two houses, the members' tallies and quorum. */
export const memberHouse = object({
  forVotes: amount,
  againstVotes: amount,
  abstainVotes: amount,
  quorum: { ...nullableAmount, description: "Members who must vote for or abstain; null until the first vote." },
});

export type MemberHouse = Of<typeof memberHouse>;

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
    ...memberHouse,
    type: ["object", "null"],
    description: "Under two houses, the members' house, which must pass too; null under any other rule.",
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

export const proposal = object(proposalProperties);

export type Proposal = Of<typeof proposal>;

export const proposalsQuery = query({
  state: { type: "string", enum: PROPOSAL_STATES },
  kind: { type: "string", enum: PROPOSAL_KINDS },
  proposer: address,
  ...pageQueryProperties,
});

export type ProposalsQuery = Of<typeof proposalsQuery>;

export const listProposals = routeSchema({
  operationId: "listProposals",
  tags: ["proposals"],
  summary: "A collective's proposals, newest first, by state, kind and proposer",
  params: collectiveParams,
  querystring: proposalsQuery,
  response: { 200: page(counted(proposal)) },
});

export const proposalParams = object({
  ...collectiveParams.properties,
  proposalId: { type: "string", pattern: UINT_PATTERN, description: "The proposal id, in decimal." },
});

export type ProposalParams = Of<typeof proposalParams>;

export const vote = object({
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
});

export type Vote = Of<typeof vote>;

export const action = object({
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
});

export type Action = Of<typeof action>;

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

export const timelineEntry = object({
  event: { type: "string", enum: TIMELINE_EVENTS },
  timestamp,
  past: { type: "boolean", description: "Whether it is at or before `now`." },
});

export type TimelineEntry = Of<typeof timelineEntry>;

/** A member's objection to a queued proposal. */
export const veto = object({ voter: address, weight: amount, reason: text, blockNumber: integer, timestamp, txHash });

export type Veto = Of<typeof veto>;

export const proposalDetail = object({
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
});

export type ProposalDetail = Of<typeof proposalDetail>;

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
  querystring: pageQuery,
  response: { 200: page(vote) },
});

/** Members of a collective, and one member with their shares history, votes, work and delegations. */
import {
  ACCOUNT_LIST_PATTERN,
  address,
  amount,
  collectiveParams,
  integer,
  nullableAddress,
  nullableInteger,
  nullableText,
  nullableTimestamp,
  object,
  page,
  pageQuery,
  pageQueryProperties,
  query,
  ratio,
  routeSchema,
  text,
  timestamp,
  txHash,
  type Of,
} from "./common.js";
import { SUPPORT, type Support } from "@rhizome/contracts";
import type { JSONSchema } from "json-schema-to-ts";
import { workItem } from "./work.js";

const memberProperties = {
  account: address,
  shares: amount,
  shareOfSupply: { ...ratio, description: "The member's shares over the collective's total." },
  votingPower: { ...amount, description: "Votes delegated to this account, its own included." },
  delegate: { ...nullableAddress, description: "Whom this account's shares vote through." },
  name: {
    ...nullableText,
    description:
      "The display name the member chose in their profile: at most 64 bytes, no control characters. Untrusted text: render it as text.",
  },
  avatarUri: { ...nullableText, description: "A picture's address, from the member's profile. Untrusted." },
  joinedAt: { ...nullableTimestamp, description: "When it first received shares." },
  leftAt: { ...nullableTimestamp, description: "When its shares fell to zero, if they are zero now." },
  profileUri: nullableText,
  memberCollective: {
    ...nullableAddress,
    description: "When the member is another collective's timelock: that collective.",
  },
} as const;

export const member = object(memberProperties);

export type Member = Of<typeof member>;

export const membersQuery = query({
  active: {
    type: "boolean",
    description: "true: holders of shares only; false: accounts without shares now (former members, delegates).",
  },
  q: {
    type: "string",
    minLength: 1,
    maxLength: 64,
    description: "Members whose name contains these words (any case), or whose address starts with them.",
  },
  ...pageQueryProperties,
});

export type MembersQuery = Of<typeof membersQuery>;

export const listMembers = routeSchema({
  operationId: "listMembers",
  tags: ["members"],
  summary: "A collective's members, most shares first",
  params: collectiveParams,
  querystring: membersQuery,
  response: { 200: page(member) },
});

/** The most accounts one names lookup takes. */
export const MAX_NAMES = 100;

export const namesQuery = {
  ...query({
    accounts: {
      type: "string",
      pattern: ACCOUNT_LIST_PATTERN,
      description: `The accounts to name, comma-separated: 1 to ${MAX_NAMES} addresses in any case.`,
    },
  }),
  required: ["accounts"],
} as const;

export type NamesQuery = Of<typeof namesQuery>;

export const accountName = object({
  account: address,
  name: {
    ...nullableText,
    description:
      "The display name the account chose in its profile in this collective; null if none. Untrusted text: render it as text.",
  },
  avatarUri: { ...nullableText, description: "A picture's address, from the same profile; null if none. Untrusted." },
  ensName: {
    ...nullableText,
    description:
      "The account's primary ENS name on Ethereum mainnet, checked to resolve back to it and normalized; null when it has none, when the lookup failed or timed out, or when the service has no ENS_RPC_URL.",
  },
});

export type AccountName = Of<typeof accountName>;

export const names = object({
  items: {
    type: "array",
    items: accountName,
    description: "One for each account asked, in the order asked, each once.",
  },
});

export type Names = Of<typeof names>;

export const listNames = routeSchema({
  operationId: "listNames",
  tags: ["members"],
  summary: "What to call up to 100 accounts: each one's profile name and picture, and its primary ENS name",
  params: collectiveParams,
  querystring: namesQuery,
  response: { 200: names },
});

export const memberParams = object({
  ...collectiveParams.properties,
  account: { ...address, description: "The member's address." },
});

export type MemberParams = Of<typeof memberParams>;

export const shareEvent = object({
  blockNumber: integer,
  logIndex: integer,
  delta: { ...amount, description: "Positive for a mint, negative for a burn." },
  balance: { ...amount, description: "The member's shares after it." },
  supply: { ...amount, description: "The collective's total shares after it." },
  timestamp,
  txHash,
});

export type ShareEvent = Of<typeof shareEvent>;

/** A vote's choices, in the order of their numbers on chain. */
export { SUPPORT, type Support };

export const memberVote = object({
  proposalId: amount,
  description: text,
  support: { type: "string", enum: SUPPORT },
  weight: amount,
  reason: text,
  blockNumber: integer,
  timestamp,
  txHash,
});

export type MemberVote = Of<typeof memberVote>;

export const delegation = object({
  delegator: address,
  fromDelegate: address,
  toDelegate: address,
  blockNumber: integer,
  timestamp,
});

export type Delegation = Of<typeof delegation>;

export const memberDetail = object({
  ...memberProperties,
  shareHistory: { ...page(shareEvent), description: "Mints and burns, oldest first." },
  votes: { ...page(memberVote), description: "Votes cast, newest first." },
  work: { ...page(workItem), description: "Work items where this member is the contributor, newest first." },
  delegations: {
    ...page(delegation),
    description: "Changes of delegate by this member or to this member, newest first.",
  },
});

export type MemberDetail = Of<typeof memberDetail>;

export const getMember = routeSchema({
  operationId: "getMember",
  tags: ["members"],
  summary: "One member, with the first page of their shares history, votes, work and delegations",
  params: memberParams,
  response: { 200: memberDetail },
});

const memberList = <const T extends JSONSchema>(operationId: string, summary: string, item: T) =>
  routeSchema({
    operationId,
    tags: ["members"],
    summary,
    params: memberParams,
    querystring: pageQuery,
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

/** The proof of an account's *for* votes that an exit or a release of them needs. */
export const forVotes = object({
  proposalIds: {
    type: "array",
    items: amount,
    description:
      "The proposals its last release kept, then those it voted for since, in voting order: the `forVotes` argument of `ragequit` and of `releaseForVotes`.",
  },
  releasedBlock: { ...nullableInteger, description: "The block of its last release; null if never released." },
});

export type ForVotes = Of<typeof forVotes>;

export const getForVotes = routeSchema({
  operationId: "getForVotes",
  tags: ["members"],
  summary: "The proposals an account voted for since it last released its for votes: its exit proof",
  params: memberParams,
  response: { 200: forVotes },
});

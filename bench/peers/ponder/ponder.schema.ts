/**
 * Tables comparable with Rhizome's projections (packages/db/src/schema): collectives, members
 * with shares and voting power, share events, delegations, applications, proposals with their
 * tallies, votes, timelock operations, work items, objections, treasury flows and ragequits.
 */
import { onchainTable, primaryKey } from "ponder";

export const collectives = onchainTable("collectives", (t) => ({
  address: t.hex().primaryKey(),
  collectiveId: t.bigint(),
  name: t.text(),
  symbol: t.text(),
  creator: t.hex(),
  shares: t.hex(),
  governor: t.hex(),
  timelock: t.hex(),
  treasury: t.hex(),
  work: t.hex(),
  principles: t.json().$type<string[]>(),
  settings: t.json(),
  totalShares: t.bigint().notNull(),
  votingDelay: t.bigint(),
  votingPeriod: t.bigint(),
  proposalThreshold: t.bigint(),
  quorumNumerator: t.bigint(),
  executionWindow: t.bigint(),
  vetoPercent: t.bigint(),
  countingRule: t.integer(),
  timelockDelay: t.bigint(),
  reviewWindow: t.bigint(),
  objectionThreshold: t.bigint(),
  createdAt: t.bigint(),
  createdBlock: t.bigint(),
}));

/** Which collective a module belongs to, so that each handler finds its collective by the log's address. */
export const modules = onchainTable("modules", (t) => ({
  address: t.hex().primaryKey(),
  collective: t.hex().notNull(),
}));

export const members = onchainTable(
  "members",
  (t) => ({
    collective: t.hex().notNull(),
    account: t.hex().notNull(),
    shares: t.bigint().notNull(),
    votingPower: t.bigint().notNull(),
    delegate: t.hex(),
    profileUri: t.text(),
    joinedAt: t.bigint(),
    leftAt: t.bigint(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.collective, table.account] }) }),
);

export const shareEvents = onchainTable("share_events", (t) => ({
  id: t.text().primaryKey(),
  collective: t.hex().notNull(),
  blockNumber: t.bigint().notNull(),
  logIndex: t.integer().notNull(),
  account: t.hex().notNull(),
  delta: t.bigint().notNull(),
  balance: t.bigint().notNull(),
  supply: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  txHash: t.hex().notNull(),
}));

export const delegations = onchainTable("delegations", (t) => ({
  id: t.text().primaryKey(),
  collective: t.hex().notNull(),
  delegator: t.hex().notNull(),
  fromDelegate: t.hex().notNull(),
  toDelegate: t.hex().notNull(),
  timestamp: t.bigint().notNull(),
}));

export const applications = onchainTable(
  "applications",
  (t) => ({
    collective: t.hex().notNull(),
    applicationId: t.bigint().notNull(),
    applicant: t.hex().notNull(),
    requestedShares: t.bigint().notNull(),
    pitch: t.text().notNull(),
    status: t.text().notNull(),
    admittedShares: t.bigint(),
    submittedAt: t.bigint().notNull(),
    closedAt: t.bigint(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.collective, table.applicationId] }) }),
);

export const proposals = onchainTable(
  "proposals",
  (t) => ({
    collective: t.hex().notNull(),
    proposalId: t.bigint().notNull(),
    proposer: t.hex().notNull(),
    description: t.text().notNull(),
    targets: t.json().$type<string[]>().notNull(),
    values: t.json().$type<string[]>().notNull(),
    calldatas: t.json().$type<string[]>().notNull(),
    snapshot: t.bigint().notNull(),
    deadline: t.bigint().notNull(),
    forVotes: t.bigint().notNull(),
    againstVotes: t.bigint().notNull(),
    abstainVotes: t.bigint().notNull(),
    voteCount: t.integer().notNull(),
    status: t.text().notNull(),
    eta: t.bigint(),
    createdAt: t.bigint().notNull(),
    createdBlock: t.bigint().notNull(),
    queuedAt: t.bigint(),
    executedAt: t.bigint(),
    canceledAt: t.bigint(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.collective, table.proposalId] }) }),
);

export const votes = onchainTable(
  "votes",
  (t) => ({
    collective: t.hex().notNull(),
    proposalId: t.bigint().notNull(),
    voter: t.hex().notNull(),
    support: t.integer().notNull(),
    weight: t.bigint().notNull(),
    reason: t.text().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.collective, table.proposalId, table.voter] }) }),
);

export const operations = onchainTable(
  "operations",
  (t) => ({
    collective: t.hex().notNull(),
    opId: t.bigint().notNull(),
    readyAt: t.bigint().notNull(),
    scheduledAt: t.bigint().notNull(),
    executedAt: t.bigint(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.collective, table.opId] }) }),
);

export const workItems = onchainTable(
  "work_items",
  (t) => ({
    collective: t.hex().notNull(),
    workId: t.bigint().notNull(),
    title: t.text().notNull(),
    specUri: t.text().notNull(),
    principle: t.bigint().notNull(),
    contributor: t.hex().notNull(),
    reward: t.bigint().notNull(),
    paymentToken: t.hex().notNull(),
    paymentAmount: t.bigint().notNull(),
    state: t.text().notNull(),
    deliveryUri: t.text(),
    reviewEnds: t.bigint(),
    objectionQuorum: t.bigint(),
    objections: t.bigint().notNull(),
    commissionedAt: t.bigint().notNull(),
    deliveredAt: t.bigint(),
    settledAt: t.bigint(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.collective, table.workId] }) }),
);

export const objections = onchainTable(
  "objections",
  (t) => ({
    collective: t.hex().notNull(),
    workId: t.bigint().notNull(),
    objector: t.hex().notNull(),
    weight: t.bigint().notNull(),
    reason: t.text().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.collective, table.workId, table.objector] }) }),
);

/** Money in and out of the treasury: ETH and token deposits, payments. */
export const treasuryFlows = onchainTable("treasury_flows", (t) => ({
  id: t.text().primaryKey(),
  collective: t.hex().notNull(),
  kind: t.text().notNull(),
  token: t.hex().notNull(),
  counterparty: t.hex().notNull(),
  amount: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
}));

export const treasuryBalances = onchainTable(
  "treasury_balances",
  (t) => ({
    collective: t.hex().notNull(),
    token: t.hex().notNull(),
    balance: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.collective, table.token] }) }),
);

export const ragequits = onchainTable("ragequits", (t) => ({
  id: t.text().primaryKey(),
  collective: t.hex().notNull(),
  member: t.hex().notNull(),
  shares: t.bigint().notNull(),
  supply: t.bigint().notNull(),
  ethAmount: t.bigint().notNull(),
  tokens: t.json().$type<string[]>().notNull(),
  amounts: t.json().$type<string[]>().notNull(),
  timestamp: t.bigint().notNull(),
}));

/** Members, their shares and votes over time, applications, and how ownership is spread. */
import { sql } from "drizzle-orm";
import { doublePrecision, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { address, amount, blockNumber, timestamp } from "./columns.js";

/** Every account that ever held shares or votes in a collective. */
export const members = pgTable(
  "members",
  {
    collective: address("collective").notNull(),
    account: address("account").notNull(),
    shares: amount("shares")
      .notNull()
      .default(sql`0`),
    votingPower: amount("voting_power")
      .notNull()
      .default(sql`0`),
    delegate: address("delegate"),
    /** The display name the member set in their profile (at most 64 bytes, no control characters). */
    name: text("name"),
    /** A picture's address, from the member's profile. */
    avatarUri: text("avatar_uri"),
    profileUri: text("profile_uri"),
    /** When it first received shares. */
    joinedAt: timestamp("joined_at"),
    /** When its shares last fell to zero, if they are zero now. */
    leftAt: timestamp("left_at"),
    /** The collective whose timelock this account is, when a collective is the member. */
    memberCollective: address("member_collective"),
  },
  (t) => [
    primaryKey({ columns: [t.collective, t.account] }),
    index("members_by_shares").on(t.collective, t.shares),
    index("members_by_account").on(t.account),
    // Lists and search find members by name, whatever its case.
    index("members_by_name").on(t.collective, sql`lower(${t.name})`),
  ],
);

/** Each mint and burn: the share history of every member and of the supply. */
export const shareEvents = pgTable(
  "share_events",
  {
    collective: address("collective").notNull(),
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    account: address("account").notNull(),
    /** Positive for a mint, negative for a burn. */
    delta: amount("delta").notNull(),
    balance: amount("balance").notNull(),
    supply: amount("supply").notNull(),
    /** Accounts holding a share or more after it: what one member, one vote's quorum reads. */
    memberCount: integer("member_count").notNull(),
    timestamp: timestamp("timestamp").notNull(),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.collective, t.blockNumber, t.logIndex] }),
    index("share_events_by_account").on(t.collective, t.account, t.blockNumber),
  ],
);

/** Each change of delegate. */
export const delegations = pgTable(
  "delegations",
  {
    collective: address("collective").notNull(),
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    delegator: address("delegator").notNull(),
    fromDelegate: address("from_delegate").notNull(),
    toDelegate: address("to_delegate").notNull(),
    timestamp: timestamp("timestamp").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.collective, t.blockNumber, t.logIndex] }),
    index("delegations_by_delegator").on(t.collective, t.delegator),
  ],
);

export const applications = pgTable(
  "applications",
  {
    collective: address("collective").notNull(),
    applicationId: integer("application_id").notNull(),
    applicant: address("applicant").notNull(),
    requestedShares: amount("requested_shares").notNull(),
    pitch: text("pitch").notNull(),
    /** open, admitted or withdrawn. */
    status: text("status").notNull(),
    admittedShares: amount("admitted_shares"),
    submittedAt: timestamp("submitted_at").notNull(),
    closedAt: timestamp("closed_at"),
  },
  (t) => [
    primaryKey({ columns: [t.collective, t.applicationId] }),
    index("applications_by_status").on(t.collective, t.status),
  ],
);

/** How concentrated ownership was after each block that moved shares. */
export const ownershipHistory = pgTable(
  "ownership_history",
  {
    collective: address("collective").notNull(),
    blockNumber: blockNumber("block_number").notNull(),
    timestamp: timestamp("timestamp").notNull(),
    totalShares: amount("total_shares").notNull(),
    holders: integer("holders").notNull(),
    /** Share of the supply held by the largest 10% of holders (at least one). */
    topHoldersShare: doublePrecision("top_holders_share").notNull(),
    gini: doublePrecision("gini").notNull(),
    /** The fewest holders that together have more than half the supply. */
    nakamoto: integer("nakamoto").notNull(),
  },
  (t) => [primaryKey({ columns: [t.collective, t.blockNumber] })],
);

/**
 * The shares module's projection: members' shares, voting power, delegates and profiles, the
 * collective's supply and member count, the share history, delegations and applications.
 */
import { getAddress, zeroAddress } from "viem";
import type { IndexedEvent } from "../sync/decode.js";
import type { Registry } from "../sync/registry.js";
import { key, type Batch, type Member } from "./batch.js";
import { position, type Args, type Handler } from "./handler.js";

/** The arguments that name an account whose member row an event changes. */
const ACCOUNT_FIELDS = ["from", "to", "delegator", "delegate", "member", "applicant"];

export const shares: Handler = {
  keys({ collective, args }, keys) {
    const a = args as Args;
    for (const field of ACCOUNT_FIELDS) {
      const value = a[field];
      if (typeof value === "string" && value !== zeroAddress) keys.members.push([collective, getAddress(value)]);
    }
    if (typeof a.applicationId === "bigint") keys.applications.push([collective, Number(a.applicationId)]);
  },

  apply(batch, registry, event) {
    const a = event.args as Args;
    const c = event.collective;
    switch (event.eventName) {
      case "Transfer":
        return transfer(batch, registry, event);
      case "DelegateChanged": {
        const delegator = getAddress(a.delegator as string);
        member(batch, registry, c, delegator).delegate = getAddress(a.toDelegate as string);
        batch.delegations.push({
          collective: c,
          blockNumber: event.blockNumber,
          logIndex: event.logIndex,
          timestamp: event.timestamp,
          delegator,
          fromDelegate: getAddress(a.fromDelegate as string),
          toDelegate: getAddress(a.toDelegate as string),
        });
        return;
      }
      case "DelegateVotesChanged":
        member(batch, registry, c, getAddress(a.delegate as string)).votingPower = a.newVotes as bigint;
        return;
      case "ApplicationSubmitted": {
        const id = Number(a.applicationId);
        batch.applications.put(key(c, id), {
          collective: c,
          applicationId: id,
          applicant: getAddress(a.applicant as string),
          requestedShares: a.requestedShares as bigint,
          pitch: a.pitch as string,
          status: "open",
          admittedShares: null,
          submittedAt: event.timestamp,
          closedAt: null,
        });
        return;
      }
      case "ApplicationAdmitted":
      case "ApplicationWithdrawn": {
        const k = key(c, Number(a.applicationId));
        const row = batch.applications.get(k);
        if (!row) return;
        row.status = event.eventName === "ApplicationAdmitted" ? "admitted" : "withdrawn";
        row.admittedShares = (a.shares as bigint | undefined) ?? null;
        row.closedAt = event.timestamp;
        batch.applications.put(k, row);
        return;
      }
      case "ProfileUpdated":
        member(batch, registry, c, getAddress(a.member as string)).profileUri = a.uri as string;
        return;
    }
  },
};

/** A mint or a burn: shares move between a member and nobody, and membership may begin or end. */
function transfer(batch: Batch, registry: Registry, event: IndexedEvent): void {
  const a = event.args as Args;
  const c = event.collective;
  const minted = a.from === zeroAddress;
  const account = getAddress((minted ? a.to : a.from) as string);
  const value = a.value as bigint;
  const row = member(batch, registry, c, account);
  const collective = batch.collective(c);
  const before = row.shares;
  row.shares = minted ? before + value : before - value;
  collective.totalShares = minted ? collective.totalShares + value : collective.totalShares - value;
  if (before === 0n && row.shares > 0n) {
    collective.memberCount += 1;
    row.joinedAt ??= event.timestamp;
    row.leftAt = null;
  } else if (before > 0n && row.shares === 0n) {
    collective.memberCount -= 1;
    row.leftAt = event.timestamp;
  }
  batch.shareEvents.push({
    collective: c,
    ...position(event),
    account,
    delta: minted ? value : -value,
    balance: row.shares,
    supply: collective.totalShares,
    memberCount: collective.memberCount,
  });
  batch.sharesMoved.add(c);
}

/** An account's member row, marked as changed; a new one for an account not seen before. */
function member(batch: Batch, registry: Registry, collective: string, account: string): Member {
  const k = key(collective, account);
  const existing = batch.members.get(k);
  if (existing) return batch.members.put(k, existing);
  return batch.members.put(k, {
    collective,
    account,
    shares: 0n,
    votingPower: 0n,
    delegate: null,
    profileUri: null,
    joinedAt: null,
    leftAt: null,
    memberCollective: registry.collectiveOfTimelock(account) ?? null,
  });
}

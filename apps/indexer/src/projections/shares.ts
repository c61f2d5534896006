/**
 * The shares module's projection: members' shares, voting power, delegates and profiles, the
 * collective's supply and member count, the share history, delegations and applications.
 */
import { getAddress, zeroAddress, type Address } from "viem";
import type { IndexedEvent } from "../sync/decode.js";
import type { Registry } from "../sync/registry.js";
import { key, type Batch, type Keys, type Member } from "./batch.js";
import { position, type Handler } from "./handler.js";

export const shares: Handler<"shares"> = {
  // The member rows of the accounts an event changes, and the application it concerns.
  keys(event, keys) {
    const { collective } = event;
    switch (event.eventName) {
      case "Transfer":
        memberKey(keys, collective, event.args.from);
        memberKey(keys, collective, event.args.to);
        return;
      case "DelegateChanged":
        memberKey(keys, collective, event.args.delegator);
        return;
      case "DelegateVotesChanged":
        memberKey(keys, collective, event.args.delegate);
        return;
      case "ProfileSet":
        memberKey(keys, collective, event.args.member);
        return;
      case "ApplicationSubmitted":
      case "ApplicationAdmitted":
      case "ApplicationWithdrawn":
        memberKey(keys, collective, event.args.applicant);
        keys.applications.push([collective, Number(event.args.applicationId)]);
        return;
    }
  },

  apply(batch, registry, event) {
    const c = event.collective;
    switch (event.eventName) {
      case "Transfer":
        return transfer(batch, registry, event);
      case "DelegateChanged": {
        const a = event.args;
        const delegator = getAddress(a.delegator);
        member(batch, registry, c, delegator).delegate = getAddress(a.toDelegate);
        batch.delegations.push({
          collective: c,
          blockNumber: event.blockNumber,
          logIndex: event.logIndex,
          timestamp: event.timestamp,
          delegator,
          fromDelegate: getAddress(a.fromDelegate),
          toDelegate: getAddress(a.toDelegate),
        });
        return;
      }
      case "DelegateVotesChanged":
        member(batch, registry, c, getAddress(event.args.delegate)).votingPower = event.args.newVotes;
        return;
      case "ApplicationSubmitted": {
        const a = event.args;
        const id = Number(a.applicationId);
        batch.applications.put(key(c, id), {
          collective: c,
          applicationId: id,
          applicant: getAddress(a.applicant),
          requestedShares: a.requestedShares,
          pitch: a.pitch,
          status: "open",
          admittedShares: null,
          submittedAt: event.timestamp,
          closedAt: null,
        });
        return;
      }
      case "ApplicationAdmitted":
      case "ApplicationWithdrawn": {
        const k = key(c, Number(event.args.applicationId));
        const row = batch.applications.get(k);
        if (!row) return;
        row.status = event.eventName === "ApplicationAdmitted" ? "admitted" : "withdrawn";
        row.admittedShares = event.eventName === "ApplicationAdmitted" ? event.args.shares : null;
        row.closedAt = event.timestamp;
        batch.applications.put(k, row);
        return;
      }
      case "ProfileSet": {
        // The profile is set whole; an empty field clears it. The contract bounds each field and
        // keeps control characters out of the name; the API and the web render it as text.
        const row = member(batch, registry, c, getAddress(event.args.member));
        row.name = event.args.name === "" ? null : event.args.name;
        row.avatarUri = event.args.avatar === "" ? null : event.args.avatar;
        row.profileUri = event.args.uri === "" ? null : event.args.uri;
        return;
      }
    }
  },
};

/** A mint or a burn: shares move between a member and nobody, and membership may begin or end. */
function transfer(batch: Batch, registry: Registry, event: IndexedEvent<"shares", "Transfer">): void {
  const a = event.args;
  const c = event.collective;
  const minted = a.from === zeroAddress;
  const account = getAddress(minted ? a.to : a.from);
  const value = a.value;
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

/** Adds the member row of `account` to load, unless it is nobody (the zero address of a mint or a burn). */
function memberKey(keys: Keys, collective: string, account: Address): void {
  if (account !== zeroAddress) keys.members.push([collective, getAddress(account)]);
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
    name: null,
    avatarUri: null,
    profileUri: null,
    joinedAt: null,
    leftAt: null,
    memberCollective: registry.collectiveOfTimelock(account) ?? null,
  });
}

/**
 * Applies one range's decoded events to the projections, in chain order, inside the caller's
 * transaction: each event changes the rows it concerns, and the range is written in bulk.
 */
import { sql } from "drizzle-orm";
import { getAddress, zeroAddress, type Address, type Hex } from "viem";
import { schema } from "@rhizome/db";
import type { IndexedEvent } from "../sync/decode.js";
import type { Registry } from "../sync/registry.js";
import { Batch, key, type Member } from "./batch.js";
import { concentration } from "./ownership.js";
import { decodeActions } from "./proposal-kind.js";

type Tx = Batch["tx"];
type Args = Record<string, unknown>;

const WORK_STATES = ["none", "commissioned", "delivered", "accepted", "disputed", "rejected", "cancelled"];

/** Applies `events` and returns the collectives they touched. */
export async function applyEvents(tx: Tx, registry: Registry, events: IndexedEvent[]): Promise<Set<string>> {
  const batch = new Batch(tx);
  await batch.load(keysOf(events));
  // A collective's modules emit their set-up events before the factory announces it.
  for (const event of events) if (event.source === "factory") created(batch, event);
  for (const event of events) await apply(batch, registry, event);
  await batch.flush();
  await recordOwnership(batch);
  return new Set(events.map((event) => event.collective));
}

function keysOf(events: IndexedEvent[]) {
  const members: [string, string][] = [];
  const proposals: [string, bigint][] = [];
  const workItems: [string, number][] = [];
  const applications: [string, number][] = [];
  const balances: [string, string][] = [];
  for (const { source, collective: c, eventName, args, address } of events) {
    const a = args as Args;
    if (source === "shares") {
      for (const field of ["from", "to", "delegator", "delegate", "member", "applicant"]) {
        const value = a[field];
        if (typeof value === "string" && value !== zeroAddress) members.push([c, getAddress(value)]);
      }
      if (typeof a.applicationId === "bigint") applications.push([c, Number(a.applicationId)]);
    } else if (source === "governor" && typeof a.proposalId === "bigint") {
      proposals.push([c, a.proposalId]);
    } else if (source === "work" && typeof a.id === "bigint") {
      workItems.push([c, Number(a.id)]);
    } else if (source === "treasury") {
      balances.push([c, zeroAddress]);
      if (typeof a.token === "string") balances.push([c, getAddress(a.token)]);
      for (const token of (a.tokens as string[] | undefined) ?? []) balances.push([c, getAddress(token)]);
    } else if (source === "token") {
      balances.push([c, address]);
    }
    void eventName;
  }
  return {
    collectives: [...new Set(events.map((e) => e.collective))],
    members,
    proposals,
    workItems,
    applications,
    balances,
  };
}

function created(batch: Batch, event: IndexedEvent): void {
  if (event.eventName !== "CollectiveCreated") return;
  const a = event.args as {
    id: bigint;
    governor: Address;
    creator: Address;
    modules: { shares: Address; governor: Address; timelock: Address; treasury: Address; work: Address };
    name: string;
    symbol: string;
    principles: readonly string[];
    settings: {
      votingDelay: number;
      votingPeriod: number;
      executionWindow: number;
      timelockDelay: number;
      proposalThreshold: bigint;
      quorumPercent: number;
      reviewWindow: number;
      objectionThreshold: number;
    };
  };
  const collective = getAddress(a.governor);
  batch.collectives.put(collective, {
    address: collective,
    factoryId: a.id,
    name: a.name,
    symbol: a.symbol,
    creator: getAddress(a.creator),
    shares: getAddress(a.modules.shares),
    timelock: getAddress(a.modules.timelock),
    treasury: getAddress(a.modules.treasury),
    work: getAddress(a.modules.work),
    ...a.settings,
    totalShares: 0n,
    memberCount: 0,
    proposalCount: 0,
    workCount: 0,
    createdBlock: event.blockNumber,
    createdAt: event.timestamp,
    txHash: event.txHash,
  });
  a.principles.forEach((name, index) =>
    batch.principles.put(key(collective, index), { collective, index, name, updatedBlock: event.blockNumber }),
  );
}

function collectiveOf(batch: Batch, address: string) {
  const row = batch.collectives.get(address);
  if (!row) throw new Error(`Event for unknown collective ${address}`);
  return batch.collectives.put(address, row);
}

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

async function apply(batch: Batch, registry: Registry, event: IndexedEvent): Promise<void> {
  const a = event.args as Args;
  const c = event.collective;
  const at = {
    blockNumber: event.blockNumber,
    logIndex: event.logIndex,
    timestamp: event.timestamp,
    txHash: event.txHash,
  };
  switch (`${event.source}.${event.eventName}`) {
    case "shares.Transfer": {
      const minted = a.from === zeroAddress;
      const account = getAddress((minted ? a.to : a.from) as string);
      const value = a.value as bigint;
      const row = member(batch, registry, c, account);
      const collective = collectiveOf(batch, c);
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
        ...at,
        account,
        delta: minted ? value : -value,
        balance: row.shares,
        supply: collective.totalShares,
      });
      batch.sharesMoved.add(c);
      return;
    }
    case "shares.DelegateChanged": {
      const delegator = getAddress(a.delegator as string);
      member(batch, registry, c, delegator).delegate = getAddress(a.toDelegate as string);
      batch.delegations.push({
        collective: c,
        blockNumber: at.blockNumber,
        logIndex: at.logIndex,
        timestamp: at.timestamp,
        delegator,
        fromDelegate: getAddress(a.fromDelegate as string),
        toDelegate: getAddress(a.toDelegate as string),
      });
      return;
    }
    case "shares.DelegateVotesChanged":
      member(batch, registry, c, getAddress(a.delegate as string)).votingPower = a.newVotes as bigint;
      return;
    case "shares.ApplicationSubmitted": {
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
    case "shares.ApplicationAdmitted":
    case "shares.ApplicationWithdrawn": {
      const k = key(c, Number(a.applicationId));
      const row = batch.applications.get(k);
      if (!row) return;
      row.status = event.eventName === "ApplicationAdmitted" ? "admitted" : "withdrawn";
      row.admittedShares = (a.shares as bigint | undefined) ?? null;
      row.closedAt = event.timestamp;
      batch.applications.put(k, row);
      return;
    }
    case "shares.ProfileUpdated":
      member(batch, registry, c, getAddress(a.member as string)).profileUri = a.uri as string;
      return;
    case "governor.ProposalCreated": {
      const collective = collectiveOf(batch, c);
      const { kind, actions } = decodeActions(
        {
          governor: collective.address as Address,
          shares: collective.shares as Address,
          timelock: collective.timelock as Address,
          treasury: collective.treasury as Address,
          work: collective.work as Address,
        },
        a.targets as Address[],
        a.values as bigint[],
        a.calldatas as Hex[],
      );
      collective.proposalCount += 1;
      batch.proposals.put(key(c, a.proposalId as bigint), {
        collective: c,
        proposalId: a.proposalId as bigint,
        proposer: getAddress(a.proposer as string),
        description: a.description as string,
        kind,
        actions,
        snapshot: Number(a.voteStart),
        deadline: Number(a.voteEnd),
        forVotes: 0n,
        againstVotes: 0n,
        abstainVotes: 0n,
        voteCount: 0,
        quorum: null,
        status: "created",
        eta: null,
        createdAt: event.timestamp,
        createdBlock: event.blockNumber,
        queuedAt: null,
        executedAt: null,
        canceledAt: null,
        txHash: event.txHash,
      });
      return;
    }
    case "governor.VoteCast":
    case "governor.VoteCastWithParams": {
      const k = key(c, a.proposalId as bigint);
      const proposal = batch.proposals.get(k);
      if (!proposal) return;
      const weight = a.weight as bigint;
      const support = Number(a.support);
      if (support === 0) proposal.againstVotes += weight;
      else if (support === 1) proposal.forVotes += weight;
      else proposal.abstainVotes += weight;
      proposal.voteCount += 1;
      if (proposal.quorum === null) {
        const supply = await batch.supplyAt(c, proposal.snapshot);
        proposal.quorum = (supply * BigInt(collectiveOf(batch, c).quorumPercent)) / 100n;
      }
      batch.proposals.put(k, proposal);
      batch.votes.push({
        collective: c,
        proposalId: a.proposalId as bigint,
        voter: getAddress(a.voter as string),
        support,
        weight,
        reason: a.reason as string,
        ...at,
      });
      return;
    }
    case "governor.ProposalQueued":
    case "governor.ProposalExecuted":
    case "governor.ProposalCanceled": {
      const k = key(c, a.proposalId as bigint);
      const proposal = batch.proposals.get(k);
      if (!proposal) return;
      if (event.eventName === "ProposalQueued") {
        proposal.status = "queued";
        proposal.eta = Number(a.etaSeconds);
        proposal.queuedAt = event.timestamp;
      } else if (event.eventName === "ProposalExecuted") {
        proposal.status = "executed";
        proposal.executedAt = event.timestamp;
      } else {
        proposal.status = "canceled";
        proposal.canceledAt = event.timestamp;
      }
      batch.proposals.put(k, proposal);
      return;
    }
    case "governor.VotingDelaySet":
      collectiveOf(batch, c).votingDelay = Number(a.newVotingDelay);
      return;
    case "governor.VotingPeriodSet":
      collectiveOf(batch, c).votingPeriod = Number(a.newVotingPeriod);
      return;
    case "governor.ProposalThresholdSet":
      collectiveOf(batch, c).proposalThreshold = a.newProposalThreshold as bigint;
      return;
    case "governor.ExecutionWindowSet":
      collectiveOf(batch, c).executionWindow = Number(a.newExecutionWindow);
      return;
    case "governor.QuorumNumeratorUpdated":
      collectiveOf(batch, c).quorumPercent = Number(a.newQuorumNumerator);
      return;
    case "timelock.DelayUpdated":
      collectiveOf(batch, c).timelockDelay = Number(a.newDelay);
      return;
    case "work.ReviewWindowSet":
      collectiveOf(batch, c).reviewWindow = Number(a.newReviewWindow);
      return;
    case "work.ObjectionThresholdSet":
      collectiveOf(batch, c).objectionThreshold = Number(a.newObjectionThreshold);
      return;
    case "work.PrincipleSet": {
      const index = Number(a.index);
      batch.principles.put(key(c, index), {
        collective: c,
        index,
        name: a.name as string,
        updatedBlock: event.blockNumber,
      });
      return;
    }
    case "work.WorkCommissioned": {
      const id = Number(a.id);
      collectiveOf(batch, c).workCount += 1;
      batch.workItems.put(key(c, id), {
        collective: c,
        workId: id,
        title: a.title as string,
        specUri: a.specUri as string,
        principle: Number(a.principle),
        contributor: getAddress(a.contributor as string),
        reward: a.reward as bigint,
        paymentToken: getAddress(a.paymentToken as string),
        paymentAmount: a.paymentAmount as bigint,
        state: "commissioned",
        deliveryUri: null,
        reviewEnds: null,
        objectionQuorum: null,
        objections: 0n,
        commissionedAt: event.timestamp,
        deliveredAt: null,
        settledAt: null,
        txHash: event.txHash,
      });
      return;
    }
    case "work.WorkTaken":
    case "work.WorkDelivered":
    case "work.WorkObjected":
    case "work.WorkAccepted":
    case "work.WorkDisputed":
    case "work.WorkRejected":
    case "work.WorkCancelled": {
      const k = key(c, Number(a.id));
      const item = batch.workItems.get(k);
      if (!item) return;
      workChange(batch, item, event);
      batch.workItems.put(k, item);
      return;
    }
    case "treasury.EthReceived":
      setBalance(batch, c, zeroAddress, a.balance as bigint, event.blockNumber);
      batch.flows.push({
        collective: c,
        ...at,
        kind: "deposit",
        token: zeroAddress,
        counterparty: getAddress(a.from as string),
        amount: a.amount as bigint,
      });
      return;
    case "treasury.Paid": {
      const token = getAddress(a.token as string);
      setBalance(batch, c, token, a.balance as bigint, event.blockNumber);
      batch.flows.push({
        collective: c,
        ...at,
        kind: "payment",
        token,
        counterparty: getAddress(a.to as string),
        amount: -(a.amount as bigint),
      });
      return;
    }
    case "treasury.Ragequit": {
      const memberAddress = getAddress(a.member as string);
      const tokens = (a.tokens as string[]).map((t) => getAddress(t));
      const amounts = a.amounts as bigint[];
      const balances = a.balances as bigint[];
      setBalance(batch, c, zeroAddress, a.ethBalance as bigint, event.blockNumber);
      if ((a.ethAmount as bigint) > 0n) {
        batch.flows.push({
          collective: c,
          ...at,
          kind: "ragequit",
          token: zeroAddress,
          counterparty: memberAddress,
          amount: -(a.ethAmount as bigint),
        });
      }
      tokens.forEach((token, i) => {
        setBalance(batch, c, token, balances[i] ?? 0n, event.blockNumber);
        if ((amounts[i] ?? 0n) > 0n)
          batch.flows.push({
            collective: c,
            ...at,
            kind: "ragequit",
            token,
            counterparty: memberAddress,
            amount: -(amounts[i] ?? 0n),
          });
      });
      batch.ragequits.push({
        collective: c,
        ...at,
        member: memberAddress,
        shares: a.shares as bigint,
        supply: a.supply as bigint,
        ethAmount: a.ethAmount as bigint,
        tokens: tokens.map((token, i) => ({ token, amount: String(amounts[i] ?? 0n) })),
      });
      return;
    }
    case "token.Transfer": {
      const k = key(c, event.address);
      const current = batch.balances.get(k)?.balance ?? 0n;
      setBalance(batch, c, event.address, current + (a.value as bigint), event.blockNumber);
      batch.flows.push({
        collective: c,
        ...at,
        kind: "deposit",
        token: event.address,
        counterparty: getAddress(a.from as string),
        amount: a.value as bigint,
      });
      return;
    }
  }
}

function workChange(batch: Batch, item: NonNullable<ReturnType<Batch["workItems"]["get"]>>, event: IndexedEvent): void {
  const a = event.args as Args;
  switch (event.eventName) {
    case "WorkTaken":
      item.contributor = getAddress(a.contributor as string);
      return;
    case "WorkDelivered":
      item.state = WORK_STATES[2] ?? "delivered";
      item.deliveryUri = a.uri as string;
      item.reviewEnds = Number(a.reviewEnds);
      item.objectionQuorum = a.objectionQuorum as bigint;
      item.deliveredAt = event.timestamp;
      return;
    case "WorkObjected":
      item.objections = a.objections as bigint;
      batch.objections.push({
        collective: item.collective,
        workId: item.workId,
        objector: getAddress(a.objector as string),
        weight: a.weight as bigint,
        reason: a.reason as string,
        timestamp: event.timestamp,
      });
      return;
    case "WorkAccepted":
      item.state = "accepted";
      item.settledAt = event.timestamp;
      return;
    case "WorkDisputed":
      item.state = "disputed";
      item.settledAt = event.timestamp;
      return;
    case "WorkRejected":
      item.state = "rejected";
      item.settledAt = event.timestamp;
      return;
    case "WorkCancelled":
      item.state = "cancelled";
      item.settledAt = event.timestamp;
      return;
  }
}

function setBalance(batch: Batch, collective: string, token: string, balance: bigint, blockNumber: number): void {
  batch.balances.put(key(collective, token), { collective, token, balance, updatedBlock: blockNumber });
}

/**
 * After the range is written: how concentrated each touched collective's ownership was after
 * every block of the range that moved its shares. Starts from the holders' balances before the
 * range and replays the range's mints and burns.
 */
async function recordOwnership(batch: Batch): Promise<void> {
  const m = schema.members;
  for (const collective of batch.sharesMoved.keys()) {
    const rows = await batch.tx
      .select({ account: m.account, shares: m.shares })
      .from(m)
      .where(sql`${m.collective} = ${collective} AND ${m.shares} > 0`);
    const balances = new Map(rows.map((row) => [row.account, row.shares]));
    const moves = batch.shareEvents.filter((event) => event.collective === collective);
    const seen = new Set<string>();
    for (const move of moves) {
      if (seen.has(move.account)) continue;
      seen.add(move.account);
      balances.set(move.account, move.balance - move.delta);
    }
    const points: (typeof schema.ownershipHistory.$inferInsert)[] = [];
    moves.forEach((move, i) => {
      balances.set(move.account, move.balance);
      if (moves[i + 1]?.blockNumber === move.blockNumber) return;
      points.push({
        collective,
        blockNumber: move.blockNumber,
        timestamp: move.timestamp,
        ...concentration([...balances.values()]),
      });
    });
    if (points.length > 0) await batch.tx.insert(schema.ownershipHistory).values(points).onConflictDoNothing();
  }
}

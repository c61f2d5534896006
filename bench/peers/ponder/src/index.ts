/**
 * Ponder's handlers for the benchmark: every event of the factory, of each collective's shares,
 * governor, timelock, treasury and work modules, and ERC-20 deposits into the treasury, projected
 * into tables like Rhizome's (ponder.schema.ts). A collective is keyed by its governor's address,
 * as in Rhizome. Its modules emit their set-up events (the founders' mints among them) before the
 * factory announces it, so a module not yet known is looked up once through the factory's
 * `collective(id)` view, the way a Ponder app reads state it has not seen in an event.
 */
import { ponder, type Context } from "ponder:registry";
import {
  applications,
  collectives,
  delegations,
  members,
  modules,
  objections,
  operations,
  proposals,
  ragequits,
  shareEvents,
  treasuryBalances,
  treasuryFlows,
  votes,
  workItems,
} from "ponder:schema";
import { zeroAddress, type Address, type Hex } from "viem";
import { collectiveFactoryAbi } from "../../../../packages/contracts/src/generated/artifacts.js";

const factoryAddress = process.env.PONDER_FACTORY as Address;
const ETH = zeroAddress;

interface Event {
  log: { address: Address; logIndex: number };
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: Hex };
}

const id = (event: Event) => `${event.block.number}-${event.log.logIndex}`;

/** The collective (its governor's address) whose module emitted `event`. */
async function collectiveOf(context: Context, event: Event): Promise<Address> {
  const address = event.log.address;
  const known = await context.db.find(modules, { address });
  if (known) return known.collective;
  const blockNumber = event.block.number;
  const count = await context.client.readContract({
    abi: collectiveFactoryAbi,
    address: factoryAddress,
    functionName: "collectiveCount",
    blockNumber,
  });
  for (let i = count - 1n; i >= 0n; i--) {
    const m = await context.client.readContract({
      abi: collectiveFactoryAbi,
      address: factoryAddress,
      functionName: "collective",
      args: [i],
      blockNumber,
    });
    const all = [m.shares, m.governor, m.timelock, m.treasury, m.work];
    if (all.some((a) => a.toLowerCase() === address.toLowerCase())) {
      await context.db
        .insert(modules)
        .values(all.map((a) => ({ address: a, collective: m.governor })))
        .onConflictDoNothing();
      return m.governor;
    }
  }
  throw new Error(`No collective has a module at ${address}`);
}

/** The collective's row, created empty when a set-up event comes before CollectiveCreated. */
async function collectiveRow(context: Context, collective: Address) {
  return context.db.insert(collectives).values({ address: collective, totalShares: 0n }).onConflictDoNothing();
}

async function setCollective(context: Context, event: Event, values: Partial<typeof collectives.$inferInsert>) {
  const collective = await collectiveOf(context, event);
  await collectiveRow(context, collective);
  await context.db.update(collectives, { address: collective }).set(values);
}

async function member(context: Context, collective: Address, account: Address) {
  return context.db.insert(members).values({ collective, account, shares: 0n, votingPower: 0n }).onConflictDoNothing();
}

// The factory.

ponder.on("Factory:CollectiveCreated", async ({ event, context }) => {
  const { id: collectiveId, governor, creator, modules: m, name, symbol, principles, settings } = event.args;
  await context.db
    .insert(modules)
    .values([m.shares, m.governor, m.timelock, m.treasury, m.work].map((a) => ({ address: a, collective: governor })))
    .onConflictDoNothing();
  const values = {
    collectiveId,
    name,
    symbol,
    creator,
    shares: m.shares,
    governor: m.governor,
    timelock: m.timelock,
    treasury: m.treasury,
    work: m.work,
    principles: [...principles],
    settings: JSON.parse(JSON.stringify(settings, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))),
    createdAt: event.block.timestamp,
    createdBlock: event.block.number,
  };
  await context.db
    .insert(collectives)
    .values({ address: governor, totalShares: 0n, ...values })
    .onConflictDoUpdate(values);
});

// Shares: members, their shares and votes, delegations, applications, profiles.

ponder.on("Shares:Transfer", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  const { from, to, value } = event.args;
  const minted = from === zeroAddress;
  const account = minted ? to : from;
  await collectiveRow(context, collective);
  const row = await context.db
    .update(collectives, { address: collective })
    .set((c) => ({ totalShares: minted ? c.totalShares + value : c.totalShares - value }));
  await member(context, collective, account);
  const m = await context.db.update(members, { collective, account }).set((r) => {
    const shares = minted ? r.shares + value : r.shares - value;
    return {
      shares,
      joinedAt: r.joinedAt ?? event.block.timestamp,
      leftAt: shares === 0n ? event.block.timestamp : null,
    };
  });
  await context.db.insert(shareEvents).values({
    id: id(event),
    collective,
    blockNumber: event.block.number,
    logIndex: event.log.logIndex,
    account,
    delta: minted ? value : -value,
    balance: m.shares,
    supply: row.totalShares,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
});

ponder.on("Shares:DelegateChanged", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  const { delegator, fromDelegate, toDelegate } = event.args;
  await member(context, collective, delegator);
  await context.db.update(members, { collective, account: delegator }).set({ delegate: toDelegate });
  await context.db.insert(delegations).values({
    id: id(event),
    collective,
    delegator,
    fromDelegate,
    toDelegate,
    timestamp: event.block.timestamp,
  });
});

ponder.on("Shares:DelegateVotesChanged", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  const { delegate, newVotes } = event.args;
  await member(context, collective, delegate);
  await context.db.update(members, { collective, account: delegate }).set({ votingPower: newVotes });
});

ponder.on("Shares:ProfileSet", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  await member(context, collective, event.args.member);
  await context.db.update(members, { collective, account: event.args.member }).set({ profileUri: event.args.uri });
});

ponder.on("Shares:ApplicationSubmitted", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  await context.db.insert(applications).values({
    collective,
    applicationId: event.args.applicationId,
    applicant: event.args.applicant,
    requestedShares: event.args.requestedShares,
    pitch: event.args.pitch,
    status: "open",
    submittedAt: event.block.timestamp,
  });
});

ponder.on("Shares:ApplicationAdmitted", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  await context.db
    .update(applications, { collective, applicationId: event.args.applicationId })
    .set({ status: "admitted", admittedShares: event.args.shares, closedAt: event.block.timestamp });
});

ponder.on("Shares:ApplicationWithdrawn", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  await context.db
    .update(applications, { collective, applicationId: event.args.applicationId })
    .set({ status: "withdrawn", closedAt: event.block.timestamp });
});

// Events the history does not emit (shares are not transferable) or that change nothing projected.
ponder.on("Shares:Approval", async () => {});
ponder.on("Shares:EIP712DomainChanged", async () => {});
ponder.on("Shares:Initialized", async ({ event, context }) => {
  await collectiveRow(context, await collectiveOf(context, event));
});

// Governor: proposals, their tallies and timeline, votes, settings.

ponder.on("Governor:ProposalCreated", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  const a = event.args;
  await context.db.insert(proposals).values({
    collective,
    proposalId: a.proposalId,
    proposer: a.proposer,
    description: a.description,
    targets: [...a.targets],
    values: a.values.map(String),
    calldatas: [...a.calldatas],
    snapshot: a.voteStart,
    deadline: a.voteEnd,
    forVotes: 0n,
    againstVotes: 0n,
    abstainVotes: 0n,
    voteCount: 0,
    status: "created",
    createdAt: event.block.timestamp,
    createdBlock: event.block.number,
    txHash: event.transaction.hash,
  });
});

async function voteCast(
  context: Context,
  event: Event,
  a: { voter: Address; proposalId: bigint; support: number; weight: bigint; reason: string },
) {
  const collective = await collectiveOf(context, event);
  await context.db.insert(votes).values({
    collective,
    proposalId: a.proposalId,
    voter: a.voter,
    support: a.support,
    weight: a.weight,
    reason: a.reason,
    blockNumber: event.block.number,
    logIndex: event.log.logIndex,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await context.db.update(proposals, { collective, proposalId: a.proposalId }).set((p) => ({
    forVotes: a.support === 1 ? p.forVotes + a.weight : p.forVotes,
    againstVotes: a.support === 0 ? p.againstVotes + a.weight : p.againstVotes,
    abstainVotes: a.support === 2 ? p.abstainVotes + a.weight : p.abstainVotes,
    voteCount: p.voteCount + 1,
  }));
}

ponder.on("Governor:VoteCast", ({ event, context }) => voteCast(context, event, event.args));
ponder.on("Governor:VoteCastWithParams", ({ event, context }) => voteCast(context, event, event.args));

ponder.on("Governor:ProposalQueued", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  await context.db
    .update(proposals, { collective, proposalId: event.args.proposalId })
    .set({ status: "queued", eta: event.args.etaSeconds, queuedAt: event.block.timestamp });
});

ponder.on("Governor:ProposalExecuted", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  await context.db
    .update(proposals, { collective, proposalId: event.args.proposalId })
    .set({ status: "executed", executedAt: event.block.timestamp });
});

ponder.on("Governor:ProposalCanceled", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  await context.db
    .update(proposals, { collective, proposalId: event.args.proposalId })
    .set({ status: "canceled", canceledAt: event.block.timestamp });
});

// A voter's for-votes on live proposals are released when it leaves: nothing projected changes.
ponder.on("Governor:ForVotesReleased", async ({ event, context }) => {
  await collectiveOf(context, event);
});
ponder.on("Governor:VotingDelaySet", ({ event, context }) =>
  setCollective(context, event, { votingDelay: event.args.newVotingDelay }),
);
ponder.on("Governor:VotingPeriodSet", ({ event, context }) =>
  setCollective(context, event, { votingPeriod: event.args.newVotingPeriod }),
);
ponder.on("Governor:ProposalThresholdSet", ({ event, context }) =>
  setCollective(context, event, { proposalThreshold: event.args.newProposalThreshold }),
);
ponder.on("Governor:QuorumNumeratorUpdated", ({ event, context }) =>
  setCollective(context, event, { quorumNumerator: event.args.newQuorumNumerator }),
);
ponder.on("Governor:ExecutionWindowSet", ({ event, context }) =>
  setCollective(context, event, { executionWindow: event.args.newExecutionWindow }),
);
ponder.on("Governor:VetoThresholdSet", ({ event, context }) =>
  setCollective(context, event, { vetoPercent: event.args.newVetoPercent }),
);
ponder.on("Governor:CountingRuleSet", ({ event, context }) =>
  setCollective(context, event, { countingRule: event.args.newRule }),
);
ponder.on("Governor:EIP712DomainChanged", async () => {});
ponder.on("Governor:Initialized", async ({ event, context }) => {
  await collectiveRow(context, await collectiveOf(context, event));
});

// Timelock: scheduled and executed operations, its delay.

ponder.on("Timelock:OperationScheduled", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  await context.db.insert(operations).values({
    collective,
    opId: event.args.id,
    readyAt: event.args.readyAt,
    scheduledAt: event.block.timestamp,
  });
});

ponder.on("Timelock:OperationExecuted", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  await context.db.update(operations, { collective, opId: event.args.id }).set({ executedAt: event.block.timestamp });
});

ponder.on("Timelock:DelayUpdated", ({ event, context }) =>
  setCollective(context, event, { timelockDelay: event.args.newDelay }),
);
ponder.on("Timelock:Initialized", async ({ event, context }) => {
  await collectiveRow(context, await collectiveOf(context, event));
});

// Treasury: flows, balances, ragequits.

async function flow(
  context: Context,
  event: Event,
  collective: Address,
  f: { kind: string; token: Address; counterparty: Address; amount: bigint; balance?: bigint },
) {
  await context.db.insert(treasuryFlows).values({
    id: id(event),
    collective,
    kind: f.kind,
    token: f.token,
    counterparty: f.counterparty,
    amount: f.amount,
    timestamp: event.block.timestamp,
  });
  const delta = f.kind === "paid" ? -f.amount : f.amount;
  await context.db
    .insert(treasuryBalances)
    .values({ collective, token: f.token, balance: f.balance ?? delta })
    .onConflictDoUpdate((b) => ({ balance: f.balance ?? b.balance + delta }));
}

ponder.on("Treasury:EthReceived", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  const { from, amount, balance } = event.args;
  await flow(context, event, collective, { kind: "received", token: ETH, counterparty: from, amount, balance });
});

ponder.on("Treasury:Paid", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  const { token, to, amount, balance } = event.args;
  await flow(context, event, collective, { kind: "paid", token, counterparty: to, amount, balance });
});

ponder.on("Treasury:Ragequit", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  const a = event.args;
  await context.db.insert(ragequits).values({
    id: id(event),
    collective,
    member: a.member,
    shares: a.shares,
    supply: a.supply,
    ethAmount: a.ethAmount,
    tokens: [...a.tokens],
    amounts: a.amounts.map(String),
    timestamp: event.block.timestamp,
  });
  const balances: [Address, bigint][] = [
    [ETH, a.ethBalance],
    ...a.tokens.map((t, i): [Address, bigint] => [t, a.balances[i] ?? 0n]),
  ];
  for (const [token, balance] of balances) {
    await context.db.insert(treasuryBalances).values({ collective, token, balance }).onConflictDoUpdate({ balance });
  }
});

ponder.on("Deposits:Transfer", async ({ event, context }) => {
  const collective = await collectiveOf(context, { ...event, log: { ...event.log, address: event.args.to } });
  await flow(context, event, collective, {
    kind: "deposit",
    token: event.log.address,
    counterparty: event.args.from,
    amount: event.args.value,
  });
});

// Work: items through their life, objections, settings.

ponder.on("Work:WorkCommissioned", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  const a = event.args;
  await context.db.insert(workItems).values({
    collective,
    workId: a.id,
    title: a.title,
    specUri: a.specUri,
    principle: a.principle,
    contributor: a.contributor,
    reward: a.reward,
    paymentToken: a.paymentToken,
    paymentAmount: a.paymentAmount,
    state: "commissioned",
    objections: 0n,
    commissionedAt: event.block.timestamp,
    txHash: event.transaction.hash,
  });
});

ponder.on("Work:WorkTaken", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  await context.db
    .update(workItems, { collective, workId: event.args.id })
    .set({ contributor: event.args.contributor });
});

ponder.on("Work:WorkDelivered", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  const a = event.args;
  await context.db.update(workItems, { collective, workId: a.id }).set({
    state: "delivered",
    deliveryUri: a.uri,
    reviewEnds: a.reviewEnds,
    objectionQuorum: a.objectionQuorum,
    deliveredAt: event.block.timestamp,
  });
});

ponder.on("Work:WorkObjected", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  const a = event.args;
  await context.db.insert(objections).values({
    collective,
    workId: a.id,
    objector: a.objector,
    weight: a.weight,
    reason: a.reason,
    timestamp: event.block.timestamp,
  });
  await context.db.update(workItems, { collective, workId: a.id }).set({ objections: a.objections });
});

const settle =
  (state: string) =>
  async ({ event, context }: { event: Event & { args: { id: bigint } }; context: Context }) => {
    const collective = await collectiveOf(context, event);
    await context.db
      .update(workItems, { collective, workId: event.args.id })
      .set({ state, settledAt: event.block.timestamp });
  };

ponder.on("Work:WorkAccepted", settle("accepted"));
ponder.on("Work:WorkRejected", settle("rejected"));
ponder.on("Work:WorkCancelled", settle("cancelled"));
ponder.on("Work:WorkDisputed", async ({ event, context }) => {
  const collective = await collectiveOf(context, event);
  await context.db
    .update(workItems, { collective, workId: event.args.id })
    .set({ state: "disputed", objections: event.args.objections });
});

ponder.on("Work:ReviewWindowSet", ({ event, context }) =>
  setCollective(context, event, { reviewWindow: event.args.newReviewWindow }),
);
ponder.on("Work:ObjectionThresholdSet", ({ event, context }) =>
  setCollective(context, event, { objectionThreshold: event.args.newObjectionThreshold }),
);
ponder.on("Work:PrincipleSet", async ({ event, context }) => {
  await collectiveOf(context, event);
});
ponder.on("Work:EIP712DomainChanged", async () => {});
ponder.on("Work:Initialized", async ({ event, context }) => {
  await collectiveRow(context, await collectiveOf(context, event));
});

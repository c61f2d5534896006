/**
 * The governor's projection: proposals with their decoded actions, tallies, quorum and what the
 * chain recorded of them (queued, executed, canceled), the votes, and the governance settings with
 * the history of the quorum percentage and of the counting rule (by shares, one member one vote,
 * or two houses, with the members' house's tallies), and members' objections to queued proposals
 * (the veto).
 */
import { getAbiItem, getAddress, slice, toFunctionSelector, type Address, type Hex } from "viem";
import { countingRuleOf, describeActions, sharesAbi, type ProposalContext } from "@rhizome/contracts";
import type { IndexedEvent } from "../sync/decode.js";
import { key, type Batch, type Proposal } from "./batch.js";
import { position, type Args, type Handler } from "./handler.js";

export const governor: Handler = {
  keys({ collective, args }, keys) {
    const a = args as Args;
    if (typeof a.proposalId === "bigint") keys.proposals.push([collective, a.proposalId]);
    // A new proposal's words name who a mint or an admission gives shares to.
    for (const calldata of (a.calldatas as Hex[] | undefined) ?? []) {
      const recipient = mintRecipient(calldata);
      if (recipient) keys.members.push([collective, recipient]);
      const application = admittedApplication(calldata);
      if (application !== undefined) keys.applications.push([collective, application]);
    }
  },

  apply(batch, _registry, event) {
    const a = event.args as Args;
    const c = event.collective;
    switch (event.eventName) {
      case "ProposalCreated":
        return created(batch, event);
      case "VoteCast":
      case "VoteCastWithParams":
        return voteCast(batch, event);
      case "MemberVoteCast": {
        // Emitted just before the same vote's VoteCast, which records the vote with this weight.
        const weight = a.weight as bigint;
        const voter = getAddress(a.voter as string);
        batch.memberWeights.set(key(c, a.proposalId as bigint, voter), weight);
        batch.updateProposal(c, a.proposalId as bigint, (proposal) => {
          const support = Number(a.support);
          if (support === 0) proposal.memberAgainstVotes += weight;
          else if (support === 1) proposal.memberForVotes += weight;
          else proposal.memberAbstainVotes += weight;
        });
        return;
      }
      case "CountingRuleSet": {
        const rule = countingRuleOf(a.newRule as number);
        const collective = batch.collective(c);
        collective.countingRule = rule;
        batch.countingRules.push({ collective: c, rule, ...position(event) });
        // Proposals not voted on yet whose snapshot is still ahead take it, as the governor's
        // history of rules gives them; the first vote fixes a proposal's rule for good.
        if (collective.proposalCount > 0) batch.ruleChanges.push({ collective: c, from: event.timestamp, rule });
        return;
      }
      case "VetoCast": {
        if (!batch.proposals.get(key(c, a.proposalId as bigint))) return;
        batch.updateProposal(c, a.proposalId as bigint, (proposal) => {
          proposal.vetoVotes = a.vetoes as bigint;
        });
        batch.vetoes.push({
          collective: c,
          proposalId: a.proposalId as bigint,
          voter: getAddress(a.voter as string),
          weight: a.weight as bigint,
          reason: a.reason as string,
          ...position(event),
        });
        return;
      }
      case "ForVotesReleased":
        batch.forVoteReleases.push({
          collective: c,
          voter: getAddress(a.voter as string),
          kept: (a.kept as readonly bigint[]).map(String),
          ...position(event),
        });
        return;
      case "ProposalVetoed":
        // OpenZeppelin's ProposalCanceled follows in the same transaction and ends it.
        batch.updateProposal(c, a.proposalId as bigint, (proposal) => {
          proposal.vetoed = true;
        });
        return;
      case "VetoThresholdSet":
        batch.collective(c).vetoPercent = Number(a.newVetoPercent);
        return;
      case "ProposalQueued":
      case "ProposalExecuted":
      case "ProposalCanceled":
        batch.updateProposal(c, a.proposalId as bigint, (proposal) => {
          if (event.eventName === "ProposalQueued") {
            proposal.status = "queued";
            proposal.eta = Number(a.etaSeconds);
            proposal.queuedAt = event.timestamp;
          } else if (event.eventName === "ProposalExecuted") {
            // The timelock's OperationFailed, earlier in the same execution, said its calls reverted.
            if (proposal.status !== "failed") proposal.status = "executed";
            proposal.executedAt = event.timestamp;
          } else {
            proposal.status = "canceled";
            proposal.canceledAt = event.timestamp;
          }
        });
        return;
      case "VotingDelaySet":
        batch.collective(c).votingDelay = Number(a.newVotingDelay);
        return;
      case "VotingPeriodSet":
        batch.collective(c).votingPeriod = Number(a.newVotingPeriod);
        return;
      case "ProposalThresholdSet":
        batch.collective(c).proposalThreshold = a.newProposalThreshold as bigint;
        return;
      case "ExecutionWindowSet": {
        const collective = batch.collective(c);
        collective.executionWindow = Number(a.newExecutionWindow);
        collective.maxExecutionWindow = Math.max(collective.maxExecutionWindow, collective.executionWindow);
        // The proposals whose vote has not ended take the new window, as the governor's history
        // of windows gives them; a new collective's first window has none to change.
        if (collective.proposalCount > 0) {
          batch.windowChanges.push({ collective: c, from: event.timestamp, window: collective.executionWindow });
        }
        return;
      }
      case "QuorumNumeratorUpdated": {
        const numerator = Number(a.newQuorumNumerator);
        batch.collective(c).quorumPercent = numerator;
        batch.quorumNumerators.push({ collective: c, numerator, ...position(event) });
        return;
      }
    }
  },
};

/** A new proposal: what it does is read from its calldata against the collective's modules. */
function created(batch: Batch, event: IndexedEvent): void {
  const a = event.args as Args;
  const c = event.collective;
  const collective = batch.collective(c);
  const context: ProposalContext = {
    isMember: (account) => (batch.members.get(key(c, getAddress(account)))?.shares ?? 0n) > 0n,
    applicant: (id) => {
      const applicant = batch.applications.get(key(c, id))?.applicant;
      return applicant ? getAddress(applicant) : undefined;
    },
  };
  const { kind, actions } = describeActions(
    {
      governor: collective.address as Address,
      shares: collective.shares as Address,
      timelock: collective.timelock as Address,
      treasury: collective.treasury as Address,
      work: collective.work as Address,
    },
    context,
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
    // The rule now, which is the one at its snapshot unless a change runs before it (see CountingRuleSet).
    countingRule: collective.countingRule,
    memberForVotes: 0n,
    memberAgainstVotes: 0n,
    memberAbstainVotes: 0n,
    memberQuorum: null,
    status: "created",
    eta: null,
    executionWindow: collective.executionWindow,
    failureReason: null,
    vetoVotes: 0n,
    vetoed: false,
    createdAt: event.timestamp,
    createdBlock: event.blockNumber,
    queuedAt: null,
    executedAt: null,
    canceledAt: null,
    txHash: event.txHash,
  });
}

/** A vote: added to the tally, in its rule's unit; the first one fixes how the proposal counts. */
async function voteCast(batch: Batch, event: IndexedEvent): Promise<void> {
  const a = event.args as Args;
  const c = event.collective;
  const k = key(c, a.proposalId as bigint);
  const voter = getAddress(a.voter as string);
  const memberKey = key(c, a.proposalId as bigint, voter);
  const memberWeight = batch.memberWeights.get(memberKey) ?? null;
  batch.memberWeights.delete(memberKey);
  const proposal = batch.proposals.get(k);
  if (!proposal) return;
  const weight = a.weight as bigint;
  const support = Number(a.support);
  if (support === 0) proposal.againstVotes += weight;
  else if (support === 1) proposal.forVotes += weight;
  else proposal.abstainVotes += weight;
  proposal.voteCount += 1;
  if (proposal.quorum === null) await fixCounting(batch, c, proposal);
  batch.proposals.put(k, proposal);
  batch.votes.push({
    collective: c,
    proposalId: a.proposalId as bigint,
    voter,
    support,
    weight,
    memberWeight,
    reason: a.reason as string,
    ...position(event),
  });
}

/**
 * The first vote fixes how a proposal counts, as the governor does: the rule in force at its
 * snapshot, and its quorum, the quorum percentage then of the supply (of the member count under
 * one member, one vote); under two houses, the members' quorum too.
 */
async function fixCounting(batch: Batch, c: string, proposal: Proposal): Promise<void> {
  const { snapshot } = proposal;
  const rule = await batch.countingRuleAt(c, snapshot);
  const percent = BigInt(await batch.quorumNumeratorAt(c, snapshot));
  const { supply, memberCount } = await batch.sharesAt(c, snapshot);
  const members = (BigInt(memberCount) * percent) / 100n;
  proposal.countingRule = rule;
  proposal.quorum = rule === "members" ? members : (supply * percent) / 100n;
  if (rule === "both") proposal.memberQuorum = members;
}

const MINT = toFunctionSelector(getAbiItem({ abi: sharesAbi, name: "mint" }));
const ADMIT = toFunctionSelector(getAbiItem({ abi: sharesAbi, name: "admit" }));

/** The account a `mint(to, amount)` calldata gives shares to, whichever contract it calls. */
function mintRecipient(calldata: Hex): Address | undefined {
  if (calldata.length < 74 || slice(calldata, 0, 4) !== MINT) return undefined;
  return getAddress(slice(calldata, 16, 36));
}

/** The application an `admit(applicationId, shares)` calldata admits, if it is an id the index can hold. */
function admittedApplication(calldata: Hex): number | undefined {
  if (calldata.length < 74 || slice(calldata, 0, 4) !== ADMIT) return undefined;
  const id = BigInt(slice(calldata, 4, 36));
  return id < 2n ** 31n ? Number(id) : undefined;
}

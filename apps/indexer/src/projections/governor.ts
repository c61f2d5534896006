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
import { position, type Handler } from "./handler.js";

export const governor: Handler<"governor"> = {
  keys(event, keys) {
    const { collective } = event;
    switch (event.eventName) {
      case "ProposalCreated":
        keys.proposals.push([collective, event.args.proposalId]);
        // A new proposal's words name who a mint or an admission gives shares to.
        for (const calldata of event.args.calldatas) {
          const recipient = mintRecipient(calldata);
          if (recipient) keys.members.push([collective, recipient]);
          const application = admittedApplication(calldata);
          if (application !== undefined) keys.applications.push([collective, application]);
        }
        return;
      case "VoteCast":
      case "VoteCastWithParams":
      case "MemberVoteCast":
      case "VetoCast":
      case "ProposalVetoed":
      case "ProposalQueued":
      case "ProposalExecuted":
      case "ProposalCanceled":
        keys.proposals.push([collective, event.args.proposalId]);
        return;
    }
  },

  apply(batch, _registry, event) {
    const c = event.collective;
    switch (event.eventName) {
      case "ProposalCreated":
        return created(batch, event);
      case "VoteCast":
      case "VoteCastWithParams":
        return voteCast(batch, event);
      case "MemberVoteCast": {
        const { proposalId, voter, support, weight } = event.args;
        // Emitted just before the same vote's VoteCast, which records the vote with this weight.
        batch.memberWeights.set(key(c, proposalId, getAddress(voter)), weight);
        batch.updateProposal(c, proposalId, (proposal) => {
          if (support === 0) proposal.memberAgainstVotes += weight;
          else if (support === 1) proposal.memberForVotes += weight;
          else proposal.memberAbstainVotes += weight;
        });
        return;
      }
      case "CountingRuleSet": {
        const rule = countingRuleOf(event.args.newRule);
        const collective = batch.collective(c);
        collective.countingRule = rule;
        batch.countingRules.push({ collective: c, rule, ...position(event) });
        // Proposals not voted on yet whose snapshot is still ahead take it, as the governor's
        // history of rules gives them; the first vote fixes a proposal's rule for good.
        if (collective.proposalCount > 0) batch.ruleChanges.push({ collective: c, from: event.timestamp, rule });
        return;
      }
      case "VetoCast": {
        const a = event.args;
        if (!batch.proposals.get(key(c, a.proposalId))) return;
        batch.updateProposal(c, a.proposalId, (proposal) => {
          proposal.vetoVotes = a.vetoes;
        });
        batch.vetoes.push({
          collective: c,
          proposalId: a.proposalId,
          voter: getAddress(a.voter),
          weight: a.weight,
          reason: a.reason,
          ...position(event),
        });
        return;
      }
      case "ForVotesReleased":
        batch.forVoteReleases.push({
          collective: c,
          voter: getAddress(event.args.voter),
          kept: event.args.kept.map(String),
          ...position(event),
        });
        return;
      case "ProposalVetoed":
        // OpenZeppelin's ProposalCanceled follows in the same transaction and ends it.
        batch.updateProposal(c, event.args.proposalId, (proposal) => {
          proposal.vetoed = true;
        });
        return;
      case "VetoThresholdSet":
        batch.collective(c).vetoPercent = Number(event.args.newVetoPercent);
        return;
      case "ProposalQueued":
      case "ProposalExecuted":
      case "ProposalCanceled":
        batch.updateProposal(c, event.args.proposalId, (proposal) => {
          if (event.eventName === "ProposalQueued") {
            proposal.status = "queued";
            proposal.eta = Number(event.args.etaSeconds);
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
        batch.collective(c).votingDelay = Number(event.args.newVotingDelay);
        return;
      case "VotingPeriodSet":
        batch.collective(c).votingPeriod = Number(event.args.newVotingPeriod);
        return;
      case "ProposalThresholdSet":
        batch.collective(c).proposalThreshold = event.args.newProposalThreshold;
        return;
      case "ExecutionWindowSet": {
        const collective = batch.collective(c);
        collective.executionWindow = Number(event.args.newExecutionWindow);
        collective.maxExecutionWindow = Math.max(collective.maxExecutionWindow, collective.executionWindow);
        // The proposals whose vote has not ended take the new window, as the governor's history
        // of windows gives them; a new collective's first window has none to change.
        if (collective.proposalCount > 0) {
          batch.windowChanges.push({ collective: c, from: event.timestamp, window: collective.executionWindow });
        }
        return;
      }
      case "QuorumNumeratorUpdated": {
        const numerator = Number(event.args.newQuorumNumerator);
        batch.collective(c).quorumPercent = numerator;
        batch.quorumNumerators.push({ collective: c, numerator, ...position(event) });
        return;
      }
    }
  },
};

/** A new proposal: what it does is read from its calldata against the collective's modules. */
function created(batch: Batch, event: IndexedEvent<"governor", "ProposalCreated">): void {
  const a = event.args;
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
    // The row's text columns, read as the addresses they hold (once per proposal; viem caches checksums).
    {
      governor: getAddress(collective.address),
      shares: getAddress(collective.shares),
      timelock: getAddress(collective.timelock),
      treasury: getAddress(collective.treasury),
      work: getAddress(collective.work),
    },
    context,
    a.targets,
    a.values,
    a.calldatas,
  );
  collective.proposalCount += 1;
  batch.proposals.put(key(c, a.proposalId), {
    collective: c,
    proposalId: a.proposalId,
    proposer: getAddress(a.proposer),
    description: a.description,
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
async function voteCast(
  batch: Batch,
  event: IndexedEvent<"governor", "VoteCast" | "VoteCastWithParams">,
): Promise<void> {
  const a = event.args;
  const c = event.collective;
  const k = key(c, a.proposalId);
  const voter = getAddress(a.voter);
  const memberKey = key(c, a.proposalId, voter);
  const memberWeight = batch.memberWeights.get(memberKey) ?? null;
  batch.memberWeights.delete(memberKey);
  const proposal = batch.proposals.get(k);
  if (!proposal) return;
  const weight = a.weight;
  const support = a.support;
  if (support === 0) proposal.againstVotes += weight;
  else if (support === 1) proposal.forVotes += weight;
  else proposal.abstainVotes += weight;
  proposal.voteCount += 1;
  if (proposal.quorum === null) await fixCounting(batch, c, proposal);
  batch.proposals.put(k, proposal);
  batch.votes.push({
    collective: c,
    proposalId: a.proposalId,
    voter,
    support,
    weight,
    memberWeight,
    reason: a.reason,
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

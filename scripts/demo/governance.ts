/** Running proposals through a collective's governance from a script. */
import { getContract, parseEventLogs, type Hash } from "viem";
import {
  collectiveGovernorAbi,
  descriptionHash,
  type CollectiveModules,
  type CollectiveSettings,
  type ProposalActions,
} from "@rhizome/contracts";
import type { LocalClients, Wallet } from "./clients.js";

export const Vote = { Against: 0, For: 1, Abstain: 2 } as const;

export function governance(clients: LocalClients, modules: CollectiveModules, settings: CollectiveSettings) {
  const wait = async (hash: Promise<Hash>) => {
    const receipt = await clients.publicClient.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== "success") throw new Error(`Transaction ${receipt.transactionHash} reverted`);
    return receipt;
  };
  const governor = (wallet: Wallet) =>
    getContract({
      address: modules.governor,
      abi: collectiveGovernorAbi,
      client: { public: clients.publicClient, wallet },
    });
  const args = (a: ProposalActions) => [a.targets, a.values, a.calldatas, descriptionHash(a.description)] as const;

  const propose = async (proposer: Wallet, actions: ProposalActions) => {
    const receipt = await wait(
      governor(proposer).write.propose([actions.targets, actions.values, actions.calldatas, actions.description]),
    );
    const [event] = parseEventLogs({ abi: collectiveGovernorAbi, eventName: "ProposalCreated", logs: receipt.logs });
    if (!event) throw new Error("No ProposalCreated event");
    await clients.increaseTime(settings.votingDelay + 1);
    return event.args.proposalId;
  };
  const vote = (voter: Wallet, proposalId: bigint, support: number, reason?: string) =>
    wait(
      reason
        ? governor(voter).write.castVoteWithReason([proposalId, support, reason])
        : governor(voter).write.castVote([proposalId, support]),
    );
  /** Votes, waits out the period and the delay, queues and executes. */
  const finish = async (proposer: Wallet, actions: ProposalActions) => {
    await clients.increaseTime(settings.votingPeriod + 1);
    await wait(governor(proposer).write.queue(args(actions)));
    await clients.increaseTime(settings.timelockDelay + 1);
    await wait(governor(proposer).write.execute(args(actions)));
  };
  /** A whole round where `voters` vote for, each with the reason given. */
  const pass = async (proposer: Wallet, actions: ProposalActions, voters: [Wallet, string?][]) => {
    const proposalId = await propose(proposer, actions);
    for (const [voter, reason] of voters) await vote(voter, proposalId, Vote.For, reason);
    await finish(proposer, actions);
    return proposalId;
  };
  return { wait, propose, vote, finish, pass };
}

/** Running proposals through a collective's governance from a script, with @rhizome/contracts' actions. */
import type { Hash } from "viem";
import {
  castVote,
  execute,
  proposalCreated,
  propose as proposeAction,
  queue,
  type CollectiveModules,
  type CollectiveSettings,
  type ProposalActions,
  type Support,
} from "@rhizome/contracts";
import type { LocalClients, Wallet } from "./clients.js";

export const Vote = { Against: "against", For: "for", Abstain: "abstain" } as const satisfies Record<string, Support>;

export function governance(clients: LocalClients, modules: CollectiveModules, settings: CollectiveSettings) {
  const wait = async (hash: Promise<Hash>) => {
    const receipt = await clients.publicClient.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== "success") throw new Error(`Transaction ${receipt.transactionHash} reverted`);
    return receipt;
  };
  const { governor } = modules;

  const propose = async (proposer: Wallet, actions: ProposalActions) => {
    const receipt = await wait(proposeAction(proposer, { governor, actions }));
    await clients.increaseTime(settings.votingDelay + 1);
    return proposalCreated(receipt);
  };
  const vote = (voter: Wallet, proposalId: bigint, support: Support, reason?: string) =>
    wait(castVote(voter, { governor, proposalId, support, reason }));
  /** Votes, waits out the period and the delay, queues and executes. */
  const finish = async (proposer: Wallet, actions: ProposalActions) => {
    await clients.increaseTime(settings.votingPeriod + 1);
    await wait(queue(proposer, { governor, actions }));
    await clients.increaseTime(settings.timelockDelay + 1);
    await wait(execute(proposer, { governor, actions }));
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

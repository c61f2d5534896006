/** Queues a passed proposal in the timelock, where it waits out the delay and members may object. */
import type { Account, Address, Chain, Hash, Transport, WalletClient } from "viem";
import { collectiveGovernorAbi } from "../generated/artifacts.js";
import { proposalOperation, type ProposalActions } from "./operation.js";

export interface QueueParameters {
  governor: Address;
  /** The proposal's actions and description, as proposed. */
  actions: ProposalActions;
}

/** The governor call that does it. */
export function queueCall({ governor, actions }: QueueParameters) {
  return {
    address: governor,
    abi: collectiveGovernorAbi,
    functionName: "queue",
    args: proposalOperation(actions),
  } as const;
}

/** Sends it from the wallet's account; resolves with the transaction's hash. */
export function queue(client: WalletClient<Transport, Chain, Account>, parameters: QueueParameters): Promise<Hash> {
  return client.writeContract(queueCall(parameters));
}

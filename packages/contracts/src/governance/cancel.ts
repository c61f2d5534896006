/** Withdraws a proposal: its proposer may, until its vote opens. */
import type { Account, Address, Chain, Hash, Transport, WalletClient } from "viem";
import { collectiveGovernorAbi } from "../generated/artifacts.js";
import { proposalOperation, type ProposalActions } from "./operation.js";

export interface CancelParameters {
  governor: Address;
  /** The proposal's actions and description, as proposed. */
  actions: ProposalActions;
}

/** The governor call that does it. */
export function cancelCall({ governor, actions }: CancelParameters) {
  return {
    address: governor,
    abi: collectiveGovernorAbi,
    functionName: "cancel",
    args: proposalOperation(actions),
  } as const;
}

/** Sends it from the wallet's account; resolves with the transaction's hash. */
export function cancel(client: WalletClient<Transport, Chain, Account>, parameters: CancelParameters): Promise<Hash> {
  return client.writeContract(cancelCall(parameters));
}

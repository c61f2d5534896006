/** Executes a queued proposal once its delay has passed (a proposal whose calls revert is recorded as failed and ends). */
import type { Account, Address, Chain, Hash, Transport, WalletClient } from "viem";
import { collectiveGovernorAbi } from "../generated/artifacts.js";
import { proposalOperation, type ProposalActions } from "./operation.js";

export interface ExecuteParameters {
  governor: Address;
  /** The proposal's actions and description, as proposed. */
  actions: ProposalActions;
}

/** The governor call that does it. */
export function executeCall({ governor, actions }: ExecuteParameters) {
  return {
    address: governor,
    abi: collectiveGovernorAbi,
    functionName: "execute",
    args: proposalOperation(actions),
  } as const;
}

/** Sends it from the wallet's account; resolves with the transaction's hash. */
export function execute(client: WalletClient<Transport, Chain, Account>, parameters: ExecuteParameters): Promise<Hash> {
  return client.writeContract(executeCall(parameters));
}

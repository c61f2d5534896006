/** Proposes actions to a collective's governor. */
import {
  parseEventLogs,
  type Account,
  type Address,
  type Chain,
  type Hash,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
} from "viem";
import { collectiveGovernorAbi } from "../generated/artifacts.js";
import type { ProposalActions } from "./operation.js";

export interface ProposeParameters {
  governor: Address;
  actions: ProposalActions;
}

/** The governor call that proposes `actions`. */
export function proposeCall({ governor, actions }: ProposeParameters) {
  return {
    address: governor,
    abi: collectiveGovernorAbi,
    functionName: "propose",
    args: [actions.targets, actions.values, actions.calldatas, actions.description],
  } as const;
}

/** Sends the proposal from the wallet's account; resolves with the transaction's hash. */
export function propose(client: WalletClient<Transport, Chain, Account>, parameters: ProposeParameters): Promise<Hash> {
  return client.writeContract(proposeCall(parameters));
}

/** The id of the proposal a `propose` transaction created, from its `ProposalCreated` event. */
export function proposalCreated(receipt: TransactionReceipt): bigint {
  const [created] = parseEventLogs({ abi: collectiveGovernorAbi, eventName: "ProposalCreated", logs: receipt.logs });
  if (!created) throw new Error(`Transaction ${receipt.transactionHash} created no proposal`);
  return created.args.proposalId;
}

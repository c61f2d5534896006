/** Votes on a proposal: for, against or abstain, with an optional reason. */
import type { Account, Address, Chain, Hash, Transport, WalletClient } from "viem";
import { collectiveGovernorAbi } from "../generated/artifacts.js";

/** The choices of a vote, in the order of their numbers on chain (OpenZeppelin's GovernorCountingSimple). */
export const SUPPORT = ["against", "for", "abstain"] as const;
export type Support = (typeof SUPPORT)[number];

export interface CastVoteParameters {
  governor: Address;
  proposalId: bigint;
  support: Support;
  /** Said with the vote, on chain (`castVoteWithReason`); without one, `castVote` costs less gas. */
  reason?: string | undefined;
}

/** The governor call that casts the vote: `castVoteWithReason` when there is a reason, else `castVote`. */
export function castVoteCall({ governor, proposalId, support, reason }: CastVoteParameters) {
  const value = SUPPORT.indexOf(support);
  return reason !== undefined
    ? ({
        address: governor,
        abi: collectiveGovernorAbi,
        functionName: "castVoteWithReason",
        args: [proposalId, value, reason],
      } as const)
    : ({ address: governor, abi: collectiveGovernorAbi, functionName: "castVote", args: [proposalId, value] } as const);
}

/** Casts the wallet account's vote; resolves with the transaction's hash. */
export function castVote(
  client: WalletClient<Transport, Chain, Account>,
  parameters: CastVoteParameters,
): Promise<Hash> {
  const call = castVoteCall(parameters);
  return call.functionName === "castVote" ? client.writeContract(call) : client.writeContract(call);
}

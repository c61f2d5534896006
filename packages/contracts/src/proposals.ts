import { encodeFunctionData, keccak256, toHex, zeroAddress, type Address, type Hex } from "viem";
import { sharesAbi, treasuryAbi } from "./generated/artifacts.js";

/** A governor proposal's actions and description, ready for `propose`, `queue` and `execute`. */
export interface ProposalActions {
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  description: string;
}

/** The hash the governor's `queue` and `execute` take in place of the description. */
export function descriptionHash(description: string): Hex {
  return keccak256(toHex(description));
}

/**
 * Appends the `#proposer=0x…` suffix that lets only `proposer` submit this description, so no
 * one can copy a pending proposal transaction and front-run it under their own name.
 */
export function restrictToProposer(description: string, proposer: Address): string {
  return `${description}#proposer=${proposer}`;
}

/** Admission (or any grant of shares): mint `amount` shares to `to`. */
export function mintSharesProposal(
  modules: { shares: Address },
  to: Address,
  amount: bigint,
  description: string,
): ProposalActions {
  return {
    targets: [modules.shares],
    values: [0n],
    calldatas: [encodeFunctionData({ abi: sharesAbi, functionName: "mint", args: [to, amount] })],
    description,
  };
}

/** A treasury payment of `amount` of `token` (omit it for ETH) to `to`. */
export function paymentProposal(
  modules: { treasury: Address },
  payment: { to: Address; amount: bigint; token?: Address },
  description: string,
): ProposalActions {
  return {
    targets: [modules.treasury],
    values: [0n],
    calldatas: [
      encodeFunctionData({
        abi: treasuryAbi,
        functionName: "pay",
        args: [payment.token ?? zeroAddress, payment.to, payment.amount],
      }),
    ],
    description,
  };
}

/** Proposals of the usual kinds, built as the actions the governor takes. */
import { encodeFunctionData, zeroAddress, type Address, type Hex } from "viem";
import {
  collectiveGovernorAbi,
  collectiveTimelockAbi,
  sharesAbi,
  treasuryAbi,
  workAbi,
} from "./generated/artifacts.js";
import type { ProposalActions } from "./governance/operation.js";

function single(target: Address, calldata: Hex, description: string): ProposalActions {
  return { targets: [target], values: [0n], calldatas: [calldata], description };
}

/** Admission of an applicant: mint `shares` to the applicant of `applicationId`. */
export function admissionProposal(
  modules: { shares: Address },
  applicationId: bigint,
  shares: bigint,
  description: string,
): ProposalActions {
  const calldata = encodeFunctionData({ abi: sharesAbi, functionName: "admit", args: [applicationId, shares] });
  return single(modules.shares, calldata, description);
}

/** A grant of shares outside an application: mint `amount` shares to `to`. */
export function mintSharesProposal(
  modules: { shares: Address },
  to: Address,
  amount: bigint,
  description: string,
): ProposalActions {
  return single(
    modules.shares,
    encodeFunctionData({ abi: sharesAbi, functionName: "mint", args: [to, amount] }),
    description,
  );
}

/** A treasury payment of `amount` of `token` (omit it for ETH) to `to`. */
export function paymentProposal(
  modules: { treasury: Address },
  payment: { to: Address; amount: bigint; token?: Address },
  description: string,
): ProposalActions {
  const calldata = encodeFunctionData({
    abi: treasuryAbi,
    functionName: "pay",
    args: [payment.token ?? zeroAddress, payment.to, payment.amount],
  });
  return single(modules.treasury, calldata, description);
}

/** The terms of a work item. */
export interface WorkTerms {
  title: string;
  specUri: string;
  /** Index of the principle the work serves. */
  principle: number;
  /** Shares minted to the contributor when the work is accepted. */
  reward: bigint;
  /** Who does it; omit for an open bounty any member may take. */
  contributor?: Address;
  /** An optional payment from the treasury; omit `token` for ETH. */
  payment?: { amount: bigint; token?: Address };
}

/** Commissions a work item from the collective's work module. */
export function workProposal(modules: { work: Address }, terms: WorkTerms, description: string): ProposalActions {
  const calldata = encodeFunctionData({
    abi: workAbi,
    functionName: "commission",
    args: [
      terms.contributor ?? zeroAddress,
      BigInt(terms.principle),
      terms.reward,
      terms.payment?.token ?? zeroAddress,
      terms.payment?.amount ?? 0n,
      terms.title,
      terms.specUri,
    ],
  });
  return single(modules.work, calldata, description);
}

/** Accepts (or rejects) a disputed work item. */
export function resolveWorkProposal(
  modules: { work: Address },
  id: bigint,
  accept: boolean,
  description: string,
): ProposalActions {
  return single(
    modules.work,
    encodeFunctionData({ abi: workAbi, functionName: "resolve", args: [id, accept] }),
    description,
  );
}

/** The governance parameters a proposal can change, and the module whose setter changes each. */
export const GOVERNANCE_PARAMETERS = {
  votingDelay: "governor",
  votingPeriod: "governor",
  executionWindow: "governor",
  proposalThreshold: "governor",
  quorumPercent: "governor",
  vetoPercent: "governor",
  timelockDelay: "timelock",
  reviewWindow: "work",
  objectionThreshold: "work",
} as const;
export type GovernanceParameter = keyof typeof GOVERNANCE_PARAMETERS;

/**
 * A change of one governance parameter to `value`, encoded for its module's setter with the
 * setter's own argument type (a uint48 takes a number, a uint256 a bigint): a setter renamed or
 * retyped in the contracts fails to compile here. Bounds are the contracts' to enforce.
 */
export function parameterProposal(
  modules: { governor: Address; timelock: Address; work: Address },
  parameter: GovernanceParameter,
  value: bigint,
  description: string,
): ProposalActions {
  const governor = (calldata: Hex) => single(modules.governor, calldata, description);
  switch (parameter) {
    case "votingDelay":
      return governor(
        encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "setVotingDelay", args: [Number(value)] }),
      );
    case "votingPeriod":
      return governor(
        encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "setVotingPeriod", args: [Number(value)] }),
      );
    case "executionWindow":
      return governor(
        encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "setExecutionWindow", args: [Number(value)] }),
      );
    case "proposalThreshold":
      return governor(
        encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "setProposalThreshold", args: [value] }),
      );
    case "quorumPercent":
      return governor(
        encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "updateQuorumNumerator", args: [value] }),
      );
    case "vetoPercent":
      return governor(
        encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "setVetoThreshold", args: [Number(value)] }),
      );
    case "timelockDelay":
      return single(
        modules.timelock,
        encodeFunctionData({ abi: collectiveTimelockAbi, functionName: "updateDelay", args: [Number(value)] }),
        description,
      );
    case "reviewWindow":
      return single(
        modules.work,
        encodeFunctionData({ abi: workAbi, functionName: "setReviewWindow", args: [Number(value)] }),
        description,
      );
    case "objectionThreshold":
      return single(
        modules.work,
        encodeFunctionData({ abi: workAbi, functionName: "setObjectionThreshold", args: [Number(value)] }),
        description,
      );
  }
}

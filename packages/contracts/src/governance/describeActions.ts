/**
 * A proposal's kind and its actions in words, read from its calldata: Rhizome has no
 * proposal-type enum on chain; what a proposal does is what it calls. Minting shares is an
 * admission when it goes to someone who holds none, and a grant when it goes to a member, as the
 * collective stands when the proposal is made. The indexer stores these words; any client can
 * compute them the same way before a proposal is sent.
 */
import { decodeFunctionData, formatEther, getAddress, zeroAddress, type Abi, type Address, type Hex } from "viem";
import {
  collectiveGovernorAbi,
  collectiveTimelockAbi,
  sharesAbi,
  treasuryAbi,
  workAbi,
} from "../generated/artifacts.js";
import type { CollectiveModules } from "../collective.js";

/** What a proposal does, by the functions it calls. */
export const PROPOSAL_KINDS = ["admission", "grant", "work", "payment", "parameter", "other"] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** One action of a proposal: the call, decoded when its target is a module of the collective, and in words. */
export interface DescribedAction {
  target: Address;
  /** Wei sent with the call, in decimal. */
  value: string;
  calldata: Hex;
  /** The function called, when the target is a module of the collective. */
  function: string | null;
  /** The decoded arguments by name, as strings. */
  args: Record<string, string> | null;
  /** The action in plain words. */
  summary: string;
}

/** What the collective looks like when the proposal is made, as far as its words need it. */
export interface ProposalContext {
  /** Whether `account` holds shares. */
  isMember(account: Address): boolean;
  /** Who made application `id`, if it is known. */
  applicant(id: number): Address | undefined;
}

const PARAMETER_FUNCTIONS = new Set([
  "setVotingDelay",
  "setVotingPeriod",
  "setProposalThreshold",
  "setExecutionWindow",
  "updateQuorumNumerator",
  "setVetoThreshold",
  "setCountingRule",
  "updateDelay",
  "setReviewWindow",
  "setObjectionThreshold",
  "setPrinciple",
]);

const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

/** The proposal's kind (one kind for all its actions, else `other`) and each action in words. */
export function describeActions(
  modules: CollectiveModules,
  context: ProposalContext,
  targets: readonly Address[],
  values: readonly bigint[],
  calldatas: readonly Hex[],
): { kind: ProposalKind; actions: DescribedAction[] } {
  const abiOf = new Map<string, Abi>([
    [getAddress(modules.shares), sharesAbi],
    [getAddress(modules.governor), collectiveGovernorAbi],
    [getAddress(modules.timelock), collectiveTimelockAbi],
    [getAddress(modules.treasury), treasuryAbi],
    [getAddress(modules.work), workAbi],
  ]);
  const kinds = new Set<ProposalKind>();
  const actions = targets.map((target, i): DescribedAction => {
    const value = values[i] ?? 0n;
    const calldata = calldatas[i] ?? "0x";
    const abi = abiOf.get(getAddress(target));
    let decoded: { functionName: string; args: readonly unknown[] } | undefined;
    if (abi && calldata.length >= 10) {
      try {
        decoded = decodeFunctionData({ abi, data: calldata }) as { functionName: string; args: readonly unknown[] };
      } catch {
        decoded = undefined;
      }
    }
    const { kind, summary } = describe(context, target, value, decoded);
    kinds.add(kind);
    const inputs = decoded && abi ? functionInputs(abi, decoded.functionName) : [];
    return {
      target: getAddress(target),
      value: value.toString(),
      calldata,
      function: decoded?.functionName ?? null,
      args: decoded ? Object.fromEntries(decoded.args.map((arg, j) => [inputs[j] ?? String(j), String(arg)])) : null,
      summary,
    };
  });
  const [only] = kinds;
  return { kind: kinds.size === 1 && only ? only : "other", actions };
}

function functionInputs(abi: Abi, name: string): string[] {
  const item = abi.find((entry) => entry.type === "function" && entry.name === name);
  return item && item.type === "function" ? item.inputs.map((input, j) => input.name || String(j)) : [];
}

function describe(
  context: ProposalContext,
  target: Address,
  value: bigint,
  decoded: { functionName: string; args: readonly unknown[] } | undefined,
): { kind: ProposalKind; summary: string } {
  const args = decoded?.args ?? [];
  switch (decoded?.functionName) {
    case "admit": {
      const applicant = context.applicant(Number(args[0]));
      const summary = applicant
        ? `Mint ${args[1]} shares to ${short(applicant)}: admission of applicant #${args[0]}`
        : `Admit application #${args[0]} with ${args[1]} shares`;
      return { kind: "admission", summary };
    }
    case "mint": {
      const to = args[0] as Address;
      return context.isMember(to)
        ? { kind: "grant", summary: `Mint ${args[1]} shares to ${short(to)}: a grant to a member` }
        : { kind: "admission", summary: `Mint ${args[1]} shares to ${short(to)}: admission of a new member` };
    }
    case "burn":
      return { kind: "other", summary: `Burn ${args[1]} shares of ${short(String(args[0]))}` };
    case "pay": {
      const token = String(args[0]);
      const amount = args[2] as bigint;
      const what = token === zeroAddress ? `${formatEther(amount)} ETH` : `${amount} of token ${short(token)}`;
      return { kind: "payment", summary: `Pay ${what} to ${short(String(args[1]))}` };
    }
    case "commission": {
      const to = String(args[0]);
      const who = to === zeroAddress ? "as an open bounty" : `to ${short(to)}`;
      return { kind: "work", summary: `Commission “${args[5]}” for ${args[2]} shares ${who}` };
    }
    case "resolve":
      return { kind: "work", summary: `${args[1] ? "Accept" : "Reject"} disputed work #${args[0]}` };
    case "cancel":
      return { kind: "work", summary: `Cancel work #${args[0]}` };
  }
  if (decoded && PARAMETER_FUNCTIONS.has(decoded.functionName)) {
    return { kind: "parameter", summary: `${decoded.functionName}(${args.map(String).join(", ")})` };
  }
  if (decoded) return { kind: "other", summary: `Call ${decoded.functionName} on ${short(target)}` };
  if (value > 0n)
    return { kind: "payment", summary: `Send ${formatEther(value)} ETH from the timelock to ${short(target)}` };
  return { kind: "other", summary: `Call ${short(target)}` };
}

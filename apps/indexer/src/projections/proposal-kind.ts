/**
 * Reads a proposal's kind and its actions in words from its calldata: Rhizome has no
 * proposal-type enum on chain; what a proposal does is what it calls.
 */
import { decodeFunctionData, formatEther, getAddress, type Abi, type Address, type Hex } from "viem";
import { collectiveGovernorAbi, collectiveTimelockAbi, sharesAbi, treasuryAbi, workAbi } from "@rhizome/contracts";
import type { ProposalAction } from "@rhizome/db";
import type { CollectiveModules } from "../sync/registry.js";

export type ProposalKind = "admission" | "work" | "payment" | "parameter" | "other";

const PARAMETER_FUNCTIONS = new Set([
  "setVotingDelay",
  "setVotingPeriod",
  "setProposalThreshold",
  "setExecutionWindow",
  "updateQuorumNumerator",
  "updateDelay",
  "setReviewWindow",
  "setObjectionThreshold",
  "setPrinciple",
]);

const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

export function decodeActions(
  modules: CollectiveModules,
  targets: readonly Address[],
  values: readonly bigint[],
  calldatas: readonly Hex[],
): { kind: ProposalKind; actions: ProposalAction[] } {
  const abiOf = new Map<string, Abi>([
    [getAddress(modules.shares), sharesAbi],
    [getAddress(modules.governor), collectiveGovernorAbi],
    [getAddress(modules.timelock), collectiveTimelockAbi],
    [getAddress(modules.treasury), treasuryAbi],
    [getAddress(modules.work), workAbi],
  ]);
  const kinds = new Set<ProposalKind>();
  const actions = targets.map((target, i): ProposalAction => {
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
    const { kind, summary } = describe(modules, target, value, decoded);
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
  modules: CollectiveModules,
  target: Address,
  value: bigint,
  decoded: { functionName: string; args: readonly unknown[] } | undefined,
): { kind: ProposalKind; summary: string } {
  const args = decoded?.args ?? [];
  switch (decoded?.functionName) {
    case "admit":
      return { kind: "admission", summary: `Admit application #${args[0]} with ${args[1]} shares` };
    case "mint":
      return { kind: "admission", summary: `Mint ${args[1]} shares to ${short(String(args[0]))}` };
    case "burn":
      return { kind: "other", summary: `Burn ${args[1]} shares of ${short(String(args[0]))}` };
    case "pay": {
      const token = String(args[0]);
      const amount = args[2] as bigint;
      const what =
        token === "0x0000000000000000000000000000000000000000"
          ? `${formatEther(amount)} ETH`
          : `${amount} of token ${short(token)}`;
      return { kind: "payment", summary: `Pay ${what} to ${short(String(args[1]))}` };
    }
    case "commission": {
      const to = String(args[0]);
      const who = to === "0x0000000000000000000000000000000000000000" ? "as an open bounty" : `to ${short(to)}`;
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
  void modules;
  return { kind: "other", summary: `Call ${short(target)}` };
}

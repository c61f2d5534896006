/**
 * The history's transactions, one builder per kind, with the gas each one is given (a fixed
 * ceiling: the chain charges only what is used), and a seeded random source so every run
 * generates the same history.
 */
import { encodeFunctionData, type Address, type Hex, type PrivateKeyAccount } from "viem";
import {
  castVoteCall,
  collectiveGovernorAbi,
  executeCall,
  proposeCall,
  queueCall,
  sharesAbi,
  SUPPORT,
  testTokenAbi,
  treasuryAbi,
  workAbi,
  type CollectiveModules,
  type ProposalActions,
} from "@rhizome/contracts";
import type { Tx } from "./chain.js";

export const Vote = { Against: 0, For: 1, Abstain: 2 } as const;
export const ProposalState = { Defeated: 3, Succeeded: 4, Executed: 7 } as const;

/** A small, fast, seeded generator (mulberry32): the same history on every run. */
export class Random {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error("Nothing to pick from");
    return item;
  }
  /** `n` distinct items (all of them when there are fewer). */
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, n);
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

/** Several proposals' actions as one proposal: e.g. one proposal that commissions many items. */
export function combine(parts: ProposalActions[], description: string): ProposalActions {
  return {
    targets: parts.flatMap((p) => p.targets),
    values: parts.flatMap((p) => p.values),
    calldatas: parts.flatMap((p) => p.calldatas),
    description,
  };
}

type Account = PrivateKeyAccount;

const supportOf = (value: number) => {
  const support = SUPPORT[value];
  if (!support) throw new Error(`No vote choice numbered ${value}`);
  return support;
};

/** Transaction builders for one collective. */
export function txsFor(modules: CollectiveModules, token: Address) {
  const call = (from: Account, to: Address, data: Hex, gas: bigint, label: string): Tx => ({
    from,
    to,
    data,
    gas,
    label,
  });
  const governor = (from: Account, data: Hex, gas: bigint, label: string) =>
    call(from, modules.governor, data, gas, label);
  const work = (from: Account, data: Hex, label: string) => call(from, modules.work, data, 250_000n, label);
  return {
    apply: (from: Account, shares: bigint, pitch: string) =>
      call(
        from,
        modules.shares,
        encodeFunctionData({ abi: sharesAbi, functionName: "applyForMembership", args: [shares, pitch] }),
        200_000n,
        "applyForMembership",
      ),
    withdraw: (from: Account, id: bigint) =>
      call(
        from,
        modules.shares,
        encodeFunctionData({ abi: sharesAbi, functionName: "withdrawApplication", args: [id] }),
        100_000n,
        "withdrawApplication",
      ),
    profile: (from: Account, uri: string, name = "") =>
      call(
        from,
        modules.shares,
        encodeFunctionData({ abi: sharesAbi, functionName: "setProfile", args: [name, "", uri] }),
        100_000n,
        "setProfile",
      ),
    delegate: (from: Account, to: Address) =>
      call(
        from,
        modules.shares,
        encodeFunctionData({ abi: sharesAbi, functionName: "delegate", args: [to] }),
        200_000n,
        "delegate",
      ),
    depositEth: (from: Account, value: bigint): Tx => ({
      from,
      to: modules.treasury,
      value,
      gas: 60_000n,
      label: "deposit ETH",
    }),
    mintToken: (from: Account, amount: bigint) =>
      call(
        from,
        token,
        encodeFunctionData({ abi: testTokenAbi, functionName: "mint", args: [from.address, amount] }),
        100_000n,
        "mint token",
      ),
    depositToken: (from: Account, amount: bigint) =>
      call(
        from,
        token,
        encodeFunctionData({ abi: testTokenAbi, functionName: "transfer", args: [modules.treasury, amount] }),
        100_000n,
        "deposit token",
      ),
    propose: (from: Account, a: ProposalActions) =>
      governor(
        from,
        encodeFunctionData(proposeCall({ governor: modules.governor, actions: a })),
        500_000n + 60_000n * BigInt(a.targets.length),
        `propose "${a.description}"`,
      ),
    vote: (from: Account, id: bigint, support: number, reason?: string) =>
      governor(
        from,
        encodeFunctionData(
          castVoteCall({ governor: modules.governor, proposalId: id, support: supportOf(support), reason }),
        ),
        200_000n,
        `vote ${support} on ${id}`,
      ),
    state: (id: bigint) => encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "state", args: [id] }),
    queue: (from: Account, a: ProposalActions) =>
      governor(
        from,
        encodeFunctionData(queueCall({ governor: modules.governor, actions: a })),
        300_000n,
        `queue "${a.description}"`,
      ),
    execute: (from: Account, a: ProposalActions) =>
      governor(
        from,
        encodeFunctionData(executeCall({ governor: modules.governor, actions: a })),
        400_000n + 200_000n * BigInt(a.targets.length),
        `execute "${a.description}"`,
      ),
    take: (from: Account, id: bigint) =>
      work(from, encodeFunctionData({ abi: workAbi, functionName: "take", args: [id] }), `take ${id}`),
    deliver: (from: Account, id: bigint, uri: string) =>
      work(from, encodeFunctionData({ abi: workAbi, functionName: "deliver", args: [id, uri] }), `deliver ${id}`),
    object: (from: Account, id: bigint, reason: string) =>
      work(from, encodeFunctionData({ abi: workAbi, functionName: "object", args: [id, reason] }), `object ${id}`),
    settle: (from: Account, id: bigint) =>
      work(from, encodeFunctionData({ abi: workAbi, functionName: "settle", args: [id] }), `settle ${id}`),
    balanceOf: (account: Address) => encodeFunctionData({ abi: sharesAbi, functionName: "balanceOf", args: [account] }),
    ragequit: (from: Account, shares: bigint, forVotes: bigint[]) =>
      call(
        from,
        modules.treasury,
        encodeFunctionData({ abi: treasuryAbi, functionName: "ragequit", args: [shares, [token], forVotes] }),
        1_000_000n + 30_000n * BigInt(forVotes.length),
        "ragequit",
      ),
  };
}

export type Txs = ReturnType<typeof txsFor>;

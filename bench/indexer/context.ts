/** What the waves of the history share: the chain, the collective, its members, the plan. */
import { numberToHex, parseEventLogs, type Abi, type Address, type RpcLog } from "viem";
import type { CollectiveModules } from "@rhizome/contracts";
import type { Random, Txs } from "./actions.js";
import type { BenchAccount, BenchChain } from "./chain.js";

export interface Member {
  account: BenchAccount;
  active: boolean;
  /** Delegated their votes away: no weight of their own to propose or object with. */
  delegated: boolean;
  /** Proposals voted for since the last release, in voting order: what ragequit must name. */
  forVotes: bigint[];
}

export interface Plan {
  waves: number;
  proposalsPerWave: number;
  votersPerProposal: number;
  applicantsPerWave: number;
  workPackagesPerWave: number;
  itemsPerPackage: number;
  exitsPerWave: number;
  votingPeriod: number;
  reviewWindow: number;
  timelockDelay: number;
  /** Votes come in this many bursts spread over the voting period (1: all at its start). */
  voteBursts?: number;
  /** Members depositing ETH, and members depositing the token, in a wave (40 and 10). */
  ethDepositsPerWave?: number;
  tokenDepositsPerWave?: number;
  /** Members updating their profile in a wave (10). */
  profilesPerWave?: number;
}

export interface Context {
  chain: BenchChain;
  modules: CollectiveModules;
  tx: Txs;
  rng: Random;
  plan: Plan;
  /** Sends the permissionless transactions: queue, execute, settle. */
  keeper: BenchAccount;
  members: Member[];
  byAddress: Map<string, Member>;
  /** Disputed work items, resolved by proposals of the next wave. */
  disputed: bigint[];
  /** Proposals whose outcome differed from what their votes aimed at (weights decide). */
  surprises: number;
}

export const REASONS = ["Fair price", "Not now", "We need this", "Too expensive", "Good work", "Unclear scope"];

/** Events of `abi` that `address` emitted in `blocks`. */
export async function events<const A extends Abi>(chain: BenchChain, abi: A, address: Address, blocks: number[]) {
  const logs = await chain.request<RpcLog[]>("eth_getLogs", [
    { address, fromBlock: numberToHex(Math.min(...blocks)), toBlock: numberToHex(Math.max(...blocks)) },
  ]);
  return parseEventLogs({ abi, logs });
}

/** Active members who vote with their own shares: they can propose, object and take work. */
export const weighty = (ctx: Context) => ctx.members.filter((m) => m.active && !m.delegated);

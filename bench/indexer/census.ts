/**
 * What the chain holds, read straight from eth_getLogs the way the indexer selects it (the
 * factory, every module of the collective, ERC-20 transfers into its treasury): events by kind,
 * and the row counts the projections must end up with.
 */
import { decodeEventLog, erc20Abi, encodeEventTopics, getAddress, numberToHex, pad, zeroAddress } from "viem";
import type { Abi, Address, Hex } from "viem";
import {
  collectiveFactoryAbi,
  collectiveGovernorAbi,
  collectiveTimelockAbi,
  sharesAbi,
  treasuryAbi,
  workAbi,
  type CollectiveModules,
} from "@rhizome/contracts";
import type { BenchChain } from "./chain.js";

/** The tables the completeness check counts. */
export const CHECKED_TABLES = ["proposals", "votes", "work_items", "ragequits", "members", "share_events"] as const;
export type CheckedTable = (typeof CHECKED_TABLES)[number];

export interface Census {
  fromBlock: number;
  toBlock: number;
  /** Events by `module.EventName`. */
  byKind: Record<string, number>;
  total: number;
  /** Rows each checked table must hold. */
  expected: Record<CheckedTable, number>;
}

interface RawLog {
  address: Address;
  topics: Hex[];
  data: Hex;
}

const TRANSFER = encodeEventTopics({ abi: erc20Abi, eventName: "Transfer" })[0] as Hex;
/** Blocks in one eth_getLogs of the census, unless told: the dense history's blocks are busy. */
const STEP = 100;

export async function takeCensus(
  chain: BenchChain,
  where: {
    factory: Address;
    /** The collective's modules, or those of every collective of the history. */
    modules: CollectiveModules | readonly CollectiveModules[];
    fromBlock: number;
    toBlock: number;
    /** Blocks per eth_getLogs (100). */
    step?: number;
  },
): Promise<Census> {
  const collectives = Array.isArray(where.modules) ? where.modules : [where.modules as CollectiveModules];
  const sources = new Map<string, [string, Abi]>([[where.factory.toLowerCase(), ["factory", collectiveFactoryAbi]]]);
  for (const modules of collectives) {
    sources.set(modules.shares.toLowerCase(), ["shares", sharesAbi]);
    sources.set(modules.governor.toLowerCase(), ["governor", collectiveGovernorAbi]);
    sources.set(modules.timelock.toLowerCase(), ["timelock", collectiveTimelockAbi]);
    sources.set(modules.treasury.toLowerCase(), ["treasury", treasuryAbi]);
    sources.set(modules.work.toLowerCase(), ["work", workAbi]);
  }
  const addresses = [where.factory, ...collectives.flatMap((modules) => Object.values(modules) as Address[])];
  const treasuries = collectives.map((modules) => pad(modules.treasury));
  const step = where.step ?? STEP;
  const byKind: Record<string, number> = {};
  /** A member row is one account in one collective (its shares module here). */
  const members = new Set<string>();
  const count = (kind: string) => (byKind[kind] = (byKind[kind] ?? 0) + 1);
  for (let from = where.fromBlock; from <= where.toBlock; from += step) {
    const range = { fromBlock: numberToHex(from), toBlock: numberToHex(Math.min(where.toBlock, from + step - 1)) };
    const [own, deposits] = await Promise.all([
      chain.request<RawLog[]>("eth_getLogs", [{ ...range, address: addresses }]),
      chain.request<RawLog[]>("eth_getLogs", [{ ...range, topics: [TRANSFER, null, treasuries] }]),
    ]);
    for (const log of own) {
      const [source, abi] = sources.get(log.address.toLowerCase()) ?? ["?", []];
      let decoded: { eventName: string; args: unknown };
      try {
        decoded = decodeEventLog({ abi, data: log.data, topics: log.topics as [Hex, ...Hex[]] });
      } catch {
        count(`${source}.(undecodable)`);
        continue;
      }
      count(`${source}.${decoded.eventName}`);
      if (source === "shares") {
        memberOf(decoded as { eventName: string; args: Record<string, unknown> }, log.address, members);
      }
    }
    for (const log of deposits) if (!sources.has(log.address.toLowerCase())) count("token.Transfer");
  }
  const n = (kind: string) => byKind[kind] ?? 0;
  return {
    fromBlock: where.fromBlock,
    toBlock: where.toBlock,
    byKind: Object.fromEntries(Object.entries(byKind).sort(([a], [b]) => a.localeCompare(b))),
    total: Object.entries(byKind)
      .filter(([kind]) => !kind.endsWith("(undecodable)"))
      .reduce((sum, [, c]) => sum + c, 0),
    expected: {
      proposals: n("governor.ProposalCreated"),
      votes: n("governor.VoteCast") + n("governor.VoteCastWithParams"),
      work_items: n("work.WorkCommissioned"),
      ragequits: n("treasury.Ragequit"),
      members: members.size,
      share_events: n("shares.Transfer"),
    },
  };
}

/** The accounts a shares event gives a member row: holders, delegators, delegates, profiles. */
function memberOf(
  event: { eventName: string; args: Record<string, unknown> },
  shares: Address,
  members: Set<string>,
): void {
  const a = event.args;
  const accounts: unknown[] =
    event.eventName === "Transfer"
      ? [a.from === zeroAddress ? a.to : a.from]
      : event.eventName === "DelegateChanged"
        ? [a.delegator]
        : event.eventName === "DelegateVotesChanged"
          ? [a.delegate]
          : event.eventName === "ProfileSet"
            ? [a.member]
            : [];
  for (const account of accounts) {
    if (typeof account === "string" && account !== zeroAddress)
      members.add(`${shares.toLowerCase()}:${getAddress(account)}`);
  }
}

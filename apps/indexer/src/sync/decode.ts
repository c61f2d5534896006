/**
 * Turns raw logs into typed events of Rhizome's modules, told apart by the address that emitted
 * them, plus ERC-20 deposits into a treasury (a token's Transfer whose recipient is a treasury).
 */
import {
  decodeEventLog,
  erc20Abi,
  getAddress,
  toEventSelector,
  type Abi,
  type AbiEvent,
  type Address,
  type Hex,
} from "viem";
import {
  collectiveFactoryAbi,
  collectiveGovernorAbi,
  collectiveTimelockAbi,
  sharesAbi,
  treasuryAbi,
  workAbi,
} from "@rhizome/contracts";
import type { Registry } from "./registry.js";
import type { RawLog } from "./rpc.js";

const abis = {
  factory: collectiveFactoryAbi,
  shares: sharesAbi,
  governor: collectiveGovernorAbi,
  timelock: collectiveTimelockAbi,
  treasury: treasuryAbi,
  work: workAbi,
  token: erc20Abi,
} as const;

export type Source = keyof typeof abis;

/** Each source's events by topic0, so a log is decoded against its one event, not the whole ABI. */
const eventsByTopic = Object.fromEntries(
  Object.entries(abis).map(([source, abi]) => [
    source,
    new Map(
      (abi as Abi)
        .filter((item): item is AbiEvent => item.type === "event")
        .map((event) => [toEventSelector(event), [event] as const]),
    ),
  ]),
) as Record<Source, Map<Hex, readonly [AbiEvent]>>;

const checksummed = new Map<string, Address>();
/** getAddress hashes; the same few contracts emit every log, so remember their checksums. */
function checksum(address: string): Address {
  let known = checksummed.get(address);
  if (!known) {
    known = getAddress(address);
    checksummed.set(address, known);
  }
  return known;
}

/** A decoded event with where and when it happened. */
export interface IndexedEvent {
  source: Source;
  /** The collective (its governor's address); for the factory, the new collective. */
  collective: Address;
  address: Address;
  eventName: string;
  args: Record<string, unknown>;
  blockNumber: number;
  logIndex: number;
  timestamp: number;
  txHash: Hex;
}

/**
 * Decodes `logs` in chain order. Logs of events this indexer does not project, and anything
 * that does not decode, are skipped: a contract may emit events the projections do not need.
 */
export function decodeLogs(logs: RawLog[], registry: Registry, timestamps: Map<number, number>): IndexedEvent[] {
  const events: IndexedEvent[] = [];
  const sorted = [...logs].sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
  for (const log of sorted) {
    const blockNumber = Number(log.blockNumber);
    let source: Source;
    let collective: Address;
    if (log.address.toLowerCase() === registry.factory.toLowerCase()) {
      source = "factory";
      collective = checksum(`0x${(log.topics[2] ?? "").slice(26)}`);
    } else {
      const known = registry.lookup(log.address);
      if (known) {
        source = known.module;
        collective = known.collective;
      } else {
        const treasury = registry.lookup(`0x${(log.topics[2] ?? "").slice(26)}`);
        if (!treasury || treasury.module !== "treasury") continue;
        source = "token";
        collective = treasury.collective;
      }
    }
    const event = log.topics[0] ? eventsByTopic[source].get(log.topics[0]) : undefined;
    if (!event) continue;
    let decoded: { eventName: string; args: unknown };
    try {
      decoded = decodeEventLog({ abi: event, data: log.data, topics: log.topics as [Hex, ...Hex[]] });
    } catch {
      continue;
    }
    events.push({
      source,
      collective,
      address: checksum(log.address),
      eventName: decoded.eventName,
      args: decoded.args as Record<string, unknown>,
      blockNumber,
      logIndex: log.logIndex,
      timestamp: log.blockTimestamp !== undefined ? Number(log.blockTimestamp) : (timestamps.get(blockNumber) ?? 0),
      txHash: log.transactionHash,
    });
  }
  return events;
}

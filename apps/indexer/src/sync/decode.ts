/**
 * Turns raw logs into typed events of Rhizome's modules, told apart by the address that emitted
 * them, plus ERC-20 deposits into a treasury (a token's Transfer whose recipient is a treasury).
 */
import {
  decodeAbiParameters,
  erc20Abi,
  getAddress,
  toEventSelector,
  type Abi,
  type AbiEvent,
  type AbiParameter,
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

/** Each source's ABI: the modules', the factory's, and ERC-20 for deposits into treasuries. */
export const SOURCE_ABIS = {
  factory: collectiveFactoryAbi,
  shares: sharesAbi,
  governor: collectiveGovernorAbi,
  timelock: collectiveTimelockAbi,
  treasury: treasuryAbi,
  work: workAbi,
  token: erc20Abi,
} as const;

export type Source = keyof typeof SOURCE_ABIS;

/** An event's inputs split as a log carries them: the indexed ones in topics 1-3, the rest as data. */
interface EventLayout {
  name: string;
  indexed: readonly AbiParameter[];
  data: readonly AbiParameter[];
}

/** Each source's events by topic0, so a log is decoded against its one event, not the whole ABI. */
const eventsByTopic = Object.fromEntries(
  Object.entries(SOURCE_ABIS).map(([source, abi]) => [
    source,
    new Map(
      (abi as Abi)
        .filter((item): item is AbiEvent => item.type === "event")
        .map((event): [Hex, EventLayout] => [
          toEventSelector(event),
          {
            name: event.name,
            indexed: event.inputs.filter((input) => input.indexed),
            data: event.inputs.filter((input) => !input.indexed),
          },
        ]),
    ),
  ]),
) as Record<Source, Map<Hex, EventLayout>>;

/** An indexed input whose topic is the hash of its value, not the value: strings, bytes, arrays, tuples. */
const hashedInTopic = (input: AbiParameter) =>
  input.type === "string" || input.type === "bytes" || input.type.endsWith("]") || input.type === "tuple";

/**
 * A log's arguments by name, as viem's decodeEventLog gives them, from the event's layout found
 * by topic0: the data decoded by viem's decodeAbiParameters, an indexed address read from its
 * topic (through the checksum cache), any other indexed value decoded from its topic, and a
 * hashed one left as its topic. Without looking the event up and re-checking its selector for
 * every log, this takes half decodeEventLog's time on the votes that make most of a history.
 */
function decodeArgs(layout: EventLayout, topics: readonly Hex[], data: Hex): Record<string, unknown> {
  if (topics.length !== layout.indexed.length + 1) throw new Error(`${layout.name}: wrong number of topics`);
  const args: Record<string, unknown> = {};
  layout.indexed.forEach((input, i) => {
    const topic = topics[i + 1] as Hex;
    args[input.name ?? String(i)] =
      input.type === "address"
        ? checksum(`0x${topic.slice(26)}`)
        : hashedInTopic(input)
          ? topic
          : decodeAbiParameters([input], topic)[0];
  });
  if (layout.data.length > 0) {
    const values = decodeAbiParameters(layout.data, data);
    layout.data.forEach((input, i) => (args[input.name ?? String(i)] = storable(values[i])));
  }
  return args;
}

/**
 * A decoded value as Postgres can store it: a NUL character (which anyone can put in an
 * application's pitch or a collective's name, and which Postgres refuses in text and JSON)
 * becomes U+FFFD, the replacement character viem already puts where bytes are not UTF-8.
 * Strings inside arrays and tuples too; everything else as it is.
 */
export function storable(value: unknown): unknown {
  if (typeof value === "string") return value.includes("\u0000") ? value.replaceAll("\u0000", "\uFFFD") : value;
  if (Array.isArray(value)) return value.some((item) => typeof item !== "bigint") ? value.map(storable) : value;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, storable(item)]));
  }
  return value;
}

const checksummed = new Map<string, Address>();
/** getAddress hashes; the same contracts emit every log and the same members vote, so remember their checksums. */
function checksum(address: string): Address {
  let known = checksummed.get(address);
  if (!known) {
    // Voters' addresses come through here too: keep the memory bounded on a chain with many.
    if (checksummed.size >= 100_000) checksummed.clear();
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
 * Decodes `logs` in chain order. Logs of events this indexer does not project are skipped: a
 * contract may emit events the projections do not need. A log with a known event's topic that
 * does not decode as that event (anyone can emit a Transfer of another shape into a treasury) is
 * skipped too, and told to `onUndecodable`. A log the RPC returned twice (some providers' load
 * balancers do) is taken once.
 */
export function decodeLogs(
  logs: RawLog[],
  registry: Registry,
  timestamps: Map<number, number>,
  onUndecodable?: (log: RawLog, error: unknown) => void,
): IndexedEvent[] {
  const events: IndexedEvent[] = [];
  const sorted = [...logs].sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
  let previous: RawLog | undefined;
  for (const log of sorted) {
    if (previous && previous.blockNumber === log.blockNumber && previous.logIndex === log.logIndex) continue;
    previous = log;
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
    const layout = log.topics[0] ? eventsByTopic[source].get(log.topics[0]) : undefined;
    if (!layout) continue;
    let args: Record<string, unknown>;
    try {
      args = decodeArgs(layout, log.topics, log.data);
    } catch (error) {
      onUndecodable?.(log, error);
      continue;
    }
    events.push({
      source,
      collective,
      address: checksum(log.address),
      eventName: layout.name,
      args,
      blockNumber,
      logIndex: log.logIndex,
      timestamp: log.blockTimestamp !== undefined ? Number(log.blockTimestamp) : (timestamps.get(blockNumber) ?? 0),
      txHash: log.transactionHash,
    });
  }
  return events;
}

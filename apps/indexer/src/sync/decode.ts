/**
 * Turns raw logs into typed events of Rhizome's modules, told apart by the address that emitted
 * them, plus ERC-20 deposits into a treasury (a token's Transfer whose recipient is a treasury).
 * An event's type comes from its source's ABI, so a projection reads its arguments by name and
 * type, and an event changed in a contract fails to compile where it is read.
 */
import {
  erc20Abi,
  getAddress,
  toEventSelector,
  type Abi,
  type AbiEvent,
  type AbiParameter,
  type AbiParameterToPrimitiveType,
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
import { decodeData } from "./abi-data.js";
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
 * by topic0: the data decoded as viem's decodeAbiParameters does (abi-data.ts), an indexed
 * address read from its topic (through the checksum cache), any other indexed value decoded from
 * its topic, and a hashed one left as its topic. Without looking the event up and re-checking its
 * selector for every log, this takes half decodeEventLog's time on the votes that make most of a
 * history.
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
          : decodeData([input], topic, checksum)[0];
  });
  if (layout.data.length > 0) {
    const values = decodeData(layout.data, data, checksum);
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

/** Where and when an event happened, and whose it is: the same for every event. */
interface EventPosition {
  /** The collective (its governor's address); for the factory, the new collective. */
  collective: Address;
  address: Address;
  blockNumber: number;
  logIndex: number;
  timestamp: number;
  txHash: Hex;
}

/** The ABI items of a source's events. */
type AbiEventOf<S extends Source> = Extract<(typeof SOURCE_ABIS)[S][number], { type: "event" }>;

/** The names of a source's events (of every source's, for `Source`). */
export type EventName<S extends Source = Source> = AbiEventOf<S>["name"];

/** Types whose indexed value a log carries as its hash, as `hashedInTopic` finds them. */
type HashedInTopic = "string" | "bytes" | "tuple" | `${string}]`;

/** An input's value as decodeArgs gives it: viem's type for it, except a hashed indexed input, which stays its topic. */
type InputValue<P extends AbiParameter> = P extends { indexed: true; type: HashedInTopic }
  ? Hex
  : AbiParameterToPrimitiveType<P, "outputs">;

/**
 * Each event of a source, one member of the union per event, told apart by `eventName`, with its
 * arguments by name, every one of them there (written out here, so that an editor shows them).
 */
type EventsOf<S extends Source, E = AbiEventOf<S>> = E extends AbiEvent
  ? EventPosition & {
      source: S;
      eventName: E["name"];
      args: { readonly [P in E["inputs"][number] as Extract<P["name"], string>]: InputValue<P> };
    }
  : never;

type EventsBySource = { [S in Source]: EventsOf<S> };

/**
 * A decoded event with where and when it happened: a union told apart by `source`, then by
 * `eventName`, whose `args` are the event's as its source's ABI declares them. `IndexedEvent<"work">`
 * is any of the work module's events, `IndexedEvent<"work", "WorkTaken">` that one.
 */
export type IndexedEvent<S extends Source = Source, N extends EventName<S> = EventName<S>> = Extract<
  EventsBySource[S],
  { eventName: N }
>;

/** A log's event and arguments, decoded by the layout its topic0 names. */
interface Decoded {
  layout: EventLayout;
  args: Record<string, unknown>;
}

/** The layout of the event a log of `source` carries; an error if none of the source's events has its topic0. */
function layoutOf(source: Source, log: RawLog): EventLayout {
  const topic0 = log.topics[0];
  const layout = topic0 ? eventsByTopic[source].get(topic0) : undefined;
  // A contract's ABI lists every event it can emit: a topic0 that is none of them is an anonymous
  // event or a contract other than the one this indexer was built with, which must not pass unseen.
  if (!layout) throw new Error(`no event of ${source} has topic0 ${topic0 ?? "(none: an anonymous log)"}`);
  return layout;
}

/**
 * The factory's logs already decoded, by the log: fetchLogs decodes them first to find the
 * collectives a range creates, and decodeLogs takes their decoding (or the error) from here rather
 * than decoding them again. Weak, so that a range's logs forgotten are decodings forgotten; a copy
 * of a log is not found here, and is decoded as any other.
 */
const decodedFactoryLogs = new WeakMap<RawLog, Decoded | { error: unknown }>();

/** A factory log decoded, once: the first call decodes it, a later one reads what the first found. */
function decodeFactoryLog(log: RawLog): Decoded {
  let decoded = decodedFactoryLogs.get(log);
  if (!decoded) {
    try {
      const layout = layoutOf("factory", log);
      decoded = { layout, args: decodeArgs(layout, log.topics, log.data) };
    } catch (error) {
      decoded = { error };
    }
    decodedFactoryLogs.set(log, decoded);
  }
  if ("error" in decoded) throw decoded.error;
  return decoded;
}

/**
 * The collectives the factory's `logs` create (their CollectiveCreated events' arguments), for
 * fetchLogs to ask for their modules' logs in the same range. Each log's decoding is kept for
 * decodeLogs; a log that does not decode is left out here and reported when decodeLogs meets it.
 */
export function collectivesCreated(logs: readonly RawLog[]): IndexedEvent<"factory", "CollectiveCreated">["args"][] {
  const created: IndexedEvent<"factory", "CollectiveCreated">["args"][] = [];
  for (const log of logs) {
    let decoded: Decoded;
    try {
      decoded = decodeFactoryLog(log);
    } catch {
      continue;
    }
    // decodeArgs built the arguments from this event's ABI inputs: they have the shape its type says.
    if (decoded.layout.name === "CollectiveCreated")
      created.push(decoded.args as IndexedEvent<"factory", "CollectiveCreated">["args"]);
  }
  return created;
}

/** Logs decodeLogs found undecodable since the process started, for the metrics (which read it when scraped). */
let undecodableLogs = 0;
export const undecodableLogCount = (): number => undecodableLogs;

/**
 * Decodes `logs` in chain order. A log that does not decode is skipped, counted and told to
 * `onUndecodable`, never passed over silently: one whose topic0 is none of its source's events
 * (a module emitting an event its ABI lacks), one with a known event's topic that does not decode
 * as that event (anyone can emit a Transfer of another shape into a treasury), and one from no
 * contract the registry knows that is not a Transfer into a treasury either. A log the RPC
 * returned twice (some providers' load balancers do) is taken once.
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
    let layout: EventLayout;
    let args: Record<string, unknown>;
    try {
      if (log.address.toLowerCase() === registry.factory.toLowerCase()) {
        source = "factory";
        collective = checksum(`0x${(log.topics[2] ?? "").slice(26)}`);
        ({ layout, args } = decodeFactoryLog(log));
      } else {
        const known = registry.lookup(log.address);
        if (known) {
          source = known.module;
          collective = known.collective;
        } else {
          const treasury = registry.lookup(`0x${(log.topics[2] ?? "").slice(26)}`);
          if (!treasury || treasury.module !== "treasury") {
            throw new Error(
              `${log.address} is no module the registry knows, and its log is no transfer into a treasury`,
            );
          }
          source = "token";
          collective = treasury.collective;
        }
        layout = layoutOf(source, log);
        args = decodeArgs(layout, log.topics, log.data);
      }
    } catch (error) {
      undecodableLogs++;
      onUndecodable?.(log, error);
      continue;
    }
    // decodeArgs built the arguments from the ABI inputs of the event the source's topic0 names,
    // so the event has the shape IndexedEvent gives that source's event of that name.
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
    } as IndexedEvent);
  }
  return events;
}

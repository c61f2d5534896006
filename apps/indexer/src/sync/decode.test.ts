/**
 * Decoding logs into typed events, on logs built here with viem's encoders from the contracts'
 * own ABIs: the arguments by name and type, a log the RPC returned twice taken once, a factory log
 * decoded once, NUL characters made storable, and every log that does not decode reported rather
 * than passed over. Pure functions, no chain: the same checks on a real history are in
 * test/indexer/decode.test.ts.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  encodeAbiParameters,
  encodeEventTopics,
  erc20Abi,
  getAbiItem,
  getAddress,
  pad,
  toEventSelector,
  type Abi,
  type Address,
  type Hex,
} from "viem";
import { collectiveFactoryAbi, collectiveGovernorAbi, sharesAbi } from "@rhizome/contracts";
import { collectivesCreated, decodeLogs, undecodableLogCount, type IndexedEvent } from "./decode.js";
import { Registry } from "./registry.js";
import type { RawLog } from "./rpc.js";

/** An address made of a number, checksummed as decoding gives addresses. */
const at = (n: number): Address => getAddress(`0x${n.toString(16).padStart(40, "0")}`);
const FACTORY = at(0xf0);
const MODULES = { governor: at(0x10), shares: at(0x11), timelock: at(0x12), treasury: at(0x13), work: at(0x14) };
const ALICE = at(0xa11ce);
const TOKEN = at(0x70c);

function registry(): Registry {
  const known = new Registry(FACTORY);
  known.add(MODULES);
  return known;
}

/** A log as the RPC gives it; encodeEventTopics leaves no topic out when every indexed argument is given. */
function rawLog(address: Address, topics: readonly (Hex | Hex[] | null)[], data: Hex, logIndex = 0): RawLog {
  return {
    address,
    topics: topics.filter((topic): topic is Hex => typeof topic === "string"),
    data,
    blockNumber: 5n,
    blockHash: pad("0xb0"),
    logIndex,
    transactionHash: pad("0x7a"),
    blockTimestamp: 1_700_000_000n,
  };
}

/** An event's inputs that a log carries in its data, in order. */
function dataInputs(abi: Abi, name: string) {
  const event = abi.find((item) => item.type === "event" && item.name === name);
  if (event?.type !== "event") throw new Error(`No event ${name}`);
  return event.inputs.filter((input) => !input.indexed);
}

function voteCast(reason: string, logIndex = 0): RawLog {
  return rawLog(
    MODULES.governor,
    encodeEventTopics({ abi: collectiveGovernorAbi, eventName: "VoteCast", args: { voter: ALICE } }),
    encodeAbiParameters(dataInputs(collectiveGovernorAbi, "VoteCast"), [7n, 1, 10n, reason]),
    logIndex,
  );
}

function collectiveCreated(name: string, principles: string[]): RawLog {
  const settings = getAbiItem({ abi: collectiveFactoryAbi, name: "CollectiveCreated" }).inputs[7].components;
  return rawLog(
    FACTORY,
    encodeEventTopics({
      abi: collectiveFactoryAbi,
      eventName: "CollectiveCreated",
      args: { id: 1n, governor: MODULES.governor, creator: ALICE },
    }),
    encodeAbiParameters(dataInputs(collectiveFactoryAbi, "CollectiveCreated"), [
      MODULES,
      name,
      "MYC",
      principles,
      Object.fromEntries(settings.map((input, i) => [input.name, input.type === "uint64" ? BigInt(i) : i])),
    ]),
  );
}

/** Decodes `logs` against the test registry, collecting what is reported undecodable. */
function decode(logs: RawLog[]) {
  const undecodable: { log: RawLog; error: unknown }[] = [];
  const events = decodeLogs(logs, registry(), new Map(), (log, error) => undecodable.push({ log, error }));
  return { events, undecodable };
}

describe("decoding logs", () => {
  it("gives a module's event its source, name and arguments, typed from its ABI", () => {
    const { events, undecodable } = decode([voteCast("yes")]);
    expect(undecodable).toEqual([]);
    const [event] = events;
    if (event?.source !== "governor" || event.eventName !== "VoteCast") throw new Error("Not a VoteCast");
    expect(event).toEqual({
      source: "governor",
      eventName: "VoteCast",
      collective: MODULES.governor,
      address: MODULES.governor,
      args: { voter: ALICE, proposalId: 7n, support: 1, weight: 10n, reason: "yes" },
      blockNumber: 5,
      logIndex: 0,
      timestamp: 1_700_000_000,
      txHash: pad("0x7a"),
    });
    // Narrowed by source and name, the arguments have the ABI's types: uint8 as a number, uint256 as a bigint.
    expectTypeOf(event.args).toEqualTypeOf<{
      readonly voter: Address;
      readonly proposalId: bigint;
      readonly support: number;
      readonly weight: bigint;
      readonly reason: string;
    }>();
    expectTypeOf<IndexedEvent<"shares", "ApplicationSubmitted">["args"]>().toEqualTypeOf<{
      readonly applicationId: bigint;
      readonly applicant: Address;
      readonly requestedShares: bigint;
      readonly pitch: string;
    }>();
  });

  it("takes an ERC-20 Transfer into a treasury as a deposit of that treasury's collective", () => {
    const transfer = rawLog(
      TOKEN,
      encodeEventTopics({ abi: erc20Abi, eventName: "Transfer", args: { from: ALICE, to: MODULES.treasury } }),
      encodeAbiParameters(dataInputs(erc20Abi, "Transfer"), [5n]),
    );
    const { events, undecodable } = decode([transfer]);
    expect(undecodable).toEqual([]);
    expect(events).toMatchObject([
      {
        source: "token",
        eventName: "Transfer",
        collective: MODULES.governor,
        address: TOKEN,
        args: { from: ALICE, to: MODULES.treasury, value: 5n },
      },
    ]);
  });

  it("takes a log the RPC returned twice once, and sorts logs in chain order", () => {
    const first = voteCast("first", 1);
    const second = voteCast("second", 2);
    const { events } = decode([second, { ...first }, first, { ...second }]);
    expect(events.map((event) => event.logIndex)).toEqual([1, 2]);
  });

  it("decodes a factory's log once: fetchLogs's decoding is the one decodeLogs gives", () => {
    const log = collectiveCreated("Mycel", ["Care"]);
    const [created] = collectivesCreated([log]);
    expect(created?.modules).toEqual(MODULES);
    const [event] = decode([log]).events;
    if (event?.source !== "factory" || event.eventName !== "CollectiveCreated") throw new Error("Not created");
    expect(event.collective).toBe(MODULES.governor);
    // The same object: decodeLogs took it from the first decoding instead of decoding again.
    expect(event.args).toBe(created);
    // A copy of the log is not the log: decoded again, to the same arguments.
    const [copy] = decode([{ ...log }]).events;
    expect(copy?.args).not.toBe(created);
    expect(copy?.args).toEqual(created);
  });

  it("replaces NUL characters, which Postgres refuses in text, in strings and in arrays of them", () => {
    const [vote] = decode([voteCast("yes\u0000")]).events;
    expect(vote?.args).toMatchObject({ reason: "yes\uFFFD" });
    const [created] = decode([collectiveCreated("My\u0000cel", ["Care\u0000", "Craft"])]).events;
    expect(created?.args).toMatchObject({ name: "My\uFFFDcel", principles: ["Care\uFFFD", "Craft"] });
  });
});

describe("logs that do not decode", () => {
  it("reports a Transfer into a treasury in another shape (ERC-721's, with the value indexed)", () => {
    const nft = rawLog(
      TOKEN,
      [
        toEventSelector("event Transfer(address indexed, address indexed, uint256 indexed)"),
        pad(ALICE),
        pad(MODULES.treasury),
        pad("0x07"),
      ],
      "0x",
    );
    const before = undecodableLogCount();
    const { events, undecodable } = decode([nft, voteCast("yes", 1)]);
    expect(events.map((event) => event.eventName)).toEqual(["VoteCast"]);
    expect(undecodable.map(({ log }) => log)).toEqual([nft]);
    expect(String(undecodable[0]?.error)).toMatch(/Transfer: wrong number of topics/);
    expect(undecodableLogCount()).toBe(before + 1);
  });

  it("reports a module's log whose topic0 is none of its module's events", () => {
    const unknown = toEventSelector("event Surprise(uint256)");
    const log = rawLog(MODULES.shares, [unknown], encodeAbiParameters([{ type: "uint256" }], [1n]));
    const { events, undecodable } = decode([log]);
    expect(events).toEqual([]);
    expect(undecodable).toHaveLength(1);
    expect(String(undecodable[0]?.error)).toContain(`no event of shares has topic0 ${unknown}`);
  });

  it("reports an event of another module's ABI: the topic names an event, but not one this module emits", () => {
    // ApplicationSubmitted is the shares module's; the work module cannot have emitted it.
    const log = rawLog(
      MODULES.work,
      encodeEventTopics({
        abi: sharesAbi,
        eventName: "ApplicationSubmitted",
        args: { applicationId: 1n, applicant: ALICE },
      }),
      encodeAbiParameters(dataInputs(sharesAbi, "ApplicationSubmitted"), [5n, "hello"]),
    );
    const { undecodable } = decode([log]);
    expect(String(undecodable[0]?.error)).toMatch(/no event of work has topic0 0x/);
  });

  it("reports a log from no known contract that is no transfer into a treasury", () => {
    const stray = voteCast("yes");
    const { events, undecodable } = decode([{ ...stray, address: at(0xdead) }]);
    expect(events).toEqual([]);
    expect(String(undecodable[0]?.error)).toMatch(/no module the registry knows/);
  });

  it("reports a factory log that does not decode when decodeLogs meets it, not when fetchLogs reads it", () => {
    const truncated: Hex = "0x1234";
    const broken = { ...collectiveCreated("Mycel", ["Care"]), data: truncated };
    const before = undecodableLogCount();
    expect(collectivesCreated([broken])).toEqual([]);
    expect(undecodableLogCount()).toBe(before);
    const { events, undecodable } = decode([broken]);
    expect(events).toEqual([]);
    expect(undecodable.map(({ log }) => log)).toEqual([broken]);
    expect(undecodableLogCount()).toBe(before + 1);
  });
});

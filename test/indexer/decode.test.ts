/**
 * The indexer's log decoding, checked against viem's decodeEventLog on every log of a real
 * collective's history: the same event names and the same arguments, nothing skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeEventLog, type Abi, type Hex } from "viem";
import { createRpc } from "@rhizome/indexer";
import { decodeLogs, SOURCE_ABIS, type IndexedEvent, type Source } from "../../apps/indexer/src/sync/decode.js";
import { fetchLogs } from "../../apps/indexer/src/sync/logs.js";
import { Registry } from "../../apps/indexer/src/sync/registry.js";
import type { RawLog } from "../../apps/indexer/src/sync/rpc.js";
import { collectiveFixture, type Fixture } from "../helpers/collective.js";
import { buildHistory } from "../helpers/history.js";
import { serveProvider, type RpcServer } from "../helpers/rpc-server.js";

const ABIS: Record<Source, Abi> = SOURCE_ABIS;

describe("decoding logs", () => {
  let f: Fixture;
  let rpc: RpcServer;
  let logs: RawLog[];
  let events: IndexedEvent[];

  beforeAll(async () => {
    f = await collectiveFixture();
    await buildHistory(f);
    rpc = await serveProvider(f.connection.provider);
    const client = createRpc(rpc.url);
    const registry = new Registry(f.deployment.factory);
    const head = await client.head();
    logs = await fetchLogs(client, registry, f.deployment.factory, { fromBlock: 0, toBlock: head });
    events = decodeLogs(logs, registry, new Map());
  });
  afterAll(async () => {
    await rpc?.close();
  });

  it("decodes every log of the history as viem's decodeEventLog does", async () => {
    const byPosition = new Map(logs.map((log) => [`${log.blockNumber}:${log.logIndex}`, log]));
    expect(events.length).toBeGreaterThan(100);
    for (const event of events) {
      const log = byPosition.get(`${event.blockNumber}:${event.logIndex}`);
      if (!log) throw new Error(`No log at ${event.blockNumber}:${event.logIndex}`);
      const expected = decodeEventLog({ abi: ABIS[event.source], data: log.data, topics: log.topics as [Hex] });
      expect({ eventName: event.eventName, args: event.args }, `${event.source}.${event.eventName}`).toEqual({
        eventName: expected.eventName,
        args: expected.args,
      });
    }
  });

  it("skips no log of an event the projections know", () => {
    const decodedAt = new Set(events.map((event) => `${event.blockNumber}:${event.logIndex}`));
    const known = new Set(
      Object.values(ABIS).flatMap((abi) => abi.filter((item) => item.type === "event").map((item) => item.name)),
    );
    const skipped = logs.filter((log) => !decodedAt.has(`${log.blockNumber}:${log.logIndex}`));
    // What fetchLogs returns is the factory's, the modules' and deposits into treasuries: all of them decode.
    expect(skipped.map((log) => log.topics[0])).toEqual([]);
    const kinds = new Set(events.map((event) => `${event.source}.${event.eventName}`));
    // The history holds every kind of event a collective's life makes.
    for (const kind of ["factory.CollectiveCreated", "governor.VoteCast", "work.WorkObjected", "token.Transfer"]) {
      expect(kinds, kind).toContain(kind);
    }
    expect([...kinds].every((kind) => known.has(kind.split(".")[1] ?? ""))).toBe(true);
  });

  it("skips a log whose topics do not fit its event, instead of failing the range", () => {
    const cast = events.find((event) => event.eventName === "VoteCast");
    const vote = logs.find(
      (log) => log.blockNumber === BigInt(cast?.blockNumber ?? -1) && log.logIndex === cast?.logIndex,
    );
    if (!vote) throw new Error("No VoteCast log");
    const registry = new Registry(f.deployment.factory);
    registry.add(f.modules);
    const broken = { ...vote, logIndex: vote.logIndex + 2, topics: vote.topics.slice(0, 1) };
    const malformed = { ...vote, logIndex: vote.logIndex + 1, data: "0x1234" as Hex };
    expect(decodeLogs([broken, malformed, vote], registry, new Map())).toHaveLength(1);
  });
});

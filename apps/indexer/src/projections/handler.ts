/**
 * What each module's projection provides the range's orchestration (apply.ts): the rows its
 * events will touch, so they are loaded in one query per table, and the change each event makes.
 * A handler takes its own source's events, typed from that source's ABI: it tells them apart by
 * `eventName`, and reads each one's arguments by name and type.
 */
import type { IndexedEvent, Source } from "../sync/decode.js";
import type { Registry } from "../sync/registry.js";
import type { Batch, Keys } from "./batch.js";

// Function properties rather than methods: TypeScript then checks a handler's events strictly
// (a method's parameters would be checked both ways, letting one source's handler pass for another's).
export interface Handler<S extends Source> {
  /** Adds the keys of the rows `event` changes to `keys`. */
  keys: (event: IndexedEvent<S>, keys: Keys) => void;
  /** Applies `event` to the batch; events the projections do not need are ignored. */
  apply: (batch: Batch, registry: Registry, event: IndexedEvent<S>) => void | Promise<void>;
}

/** Where and when an event happened, as the rows that accumulate (votes, flows…) record it. */
export function position(event: IndexedEvent) {
  return {
    blockNumber: event.blockNumber,
    logIndex: event.logIndex,
    timestamp: event.timestamp,
    txHash: event.txHash,
  };
}

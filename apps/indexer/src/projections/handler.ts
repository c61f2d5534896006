/**
 * What each module's projection provides the range's orchestration (apply.ts): the rows its
 * events will touch, so they are loaded in one query per table, and the change each event makes.
 */
import type { IndexedEvent } from "../sync/decode.js";
import type { Registry } from "../sync/registry.js";
import type { Batch, Keys } from "./batch.js";

/** An event's decoded arguments, read by name. */
export type Args = Record<string, unknown>;

export interface Handler {
  /** Adds the keys of the rows `event` changes to `keys`. */
  keys(event: IndexedEvent, keys: Keys): void;
  /** Applies `event` to the batch; events the projections do not need are ignored. */
  apply(batch: Batch, registry: Registry, event: IndexedEvent): void | Promise<void>;
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

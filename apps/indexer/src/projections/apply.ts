/**
 * Applies one range's decoded events to the projections, in chain order, inside the caller's
 * transaction: the rows the events touch are loaded together, each event changes the rows it
 * concerns through its module's handler, and the range is written in bulk.
 */
import type { IndexedEvent, Source } from "../sync/decode.js";
import type { Registry } from "../sync/registry.js";
import { Batch, type Keys } from "./batch.js";
import { factory } from "./factory.js";
import { governor } from "./governor.js";
import type { Handler } from "./handler.js";
import { recordOwnership } from "./ownership.js";
import { shares } from "./shares.js";
import { timelock } from "./timelock.js";
import { token, treasury } from "./treasury.js";
import { work } from "./work.js";

/**
 * The version of what the projections make of the chain. Raise it when a handler reads events
 * differently, so that an index written by the earlier handlers is rebuilt rather than mixed:
 * 1. a mint to an existing member is a grant, not an admission; admissions name the applicant.
 */
export const PROJECTION_VERSION = 1;

const handlers: Record<Source, Handler> = { factory, shares, governor, timelock, treasury, work, token };

/** Applies `events` and returns the collectives they touched. */
export async function applyEvents(tx: Batch["tx"], registry: Registry, events: IndexedEvent[]): Promise<Set<string>> {
  const batch = new Batch(tx);
  await batch.load(keysOf(events));
  // A collective's modules emit their set-up events before the factory announces it.
  for (const event of events) {
    if (event.source === "factory") await factory.apply(batch, registry, event);
  }
  for (const event of events) {
    if (event.source !== "factory") await handlers[event.source].apply(batch, registry, event);
  }
  await batch.flush();
  await recordOwnership(batch);
  return new Set(events.map((event) => event.collective));
}

function keysOf(events: IndexedEvent[]): Keys {
  const keys: Keys = {
    collectives: [...new Set(events.map((e) => e.collective))],
    members: [],
    proposals: [],
    workItems: [],
    applications: [],
    balances: [],
  };
  for (const event of events) handlers[event.source].keys(event, keys);
  return keys;
}

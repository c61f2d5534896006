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
 * 2. treasury balances summed from Transfer events are bounded and marked as reported or spam.
 * 3. proposals keep their own execution window; an execution whose calls reverted is `failed`.
 * 4. members' objections to queued proposals (the veto) and each collective's veto threshold.
 * 5. each collective's longest execution window ever, which bounds the state filters' ranges.
 * 6. counting rules (one member, one vote; two houses), members' votes and counts, network exits.
 * 7. a proposal that sets the veto threshold or the counting rule is a parameter change.
 * 8. releases of voters' for votes (ForVotesReleased), from which exit proofs are read.
 * 9. members' profiles carry a display name and a picture (ProfileSet); an empty field is none.
 */
export const PROJECTION_VERSION = 9;

/** Each source's handler, which takes that source's events only. */
const handlers: { [S in Source]: Handler<S> } = { factory, shares, governor, timelock, treasury, work, token };

/**
 * The handler of `source`. TypeScript cannot tie `handlers[event.source]` to `event` itself (it
 * would see any source's handler given any source's event): a generic lookup gives the handler of
 * the source it is given, which applyEvents calls with events of that source only.
 */
const handlerOf = <S extends Source>(source: S): Handler<S> => handlers[source];

/** An event a handler could not take: skipped, so that one bad event never stops the index. */
export interface SkippedEvent {
  event: IndexedEvent;
  error: unknown;
}

/** Applies `events`; returns the collectives they touched and the events that were skipped. */
export async function applyEvents(
  tx: Batch["tx"],
  registry: Registry,
  events: IndexedEvent[],
): Promise<{ touched: Set<string>; skipped: SkippedEvent[] }> {
  const skipped: SkippedEvent[] = [];
  const isolated = async (event: IndexedEvent, task: () => void | Promise<void>) => {
    try {
      await task();
    } catch (error) {
      skipped.push({ event, error });
    }
  };
  const batch = new Batch(tx);
  const keys: Keys = {
    collectives: [...new Set(events.map((e) => e.collective))],
    members: [],
    proposals: [],
    workItems: [],
    applications: [],
    balances: [],
  };
  for (const event of events) await isolated(event, () => handlerOf(event.source).keys(event, keys));
  await batch.load(keys);
  // A collective's modules emit their set-up events before the factory announces it.
  for (const event of events) {
    if (event.source === "factory") await isolated(event, () => factory.apply(batch, registry, event));
  }
  for (const event of events) {
    if (event.source !== "factory") await isolated(event, () => handlerOf(event.source).apply(batch, registry, event));
  }
  await batch.flush();
  await recordOwnership(batch);
  return { touched: new Set(events.map((event) => event.collective)), skipped };
}

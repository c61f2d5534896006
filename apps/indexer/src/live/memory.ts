/**
 * The live feed in one process: a ring buffer of the recent events. Its ids carry an epoch drawn
 * at start, so that an id from before a restart (whose events this process never had) is told
 * apart from one of its own: that client is reset, not sent someone else's events.
 */
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import type { Relay } from "@rhizome/client/schemas";
import type { Indexed } from "../indexer.js";
import type { IndexerEvents, Reorg } from "../routes/api/events.js";
import { emitEvent, KEPT_EVENTS, KEPT_FOR_MS, type Backlog, type LiveEvent, type Publisher } from "./feed.js";

export interface MemoryFeedOptions {
  /** Events kept at most (KEPT_EVENTS). */
  capacity?: number;
  /** Milliseconds an event is kept at most (KEPT_FOR_MS). */
  keepForMs?: number;
}

export function memoryFeed(options: MemoryFeedOptions = {}): Publisher {
  const capacity = options.capacity ?? KEPT_EVENTS;
  const keepForMs = options.keepForMs ?? KEPT_FOR_MS;
  const epoch = randomBytes(4).toString("hex");
  const events = new EventEmitter<IndexerEvents>();
  const kept: { seq: number; at: number; event: LiveEvent }[] = [];
  let seq = 0;

  const forgetOld = () => {
    const oldest = performance.now() - keepForMs;
    while (kept.length > capacity || (kept.length > 1 && (kept[0]?.at ?? 0) < oldest)) kept.shift();
  };

  function publish(kind: "indexed", data: Indexed): Promise<void>;
  function publish(kind: "reorg", data: Reorg): Promise<void>;
  function publish(kind: "relay", data: Relay): Promise<void>;
  function publish(kind: LiveEvent["kind"], data: Indexed | Reorg | Relay): Promise<void> {
    seq++;
    const event = { id: `${epoch}-${seq}`, kind, data } as LiveEvent;
    kept.push({ seq, at: performance.now(), event });
    forgetOld();
    emitEvent(events, event);
    return Promise.resolve();
  }

  return {
    events,
    publish,
    since(lastEventId: string): Promise<Backlog> {
      forgetOld();
      const latest = seq > 0 ? `${epoch}-${seq}` : undefined;
      const match = /^([0-9a-f]+)-(\d+)$/.exec(lastEventId);
      const last = match?.[1] === epoch ? Number(match[2]) : undefined;
      const oldest = kept[0]?.seq ?? seq + 1;
      // Not this process's id, one ahead of it, or one whose followers are no longer all kept.
      if (last === undefined || last > seq || last < oldest - 1) return Promise.resolve({ reset: true, latest });
      return Promise.resolve({ events: kept.filter((entry) => entry.seq > last).map((entry) => entry.event) });
    },
    close: () => Promise.resolve(),
  };
}

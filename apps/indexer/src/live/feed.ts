/**
 * The live feed: what the API streams at /api/events, each event under an id so that a client
 * reconnecting with Last-Event-ID is sent what it missed first. Two kinds: in one process, a
 * ring buffer in memory (memory.ts: PGlite, or tests); across processes, a table of recent events
 * on Postgres with NOTIFY (postgres.ts). Both hand the API the same EventEmitter of the indexer's
 * events, each with its id.
 */
import type { EventEmitter } from "node:events";
import type { Indexed } from "../indexer.js";
import type { Relay } from "@rhizome/client/schemas";
import type { IndexerEvents, Reorg } from "../routes/api/events.js";

/** How many recent events a feed keeps for clients that reconnect, at most. */
export const KEPT_EVENTS = 1_000;
/** And for how long: a client away longer is told to refetch everything. */
export const KEPT_FOR_MS = 60 * 60 * 1000;

/** One event of the feed, as kept. */
export type LiveEvent = { id: string } & (
  { kind: "indexed"; data: Indexed } | { kind: "reorg"; data: Reorg } | { kind: "relay"; data: Relay }
);

/**
 * What a client that reconnects is sent first: the events after its last one, or, when they are
 * no longer all kept (or its id is not this feed's), a reset: refetch everything, then follow
 * from `latest`, the newest id, if there is one.
 */
export type Backlog = { events: LiveEvent[] } | { reset: true; latest: string | undefined };

export interface LiveFeed {
  /** The indexer's events as the API hears them, each with its id, and `reset` when some were lost. */
  readonly events: EventEmitter<IndexerEvents>;
  /** The events after `lastEventId`, or a reset. */
  since(lastEventId: string): Promise<Backlog>;
  close(): Promise<void>;
}

/** A feed this process writes to: the indexer's. */
export interface Publisher extends LiveFeed {
  /**
   * Adds an event after the indexer committed it, then emits it with its id. Events are
   * published in the order given, one at a time: ids follow the commits.
   */
  publish(kind: "indexed", data: Indexed): Promise<void>;
  publish(kind: "reorg", data: Reorg): Promise<void>;
  /** A relayed action's status changed (relay/submitter.ts). */
  publish(kind: "relay", data: Relay): Promise<void>;
}

/**
 * Publishes every event `indexer` emits to `feed`, in order; returns how to stop. A publication
 * that fails is logged by the feed, and the event still reaches this process's clients.
 */
export function relay(indexer: EventEmitter<IndexerEvents>, feed: Publisher): () => void {
  const onIndexed = (range: Indexed) => void feed.publish("indexed", range);
  const onReorg = (reorg: Reorg) => void feed.publish("reorg", { ancestor: reorg.ancestor, depth: reorg.depth });
  indexer.on("indexed", onIndexed);
  indexer.on("reorg", onReorg);
  return () => {
    indexer.off("indexed", onIndexed);
    indexer.off("reorg", onReorg);
  };
}

/** Emits a kept event on `events` with its id, as the API expects it. */
export function emitEvent(events: EventEmitter<IndexerEvents>, event: LiveEvent): void {
  if (event.kind === "indexed") events.emit("indexed", { ...event.data, id: event.id });
  else if (event.kind === "relay") events.emit("relay", { relay: event.data, id: event.id });
  else events.emit("reorg", { ancestor: event.data.ancestor, depth: event.data.depth, id: event.id });
}

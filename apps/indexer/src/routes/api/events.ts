/**
 * /api/events: live updates as server-sent events. Each range the indexer commits becomes an
 * `indexed` event, each rollback a `reorg` event; a comment line keeps idle connections open.
 * With a live feed, each event carries an `id:`, and a client that reconnects with Last-Event-ID
 * (as EventSource does by itself) is first sent what it missed, or a `reset` event when that is
 * no longer kept: then it refetches everything. Listeners are removed when the client goes, and
 * open streams end when the server closes.
 */
import type { EventEmitter } from "node:events";
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { FastifyPluginAsync } from "fastify";
import { getAddress } from "viem";
import { events as eventsSchema, type EventsQuery, type IndexedMessage, type Relay } from "@rhizome/client/schemas";
import type { Indexed } from "../../indexer.js";
import type { LiveFeed } from "../../live/feed.js";
import type { Metrics } from "../../metrics.js";
import { optionalChecksum } from "../params.js";

export interface Reorg {
  ancestor: number;
  depth: number;
}

/** An event's id in the live feed, when there is one: sent as `id:` for Last-Event-ID. */
export interface Sequenced {
  id?: string | undefined;
}

/**
 * What the API hears of the indexer: the Indexer itself is one of these (without ids), and so is
 * a live feed's emitter (with them). `reset` says events were lost on the way: clients refetch.
 */
export interface IndexerEvents {
  indexed: [Indexed & Sequenced];
  reorg: [Reorg & Sequenced];
  reset: [Sequenced];
  /** A relayed action's status changed: queued, sent (or replaced), mined or failed. */
  relay: [{ relay: Relay } & Sequenced];
}

export interface EventsOptions {
  events?: EventEmitter<IndexerEvents> | undefined;
  /** Where a reconnecting client's missed events are read from; without it, Last-Event-ID is ignored. */
  feed?: LiveFeed | undefined;
  /** Milliseconds between heartbeat comments. */
  heartbeatMs: number;
  /** Counts the open streams. */
  metrics?: Metrics | undefined;
}

/** What a `reset` event says: the events since the client's last are not all kept. */
const RESET = { reason: "the events since Last-Event-ID are no longer kept: refetch everything" };

const events: FastifyPluginAsync<EventsOptions> = async (app, options) => {
  const streams = new Set<ServerResponse>();
  // Open streams would keep the server from closing: end them first, telling each client to
  // reconnect soon, to another replica behind the same address if there is one.
  app.addHook("preClose", async () => {
    for (const stream of streams) stream.end("retry: 500\n: the server is stopping; reconnect\n\n");
  });

  app.get<{ Querystring: EventsQuery }>("/events", { schema: eventsSchema }, (request, reply) => {
    const only = optionalChecksum(request.query.collective);
    const lastEventId = request.headers["last-event-id"];
    const resumeFrom = options.feed && typeof lastEventId === "string" && lastEventId !== "" ? lastEventId : undefined;
    const stream = reply.raw;
    reply.hijack();
    stream.writeHead(200, {
      // CORS and rate-limit headers were set on the reply; helmet's are already on the stream.
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    stream.write("retry: 3000\n: connected\n\n");
    const send = (event: string, data: object, id?: string) => {
      // A client that went while its missed events were read is sent nothing.
      if (stream.destroyed || stream.writableEnded) return;
      stream.write(`${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };

    const sendIndexed = (indexed: Indexed & Sequenced) => {
      const collectives = indexed.collectives.map((address) => getAddress(address));
      if (only !== undefined && !collectives.includes(only)) return;
      const message: IndexedMessage = {
        fromBlock: indexed.fromBlock,
        toBlock: indexed.toBlock,
        collectives,
        eventNames: indexed.eventNames,
      };
      send("indexed", message, indexed.id);
    };
    const sendReorg = (reorg: Reorg & Sequenced) =>
      send("reorg", { ancestor: reorg.ancestor, depth: reorg.depth }, reorg.id);
    const sendReset = (reset: Sequenced) => send("reset", RESET, reset.id);
    const sendRelay = ({ relay, id }: { relay: Relay } & Sequenced) => {
      if (only !== undefined && getAddress(relay.collective) !== only) return;
      send("relay", relay, id);
    };

    // While the missed events are read, live ones wait here, to be sent after them (once).
    let held: { id: string | undefined; send: () => void }[] | undefined = resumeFrom === undefined ? undefined : [];
    const deliver = (id: string | undefined, sendIt: () => void) => (held ? held.push({ id, send: sendIt }) : sendIt());
    const onIndexed = (indexed: Indexed & Sequenced) => deliver(indexed.id, () => sendIndexed(indexed));
    const onReorg = (reorg: Reorg & Sequenced) => deliver(reorg.id, () => sendReorg(reorg));
    const onReset = (reset: Sequenced) => deliver(reset.id, () => sendReset(reset));
    const onRelay = (event: { relay: Relay } & Sequenced) => deliver(event.id, () => sendRelay(event));
    const heartbeat = setInterval(() => stream.write(": heartbeat\n\n"), options.heartbeatMs);

    options.events?.on("indexed", onIndexed);
    options.events?.on("reorg", onReorg);
    options.events?.on("reset", onReset);
    options.events?.on("relay", onRelay);
    streams.add(stream);
    options.metrics?.sseClients.inc();
    stream.on("close", () => {
      options.metrics?.sseClients.dec();
      clearInterval(heartbeat);
      options.events?.off("indexed", onIndexed);
      options.events?.off("reorg", onReorg);
      options.events?.off("reset", onReset);
      options.events?.off("relay", onRelay);
      streams.delete(stream);
    });

    if (resumeFrom !== undefined && options.feed) {
      const sent = new Set<string>();
      options.feed
        .since(resumeFrom)
        .then(
          (backlog) => {
            if ("reset" in backlog) return sendReset({ id: backlog.latest });
            for (const event of backlog.events) {
              sent.add(event.id);
              if (event.kind === "indexed") sendIndexed({ ...event.data, id: event.id });
              else if (event.kind === "relay") sendRelay({ relay: event.data, id: event.id });
              else sendReorg({ ...event.data, id: event.id });
            }
          },
          // The missed events cannot be read (the database is down): refetching is always right.
          (error: unknown) => {
            request.log.warn({ error: String(error).slice(0, 300) }, "missed live events could not be read");
            sendReset({});
          },
        )
        .finally(() => {
          const waiting = held ?? [];
          held = undefined;
          for (const event of waiting) if (event.id === undefined || !sent.has(event.id)) event.send();
        })
        // A kept event that cannot be sent (its stored form unreadable): a reset instead, as above.
        .catch((error: unknown) => {
          request.log.warn({ error: String(error).slice(0, 300) }, "missed live events could not be sent");
          sendReset({});
        });
    }
  });
};

export default events;

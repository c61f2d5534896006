/**
 * /api/events: live updates as server-sent events. Each range the indexer commits becomes an
 * `indexed` event, each rollback a `reorg` event; a comment line keeps idle connections open.
 * Listeners are removed when the client goes, and open streams end when the server closes.
 */
import type { EventEmitter } from "node:events";
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { FastifyPluginAsync } from "fastify";
import { getAddress } from "viem";
import { events as eventsSchema, type EventsQuery, type IndexedMessage } from "@rhizome/client/schemas";
import type { Indexed } from "../../indexer.js";
import type { Metrics } from "../../metrics.js";
import { optionalChecksum } from "../params.js";

/** What the indexer emits: the Indexer itself is one of these. */
export interface IndexerEvents {
  indexed: [Indexed];
  reorg: [{ ancestor: number; depth: number }];
}

export interface EventsOptions {
  events?: EventEmitter<IndexerEvents> | undefined;
  /** Milliseconds between heartbeat comments. */
  heartbeatMs: number;
  /** Counts the open streams. */
  metrics?: Metrics | undefined;
}

const events: FastifyPluginAsync<EventsOptions> = async (app, options) => {
  const streams = new Set<ServerResponse>();
  // Open streams would keep the server from closing: end them first, telling each client to
  // reconnect soon, to another replica behind the same address if there is one.
  app.addHook("preClose", async () => {
    for (const stream of streams) stream.end("retry: 500\n: the server is stopping; reconnect\n\n");
  });

  app.get<{ Querystring: EventsQuery }>("/events", { schema: eventsSchema }, (request, reply) => {
    const only = optionalChecksum(request.query.collective);
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
    const send = (event: string, data: object) => stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

    const onIndexed = (indexed: Indexed) => {
      const collectives = indexed.collectives.map((address) => getAddress(address));
      if (only !== undefined && !collectives.includes(only)) return;
      const message: IndexedMessage = {
        fromBlock: indexed.fromBlock,
        toBlock: indexed.toBlock,
        collectives,
        eventNames: indexed.eventNames,
      };
      send("indexed", message);
    };
    const onReorg = (reorg: { ancestor: number; depth: number }) => send("reorg", reorg);
    const heartbeat = setInterval(() => stream.write(": heartbeat\n\n"), options.heartbeatMs);

    options.events?.on("indexed", onIndexed);
    options.events?.on("reorg", onReorg);
    streams.add(stream);
    options.metrics?.sseClients.inc();
    stream.on("close", () => {
      options.metrics?.sseClients.dec();
      clearInterval(heartbeat);
      options.events?.off("indexed", onIndexed);
      options.events?.off("reorg", onReorg);
      streams.delete(stream);
    });
  });
};

export default events;

/** Live updates as server-sent events. */
import { address, errorResponses, integer, object, query, type Of } from "./common.js";

export const events = {
  operationId: "streamEvents",
  tags: ["events"],
  summary: "Server-sent events: `indexed` after each indexed range, `reorg` after a rollback, `relay` as a relay moves",
  description:
    "A text/event-stream. `event: indexed` carries {fromBlock, toBlock, collectives, eventNames}; " +
    "`event: reorg` carries {ancestor, depth}; `event: relay` carries a relayed action's new status, as " +
    "GET /api/relay/{id} answers it; a comment line every 15 seconds keeps the connection open. " +
    "Each event has an `id:`: a client reconnecting with `Last-Event-ID` (as EventSource does) is first sent " +
    "the events it missed, or `event: reset` when they are no longer kept (the last 1000, from the last hour), " +
    "after which it should refetch everything.",
  querystring: query({
    collective: { ...address, description: "Only `indexed` and `relay` events that touch this collective." },
  }),
  response: {
    200: {
      description: "The event stream.",
      content: { "text/event-stream": { schema: { type: "string" } } },
    },
    400: errorResponses[400],
    429: errorResponses[429],
  },
} as const;

export type EventsQuery = Of<typeof events.querystring>;

/** What an `indexed` event says. */
export const indexedMessage = object({
  fromBlock: integer,
  toBlock: integer,
  collectives: { type: "array", items: address, description: "The collectives the range touched." },
  eventNames: { type: "array", items: { type: "string" }, description: "The events the range held, by name." },
});

export type IndexedMessage = Of<typeof indexedMessage>;

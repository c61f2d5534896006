/** /api: collectives and everything under them, the network, and live events. */
import type { FastifyPluginAsync } from "fastify";
import collectives from "./collectives/index.js";
import events, { type EventsOptions } from "./events.js";
import network from "./network.js";

const api: FastifyPluginAsync<EventsOptions> = async (app, options) => {
  await app.register(collectives, { prefix: "/collectives" });
  await app.register(network);
  await app.register(events, { events: options.events, heartbeatMs: options.heartbeatMs });
};

export default api;

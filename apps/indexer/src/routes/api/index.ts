/** /api: collectives and everything under them, accounts' inboxes, Atom feeds, the network, the chain, the relay, and live events. */
import type { FastifyPluginAsync } from "fastify";
import accounts from "./accounts.js";
import chain, { type ChainOptions } from "./chain.js";
import collectives from "./collectives/index.js";
import comments from "./comments.js";
import events, { type EventsOptions } from "./events.js";
import feeds, { type FeedRoutesOptions } from "./feeds.js";
import network from "./network.js";
import webhooks, { type WebhookRoutesOptions } from "./webhooks.js";
import relay, { type RelayRoutesOptions } from "./relay.js";

const api: FastifyPluginAsync<
  EventsOptions & ChainOptions & Omit<WebhookRoutesOptions, "status"> & RelayRoutesOptions & FeedRoutesOptions
> = async (app, options) => {
  await app.register(collectives, { prefix: "/collectives" });
  await app.register(network);
  await app.register(accounts);
  await app.register(feeds, { publicUrl: options.publicUrl });
  await app.register(chain, { status: options.status, factory: options.factory });
  await app.register(comments, { status: options.status, rpcUrl: options.rpcUrl });
  await app.register(webhooks, { status: options.status, rpcUrl: options.rpcUrl, allowPrivate: options.allowPrivate });
  await app.register(relay, { desk: options.desk });
  await app.register(events, {
    events: options.events,
    feed: options.feed,
    heartbeatMs: options.heartbeatMs,
    metrics: options.metrics,
  });
};

export default api;

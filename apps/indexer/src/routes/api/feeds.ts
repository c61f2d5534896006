/**
 * The Atom feeds: /api/collectives/:address/feed.atom, a collective's activity, and
 * /api/accounts/:address/inbox.atom, a member's inbox. Links are made absolute with the service's
 * public origin (PUBLIC_URL), or the request's own when it is not set. An unknown collective is a
 * 404 as JSON, like every route under it. The inbox holds replies and mentions, which change
 * without the index moving: never cached by the index's version.
 */
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { collectiveFeed, inboxFeed, type CollectiveParams, type InboxParams } from "@rhizome/client/schemas";
import { atom, ATOM_TYPE } from "../../feeds/atom.js";
import { NotFoundError } from "../../plugins/http-errors.js";
import { inboxEntry } from "../../repositories/inbox.js";
import { checksum } from "../params.js";

export interface FeedRoutesOptions {
  /** The web client's public origin (PUBLIC_URL). */
  publicUrl?: string | undefined;
}

const feeds: FastifyPluginAsync<FeedRoutesOptions> = async (app, options) => {
  const origin = (request: FastifyRequest) => options.publicUrl ?? `${request.protocol}://${request.host}`;

  app.get<{ Params: CollectiveParams }>(
    "/collectives/:address/feed.atom",
    { schema: collectiveFeed },
    async (request, reply) => {
      const address = checksum(request.params.address);
      const collective = await app.repositories.collectives.get(address);
      if (!collective) throw new NotFoundError(`No collective has the address ${address}.`);
      const entries = await app.repositories.activity.collective(address);
      reply.type(ATOM_TYPE);
      return atom({
        name: `collective:${address}`,
        title: `${collective.name}: activity`,
        subtitle: `Proposals, work and members of ${collective.name}, on Rhizome.`,
        author: collective.name,
        origin: origin(request),
        page: `/c/${address}`,
        self: `/api/collectives/${address}/feed.atom`,
        updated: collective.createdAt,
        entries,
      });
    },
  );

  app.get<{ Params: InboxParams }>(
    "/accounts/:address/inbox.atom",
    { schema: inboxFeed, config: { offIndex: true } },
    async (request, reply) => {
      const account = checksum(request.params.address);
      const inbox = await app.repositories.inbox.of(account);
      reply.type(ATOM_TYPE);
      return atom({
        name: `inbox:${account}`,
        title: `Inbox of ${account}`,
        subtitle: "What needs this member now on Rhizome, soonest deadline first.",
        author: "Rhizome",
        origin: origin(request),
        page: "/inbox",
        self: `/api/accounts/${account}/inbox.atom`,
        updated: inbox.now,
        entries: inbox.items.map(inboxEntry),
      });
    },
  );
};

export default feeds;

/**
 * /api/accounts/:address: what concerns one account across collectives. Its inbox holds replies
 * and mentions, which change without the index moving: never cached by the index's version. An
 * account that is a member nowhere has an empty inbox.
 */
import type { FastifyPluginAsync } from "fastify";
import { getInbox, type Inbox, type InboxParams } from "@rhizome/client/schemas";
import { checksum } from "../params.js";

const accounts: FastifyPluginAsync = async (app) => {
  app.get<{ Params: InboxParams; Reply: { 200: Inbox } }>(
    "/accounts/:address/inbox",
    { schema: getInbox, config: { offIndex: true } },
    async (request) => app.repositories.inbox.of(checksum(request.params.address)),
  );
};

export default accounts;

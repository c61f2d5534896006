/** The OpenAPI document of every route, at /api/docs/json, and Swagger UI at /api/docs. */
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

export default fp(
  async function docs(app: FastifyInstance) {
    await app.register(swagger, {
      openapi: {
        // 3.1: its schemas are JSON Schema, so `type: ["string", "null"]` means what it says.
        openapi: "3.1.0",
        info: {
          title: "Rhizome API",
          description:
            "Collectives, members, proposals, work, treasuries, ownership and the network, as indexed from the chain. " +
            "Amounts are decimal strings, addresses checksummed, times in seconds since the epoch; " +
            "lists are pages of `{ items, next }`; errors are `{ error, message }`.",
          version: "0.1.0",
          license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
        },
        // A public read API: no operation needs credentials.
        security: [],
        servers: [{ url: "/", description: "The service that serves this document" }],
        tags: [
          { name: "collectives", description: "Collectives: the list, and one with its settings and key numbers." },
          { name: "members", description: "Members: shares, voting power, delegation, votes and work." },
          { name: "proposals", description: "Proposals with their state, tallies, actions, timeline and votes." },
          { name: "work", description: "Work items under the collective's principles, and objections to them." },
          { name: "applications", description: "Applications to join, open and closed." },
          { name: "treasury", description: "Balances, flows in and out, and exits (ragequits)." },
          { name: "ownership", description: "How ownership is spread: holders, concentration and its history." },
          { name: "network", description: "Collectives that are members of one another, and the chain." },
          {
            name: "relay",
            description: "Signed votes, delegations, objections and profiles, sent with the relay's gas.",
          },
          {
            name: "discussion",
            description: "Threads on proposals, work and applications: comments signed by members' wallets.",
          },
          {
            name: "inbox",
            description: "What needs a member now, soonest deadline first, as JSON and as an Atom feed.",
          },
          { name: "webhooks", description: "Members' own webhooks for their inbox, and any webhook's delivery log." },
          { name: "events", description: "Live changes of the index, as server-sent events." },
          { name: "health", description: "Whether the service runs, and whether its index has caught up." },
        ],
      },
    });
    await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { validatorUrl: null } });
  },
  { name: "docs" },
);

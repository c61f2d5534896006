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
        },
        tags: [
          { name: "collectives" },
          { name: "members" },
          { name: "proposals" },
          { name: "work" },
          { name: "applications" },
          { name: "treasury" },
          { name: "ownership" },
          { name: "network" },
          { name: "events" },
          { name: "health" },
        ],
      },
    });
    await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { validatorUrl: null } });
  },
  { name: "docs" },
);

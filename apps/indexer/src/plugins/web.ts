/**
 * Serves the web client's production build from the same origin as the API: its files as they
 * are, and index.html for any other page path, so the client's own router takes over. Unknown
 * /api paths still get the API's JSON 404.
 */
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

export default fp<{ root: string }>(
  async (app: FastifyInstance, { root }) => {
    await app.register(fastifyStatic, { root, wildcard: false, index: ["index.html"] });
    app.get("/*", { schema: { hide: true } }, (request, reply) => {
      const path = request.url.split("?")[0] ?? "";
      if (
        path === "/api" ||
        path.startsWith("/api/") ||
        path === "/rpc" ||
        path.startsWith("/healthz") ||
        path.startsWith("/readyz")
      ) {
        return reply.callNotFound();
      }
      return reply.sendFile("index.html");
    });
  },
  { name: "web" },
);

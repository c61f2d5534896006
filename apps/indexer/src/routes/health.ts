/** /healthz: the process and its database answer. /readyz: the index has caught up with the head. */
import type { FastifyPluginAsync } from "fastify";
import type { IndexerStatus } from "../sync/indexer.js";
import type { ErrorBody } from "../schemas/common.js";
import { healthz, readyz, type Readiness } from "../schemas/health.js";

export interface HealthOptions {
  status: () => IndexerStatus;
}

const health: FastifyPluginAsync<HealthOptions> = async (app, options) => {
  // Probes come often and from the platform: they are not rate-limited.
  app.get<{ Reply: { 200: { ok: true }; 503: ErrorBody } }>(
    "/healthz",
    { schema: healthz, config: { rateLimit: false } },
    async (request, reply) => {
      try {
        await app.repositories.health.ping();
      } catch (error) {
        request.log.warn({ err: error }, "the database does not answer");
        return reply.code(503).send({ error: "ServiceUnavailable", message: "The database does not answer." });
      }
      return { ok: true };
    },
  );

  app.get<{ Reply: { 200: Readiness; 503: Readiness } }>(
    "/readyz",
    { schema: readyz, config: { rateLimit: false } },
    async (_request, reply) => {
      const { caughtUp, lag, head, cursor, chainId, reason } = options.status();
      const body: Readiness = { ready: caughtUp, lag, head, cursor, chainId, ...(reason ? { reason } : {}) };
      return reply.code(caughtUp ? 200 : 503).send(body);
    },
  );
};

export default health;

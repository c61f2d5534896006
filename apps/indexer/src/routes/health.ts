/** /healthz: the process and its database answer. /readyz: the index has caught up with the head. */
import type { FastifyPluginAsync } from "fastify";
import type { IndexerStatus } from "../indexer.js";
import { noteFailure } from "../plugins/request-log.js";
import type { Redact } from "../redact.js";
import { type ErrorBody, healthz, readyz, type Readiness } from "@rhizome/client/schemas";

export interface HealthOptions {
  status: () => IndexerStatus;
  /** Takes secrets out of the reason /readyz gives, which may quote an RPC error and its URL. */
  redact: Redact;
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
        noteFailure(request, error);
        return reply.code(503).send({ error: "ServiceUnavailable", message: "The database does not answer." });
      }
      return { ok: true };
    },
  );

  app.get<{ Reply: { 200: Readiness; 503: Readiness } }>(
    "/readyz",
    // Not ready is an answer, given while the index catches up: not a failure to log.
    { schema: readyz, config: { rateLimit: false, unavailableIsAnAnswer: true } },
    async (_request, reply) => {
      const { caughtUp, lag, head, cursor, chainId, reason, skippedEvents } = options.status();
      const body: Readiness = {
        ready: caughtUp,
        lag,
        head,
        cursor,
        chainId,
        skippedEvents,
        ...(reason ? { reason: options.redact(reason) } : {}),
      };
      return reply.code(caughtUp ? 200 : 503).send(body);
    },
  );
};

export default health;

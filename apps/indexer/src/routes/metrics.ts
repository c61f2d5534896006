/** GET /metrics: the service's metrics in Prometheus' text format, left out of the API's documentation. */
import type { FastifyPluginAsync } from "fastify";
import type { Metrics } from "../metrics.js";

const metricsRoute: FastifyPluginAsync<{ metrics: Metrics }> = async (app, { metrics }) => {
  app.get("/metrics", { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
};

export default metricsRoute;

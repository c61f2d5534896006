/**
 * One log line for each request that ends in a 5xx: its method, route, URL, status, time and the
 * error behind it, at `error`. Other requests are not logged (a line per request would bury these).
 * Whoever answers with a 5xx (the error handler, a route that catches its own failure) hands the
 * error here with `noteFailure`, so that it is told once, on the request's line. What the line
 * carries is cleared of secrets where it is written (see logger.ts).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyContextConfig {
    /** This route's 503 is an answer ("not ready yet"), not a failure: it is not logged. */
    unavailableIsAnAnswer?: boolean;
  }
}

const failures = new WeakMap<FastifyRequest, unknown>();

/** The error behind the 5xx `request` is answered with, for its log line. */
export function noteFailure(request: FastifyRequest, error: unknown): void {
  failures.set(request, error);
}

export default fp(
  async function requestLog(app: FastifyInstance) {
    app.addHook("onResponse", async (request, reply) => {
      const statusCode = reply.statusCode;
      if (statusCode < 500) return;
      if (statusCode === 503 && request.routeOptions.config?.unavailableIsAnAnswer) return;
      request.log.error(
        {
          method: request.method,
          route: request.routeOptions.url ?? null,
          url: request.url,
          statusCode,
          responseTimeMs: Math.round(reply.elapsedTime),
          err: failures.get(request),
        },
        "request failed",
      );
    });
  },
  { name: "request-log" },
);

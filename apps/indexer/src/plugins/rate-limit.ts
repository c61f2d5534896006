/**
 * Requests per minute per client, answered 429 in the common error shape past the limit. The
 * client is its address as Fastify reads it: the connection's peer, or behind a trusted proxy
 * (TRUST_PROXY, Fastify's `trustProxy`) the address the proxy forwarded. A request that is several
 * (a JSON-RPC batch) spends more of the budget with `spendRateLimit`.
 */
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { HttpError } from "./http-errors.js";

export interface RateLimitOptions {
  /** Requests per minute per client. */
  max: number;
}

declare module "fastify" {
  interface FastifyInstance {
    /**
     * Counts `units` more requests against `request`'s client, on top of the one every request
     * counts, and throws the 429 when that takes it past the limit.
     */
    spendRateLimit(request: FastifyRequest, reply: FastifyReply, units: number): Promise<void>;
  }
}

function tooManyRequests(max: number, after: string): HttpError {
  return new HttpError(
    429,
    "TooManyRequests",
    `Too many requests: at most ${max} a minute from one client; retry in ${after}.`,
  );
}

export default fp<RateLimitOptions>(
  async function limit(app: FastifyInstance, options: RateLimitOptions) {
    await app.register(rateLimit, {
      global: true,
      max: options.max,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) => tooManyRequests(context.max, context.after),
    });

    // The same store, key and window as the hook that counts every request.
    const count = app.createRateLimit();
    app.decorate("spendRateLimit", async (request: FastifyRequest, reply: FastifyReply, units: number) => {
      let state: Awaited<ReturnType<typeof count>> | undefined;
      for (let unit = 0; unit < units; unit++) state = await count(request);
      if (!state || state.isAllowed) return;
      void reply.header("x-ratelimit-remaining", state.remaining).header("x-ratelimit-reset", state.ttlInSeconds);
      if (state.isExceeded) {
        void reply.header("retry-after", state.ttlInSeconds);
        throw tooManyRequests(state.max, `${state.ttlInSeconds} seconds`);
      }
    });
  },
  { name: "rate-limit" },
);

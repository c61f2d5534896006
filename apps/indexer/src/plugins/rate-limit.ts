/** Requests per minute per client IP, answered 429 in the common error shape past the limit. */
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { HttpError } from "./http-errors.js";

export interface RateLimitOptions {
  /** Requests per minute per IP. */
  max: number;
}

export default fp<RateLimitOptions>(
  async function limit(app: FastifyInstance, options: RateLimitOptions) {
    await app.register(rateLimit, {
      global: true,
      max: options.max,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) =>
        new HttpError(
          context.statusCode,
          "TooManyRequests",
          `Too many requests: at most ${context.max} a minute from one client; retry in ${context.after}.`,
        ),
    });
  },
  { name: "rate-limit" },
);

/**
 * The API as a Fastify instance, ready to `inject` or `listen`: external plugins (security
 * headers, CORS, rate limit, docs), then the repositories, then the routes. Nothing here listens,
 * and the caller may register more (the web app's static files) before it does.
 */
import type { EventEmitter } from "node:events";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import type { Database } from "@rhizome/db";
import type { Address } from "viem";
import errors, { frameworkErrors } from "./plugins/errors.js";
import { finiteNumbers, refuseBlankNumbers } from "./plugins/finite-numbers.js";
import rateLimit from "./plugins/rate-limit.js";
import repositories from "./plugins/repositories.js";
import security from "./plugins/security.js";
import docs from "./plugins/swagger.js";
import api from "./routes/api/index.js";
import type { IndexerEvents } from "./routes/api/events.js";
import web from "./plugins/web.js";
import rpc from "./routes/rpc.js";
import health from "./routes/health.js";
import type { IndexerStatus } from "./sync/indexer.js";

export interface AppOptions {
  db: Database;
  /** The indexer's progress, read on every /readyz. */
  status: () => IndexerStatus;
  /** The indexer, whose `indexed` and `reorg` events /api/events streams. */
  events?: EventEmitter<IndexerEvents>;
  /** Origins allowed by CORS: `*` or a list. */
  corsOrigins: string[] | "*";
  /** Requests per minute per client IP. */
  rateLimit: number;
  logger?: FastifyServerOptions["logger"];
  /** Behind a proxy: which X-Forwarded-For hops to trust for the client's IP. */
  trustProxy?: FastifyServerOptions["trustProxy"];
  /** Milliseconds between /api/events heartbeats (15 s). */
  heartbeatMs?: number;
  /** The web client's production build, served at `/` when given. */
  webRoot?: string;
  /** The chain's JSON-RPC, offered to the web client at POST /rpc when given. */
  rpcUrl?: string;
  /** The factory indexed, told to clients at /api/chain (404 there without it). */
  factory?: Address;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    frameworkErrors,
    // Union types (the JSON-RPC relay takes one call or a batch) validate without a warning.
    ajv: { plugins: [finiteNumbers], customOptions: { allowUnionTypes: true } },
  });

  refuseBlankNumbers(app);
  await app.register(security, { corsOrigins: options.corsOrigins });
  await app.register(rateLimit, { max: options.rateLimit });
  // Before the docs, whose routes take the error handler in place when they are registered.
  await app.register(errors);
  await app.register(docs);
  await app.register(repositories, { db: options.db });
  const forget = () => app.repositories.collectives.forgetKnown();
  options.events?.on("reorg", forget);
  app.addHook("onClose", async () => void options.events?.off("reorg", forget));

  await app.register(health, { status: options.status });
  await app.register(api, {
    prefix: "/api",
    events: options.events,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    status: options.status,
    factory: options.factory,
  });
  if (options.rpcUrl) await app.register(rpc, { rpcUrl: options.rpcUrl });
  if (options.webRoot) await app.register(web, { root: options.webRoot });
  return app;
}

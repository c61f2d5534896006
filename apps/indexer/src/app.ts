/**
 * The API as a Fastify instance, ready to `inject` or `listen`: external plugins (security
 * headers, CORS, rate limit, docs), then the repositories, then the routes. Nothing here listens,
 * and the caller may register more (the web app's static files) before it does.
 */
import type { EventEmitter } from "node:events";
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
} from "fastify";
import type { Database } from "@rhizome/db";
import type { Address } from "viem";
import errors, { frameworkErrors } from "./plugins/errors.js";
import { finiteNumbers, refuseBlankNumbers } from "./plugins/finite-numbers.js";
import { refuseUnstorableText } from "./plugins/stored-text.js";
import rateLimit from "./plugins/rate-limit.js";
import repositories from "./plugins/repositories.js";
import ensNames from "./plugins/ens-names.js";
import type { EnsResolver } from "./ens/resolver.js";
import type { RelayDesk } from "./relay/desk.js";
import requestLog from "./plugins/request-log.js";
import responseCache from "./plugins/response-cache.js";
import revalidation from "./plugins/revalidation.js";
import security from "./plugins/security.js";
import docs from "./plugins/swagger.js";
import api from "./routes/api/index.js";
import type { IndexerEvents } from "./routes/api/events.js";
import web from "./plugins/web.js";
import rpc, { type RelayLimits } from "./routes/rpc.js";
import health from "./routes/health.js";
import { secretRedactor, type Redact } from "./redact.js";
import type { IndexerStatus } from "./indexer.js";
import type { LiveFeed } from "./live/feed.js";
import { HttpError } from "./plugins/http-errors.js";
import type { Metrics } from "./metrics.js";
import metricsRoute from "./routes/metrics.js";

export interface AppOptions {
  db: Database;
  /** The indexer's progress, read on every /readyz. */
  status: () => IndexerStatus;
  /** The indexer, whose `indexed` and `reorg` events /api/events streams: itself, or a live feed's. */
  events?: EventEmitter<IndexerEvents>;
  /**
   * The live feed `events` comes from, which numbers them: /api/events then sends each with its
   * id, and a client reconnecting with Last-Event-ID gets what it missed (live/feed.ts).
   */
  feed?: LiveFeed;
  /**
   * Keep GET /api's answers in memory per version of the index, within these bounds
   * (plugins/response-cache.ts); not kept when absent.
   */
  responseCache?: { maxEntries: number; maxBytes: number };
  /** Tells the other processes serving the API that off-chain data changed (live/off-index.ts). */
  announceOffIndex?: () => void;
  /**
   * Why /api cannot answer at all right now, if it cannot: it answers 503 with this (an API
   * replica whose database's schema the indexer has not migrated yet).
   */
  unavailable?: () => string | undefined;
  /** Origins allowed by CORS: `*` or a list. */
  corsOrigins: string[] | "*";
  /** Requests per minute per client IP. */
  rateLimit: number;
  /**
   * Where the API logs: one line for each request that ends in a 5xx, none for the others. Silent
   * when absent. Secrets are taken out where the lines are written (createLogger).
   */
  logger?: FastifyBaseLogger;
  /**
   * Takes secrets out of what the API tells clients, such as /readyz's reason, which may quote an
   * RPC error and the URL in it; by default those of `rpcUrl`.
   */
  redact?: Redact;
  /** Behind a proxy: which X-Forwarded-For hops to trust for the client's IP (TRUST_PROXY). */
  trustProxy?: FastifyServerOptions["trustProxy"];
  /** Milliseconds between /api/events heartbeats (15 s). */
  heartbeatMs?: number;
  /** The web client's production build, served at `/` when given. */
  webRoot?: string;
  /** The chain's JSON-RPC, offered to the web client at POST /rpc when given. */
  rpcUrl?: string;
  /** Let members' webhooks reach private and loopback addresses (WEBHOOK_ALLOW_PRIVATE). */
  webhookAllowPrivate?: boolean;
  /** Milliseconds POST /rpc waits for the chain before answering 504 (RPC_RELAY_TIMEOUT_MS). */
  rpcTimeoutMs?: number;
  /** Caps on what the relay passes other than RELAY_LIMITS' (tests use small ones). */
  rpcLimits?: Partial<RelayLimits>;
  /**
   * The factory indexed, told to clients at /api/chain (404 there without it): an address, or
   * how to read it for a service that learns it once the chain answers (503 until then).
   */
  factory?: Address | (() => Address | undefined);
  /**
   * The service's metrics: every request is timed by route, and GET /metrics serves them unless
   * `metricsOnApi` is false (METRICS_PORT serves them on a port of their own instead).
   */
  metrics?: Metrics;
  metricsOnApi?: boolean;
  /** Primary ENS names for GET …/names (ENS_RPC_URL's, ens/resolver.ts); every `ensName` is null without it. */
  ensName?: EnsResolver;
  /** The web client's public origin (PUBLIC_URL), for the feeds' absolute links; the request's own without it. */
  publicUrl?: string;
  /** The relay of signed actions (RELAYER_PRIVATE_KEY, relay/desk.ts); POST /api/relay answers 404 without it. */
  relay?: RelayDesk;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    // The request log (plugins/request-log.ts) writes the lines worth reading: the 5xx.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.trustProxy ?? false,
    frameworkErrors,
    // Union types (the JSON-RPC relay takes one call or a batch) validate without a warning.
    ajv: { plugins: [finiteNumbers], customOptions: { allowUnionTypes: true } },
  });

  const metrics = options.metrics;
  if (metrics) {
    app.addHook("onResponse", async (request, reply) => {
      // The route's pattern, not its URL, so that ids do not each make a series.
      const route = request.routeOptions.url ?? "unmatched";
      metrics.http.observe(
        { method: request.method, route, status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
  }
  refuseBlankNumbers(app);
  refuseUnstorableText(app);
  await app.register(requestLog);
  await app.register(security, { corsOrigins: options.corsOrigins });
  await app.register(rateLimit, { max: options.rateLimit });
  await app.register(revalidation, {
    events: options.events,
    status: options.status,
    metrics,
    announceOffIndex: options.announceOffIndex,
  });
  const cache = options.responseCache;
  if (cache && cache.maxEntries > 0 && cache.maxBytes > 0) await app.register(responseCache, { ...cache, metrics });
  const unavailable = options.unavailable;
  if (unavailable) {
    app.addHook("onRequest", async (request) => {
      if (!request.url.startsWith("/api/") || request.url.startsWith("/api/docs")) return;
      const reason = unavailable();
      if (reason !== undefined) throw new HttpError(503, "ServiceUnavailable", `The API cannot answer yet: ${reason}.`);
    });
  }
  // Before the docs, whose routes take the error handler in place when they are registered.
  await app.register(errors);
  await app.register(docs);
  await app.register(repositories, { db: options.db });
  await app.register(ensNames, { resolve: options.ensName });
  const forget = () => app.repositories.collectives.forgetKnown();
  options.events?.on("reorg", forget);
  app.addHook("onClose", async () => void options.events?.off("reorg", forget));

  await app.register(health, { status: options.status, redact: options.redact ?? secretRedactor([options.rpcUrl]) });
  await app.register(api, {
    prefix: "/api",
    events: options.events,
    feed: options.feed,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    status: options.status,
    factory: options.factory,
    metrics,
    rpcUrl: options.rpcUrl,
    allowPrivate: options.webhookAllowPrivate,
    desk: options.relay,
    publicUrl: options.publicUrl,
  });
  if (metrics && options.metricsOnApi !== false) await app.register(metricsRoute, { metrics });
  if (options.rpcUrl) {
    await app.register(rpc, { rpcUrl: options.rpcUrl, timeoutMs: options.rpcTimeoutMs, limits: options.rpcLimits });
  }
  if (options.webRoot) await app.register(web, { root: options.webRoot });
  return app;
}

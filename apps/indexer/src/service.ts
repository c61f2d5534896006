/**
 * The indexer service as a function: open the database (refusing to run beside another
 * indexer), serve the API, reach the chain (waiting for it, while the API answers, when it is
 * down), check that the database's index is this chain's, and follow the chain until stopped.
 * Live events are numbered and kept for clients that reconnect: in memory on PGlite; on Postgres
 * in the database, NOTIFYd to API replicas, with a heartbeat they read their readiness from.
 * With ROLE=api, none of the indexing: an API replica over the indexer's Postgres (startReplica).
 * The CLI (main.ts) and `npm start` both run it.
 */
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Logger as PinoLogger } from "pino";
import { createPublicClient, http, type Address, type PublicClient } from "viem";
import { deployments } from "@rhizome/contracts";
import { DatabaseLockedError, openDatabase, type Listening } from "@rhizome/db";
import Fastify, { type FastifyInstance } from "fastify";
import { buildApp, type AppOptions } from "./app.js";
import type { Config, Role } from "./config.js";
import { createMetrics, type Metrics } from "./metrics.js";
import { showProgress } from "./progress.js";
import metricsRoute from "./routes/metrics.js";
import { secretRedactor } from "./redact.js";
import { IndexMismatchError, Indexer, startingStatus, type IndexerStatus } from "./indexer.js";
import { relay, type Publisher } from "./live/feed.js";
import { memoryFeed } from "./live/memory.js";
import { offIndexSignal } from "./live/off-index.js";
import { postgresPublisher, postgresSubscriber } from "./live/postgres.js";
import { readSharedStatus, startHeartbeat, type Heartbeat } from "./shared-status.js";
import { createRpc, errorText, sleep } from "./sync/rpc.js";
import { mainnetEnsResolver } from "./ens/resolver.js";
import { syncOperatorWebhooks, WebhookDispatcher } from "./webhooks/dispatcher.js";
import { webhookSource } from "./webhooks/source.js";
import type { Relay } from "@rhizome/client/schemas";
import { relayDesk, type RelayDesk } from "./relay/desk.js";
import { RelaySubmitter } from "./relay/submitter.js";

/** The web client's production build, when it was built (`npm run build`). */
const WEB_ROOT = fileURLToPath(new URL("../../web/dist", import.meta.url));
/** The longest wait between two attempts to reach a chain that does not answer. */
const MAX_CONNECT_DELAY_MS = 30_000;

/** The chain has no Rhizome factory that the indexer knows of. */
export class NoFactoryError extends Error {
  override name = "NoFactoryError";
}

/**
 * The service was asked to stop before it reached the chain: what `connected` rejects with then.
 * A clean stop (`done` resolves), not a failure.
 */
export class StoppedBeforeChainError extends Error {
  override name = "StoppedBeforeChainError";
  constructor() {
    super("The service stopped before it reached the chain");
  }
}

/** ROLE=api runs no indexer: what `connected` rejects with there. */
export class NoIndexerError extends Error {
  override name = "NoIndexerError";
}

export interface RunningService {
  role: Role;
  /**
   * The indexer, once the chain has answered and the database's index was found to be its own.
   * Rejects with NoIndexerError for ROLE=api.
   */
  connected: Promise<Indexer>;
  /** Where the API listens, with the port it was given when PORT is 0. */
  url: string;
  /** Where GET /metrics is served when METRICS_PORT gives it a port of its own. */
  metricsUrl?: string;
  /** Resolves when the service stops: after `stop()`, or with the error that stopped it. */
  done: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the service. Everything it, the indexer and the API log goes to `log`: make it with
 * createLogger (logger.ts), as main.ts does, so that no line carries RPC_URL's key or
 * DATABASE_URL's password, even when an error quotes them.
 *
 * Throws NoFactoryError or IndexMismatchError when the chain answers at once and the
 * configuration cannot fit it; when the chain is down, the API serves the index as it is, with
 * /readyz saying why it is not ready, until it answers (and `done` rejects with those errors if
 * it then turns out not to fit).
 */
export async function startService(config: Config, log: PinoLogger): Promise<RunningService> {
  return config.role === "api" ? startReplica(config, log) : startIndexer(config, log);
}

/** The bounds of the API's cache of answers, from the configuration. */
const cacheBounds = (config: Config): AppOptions["responseCache"] => ({
  maxEntries: config.responseCacheEntries,
  maxBytes: config.responseCacheBytes,
});

/** What both roles build alike: the app's options that come from the configuration alone. */
const appOptions = (config: Config, log: PinoLogger, metrics: Metrics) => ({
  corsOrigins: config.corsOrigins,
  rateLimit: config.rateLimit,
  trustProxy: config.trustProxy,
  logger: log,
  redact: secretRedactor([config.rpcUrl, config.databaseUrl]),
  rpcUrl: config.rpcUrl,
  webhookAllowPrivate: config.webhookAllowPrivate,
  ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  metrics,
  metricsOnApi: config.metricsPort === undefined,
  responseCache: cacheBounds(config),
  ...(config.ensRpcUrl ? { ensName: mainnetEnsResolver(config.ensRpcUrl) } : {}),
  ...(existsSync(`${WEB_ROOT}/index.html`) ? { webRoot: WEB_ROOT } : {}),
});

/** How often the submitter looks for receipts, stuck transactions and relays queued by replicas. */
const RELAY_PASS_MS = 1_000;

/** The relay's desk, when RELAYER_PRIVATE_KEY is set: every role takes relays and queues them. */
function relayDeskFor(
  config: Config,
  db: Parameters<typeof relayDesk>[0]["db"],
  client: PublicClient,
  chainId: () => number,
  queued?: (relay: Relay) => void,
): RelayDesk | undefined {
  if (!config.relay) return undefined;
  return relayDesk({ db, client, config: config.relay, chainId, ...(queued ? { queued } : {}) });
}

const relayOption = (desk: RelayDesk | undefined) => (desk ? { relay: desk } : {});

/** METRICS_PORT: the metrics on a port of their own, which need not be public as the API is. */
async function metricsServerFor(config: Config, metrics: Metrics): Promise<FastifyInstance | undefined> {
  if (config.metricsPort === undefined) return undefined;
  const server = Fastify({ logger: false });
  await server.register(metricsRoute, { metrics });
  return server;
}

/** Where `server` listens, as a URL. */
const origin = (config: Config, server: FastifyInstance) =>
  `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${(server.server.address() as AddressInfo).port}`;

/** Whether the service was asked to stop, which /readyz and the status say while requests drain. */
interface Stopping {
  requested: boolean;
}

/**
 * What both roles return once they listen. Stopping drains first, with /readyz at 503
 * (`stopping.requested`) so that a proxy stops sending here while the requests already on their
 * way (accepted, or still in the listen queue) are answered in full; then `abort`, and wait for
 * `done`. Only the first call drains.
 */
function running(
  config: Config,
  parts: {
    app: FastifyInstance;
    metricsServer: FastifyInstance | undefined;
    connected: Promise<Indexer>;
    done: Promise<void>;
    stopping: Stopping;
    abort: () => void;
  },
): RunningService {
  const { app, metricsServer, connected, done, stopping, abort } = parts;
  return {
    role: config.role,
    connected,
    url: origin(config, app),
    ...(metricsServer ? { metricsUrl: origin(config, metricsServer) } : {}),
    done,
    async stop() {
      const first = !stopping.requested;
      stopping.requested = true;
      if (first && config.shutdownDrainMs > 0) await sleep(config.shutdownDrainMs);
      abort();
      await done.catch(() => undefined);
    },
  };
}

/** A status that says "stopping" once the service is asked to stop, whatever it said before. */
const unlessStopping = (status: IndexerStatus, stopping: boolean): IndexerStatus =>
  stopping ? { ...status, caughtUp: false, reason: "stopping" } : status;

/** ROLE=all and ROLE=indexer: the indexer, with the API in the same process. */
async function startIndexer(config: Config, log: PinoLogger): Promise<RunningService> {
  const controller = new AbortController();
  let indexer: Indexer | undefined;
  const waiting = startingStatus("reaching the chain at RPC_URL");
  const stopping: Stopping = { requested: false };
  /** The indexer's own status, without the stopping: what the heartbeat tells the replicas. */
  const indexerStatus = () => indexer?.status ?? waiting;
  const status = () => unlessStopping(indexerStatus(), stopping.requested);
  const metrics = createMetrics({ status, pools: () => handle.pools() });
  const rpc = metrics.instrument(
    createRpc(config.rpcUrl, {
      signal: controller.signal,
      onRetry: (error, attempt) => {
        metrics.retried();
        log.warn({ attempt, error: String(error).slice(0, 200) }, "RPC request failed; retrying");
      },
    }),
  );
  // Reaching the chain is tried once at a time: a chain that is down is waited for here, not by
  // the indexer's retries.
  const probe = createRpc(config.rpcUrl, { retries: 0, signal: controller.signal });
  /** Why the service must stop on its own: another indexer took the database while its lock was lost. */
  let lost: Error | undefined;
  const handle = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    writer: true,
    onError(error) {
      if (error instanceof DatabaseLockedError) {
        lost = error;
        log.error({}, error.message);
        controller.abort();
      } else {
        log.warn({ error: String(error) }, "a database connection was lost; it is replaced when next needed");
      }
    },
  });
  let heartbeat: Heartbeat | undefined;
  let feed: Publisher | undefined;
  let offIndexHeard: Listening | undefined;
  try {
    await handle.migrate();
    let factory: Address | undefined;
    // The API's live events, relayed from the indexer once there is one, each with its id: on
    // Postgres through the database, for the API replicas too; on PGlite in this process alone.
    const live = handle.kind === "postgres" ? postgresPublisher(handle.db, log) : memoryFeed();
    feed = live;
    metrics.follow(live.events);
    // The relay: queued here and by the replicas, sent by this process alone (the writer).
    let submitter: RelaySubmitter | undefined;
    const desk = relayDeskFor(
      config,
      handle.db,
      rpc.client,
      () => indexerStatus().chainId,
      (relay) => {
        void live.publish("relay", relay);
        void submitter?.pass();
      },
    );
    // A comment taken here is told to the replicas, and one taken by a replica is heard here.
    const offIndex = offIndexSignal(handle, log);
    const app = await buildApp({
      ...appOptions(config, log, metrics),
      db: handle.reads,
      status,
      events: live.events,
      feed: live,
      factory: () => factory,
      ...relayOption(desk),
      ...(offIndex ? { announceOffIndex: offIndex.announce } : {}),
    });
    offIndexHeard = await offIndex?.listen(() => app.offIndexHeard?.());
    const metricsServer = await metricsServerFor(config, metrics);
    if (handle.kind === "postgres") {
      const beat = startHeartbeat(handle.db, indexerStatus, {
        intervalMs: config.heartbeatIntervalMs,
        redact: secretRedactor([config.rpcUrl, config.databaseUrl]),
        log,
      });
      heartbeat = beat;
      // A range that ends a failure or a catch-up changes the reason: the replicas hear of it now.
      live.events.on("indexed", () => void beat.beatIfChanged());
      live.events.on("reorg", () => void beat.beatIfChanged());
    }

    /**
     * Reaches the chain, finds its factory and checks the index against it; null if the chain
     * does not answer. A configuration that cannot fit the chain throws.
     */
    const connect = async (): Promise<Indexer | null> => {
      try {
        return await reach(await probe.chainId());
      } catch (error) {
        if (error instanceof NoFactoryError || error instanceof IndexMismatchError) throw error;
        waiting.reason = `waiting for the chain at RPC_URL, which does not answer (${errorText(error).slice(0, 160)})`;
        return null;
      }
    };
    const reach = async (chainId: number): Promise<Indexer> => {
      const deployment = deployments[chainId];
      factory = config.factory ?? deployment?.factory;
      if (!factory) {
        throw new NoFactoryError(
          `No factory address for chain ${chainId}: set FACTORY_ADDRESS or deploy Rhizome to it first`,
        );
      }
      const created = new Indexer(
        handle.db,
        rpc,
        {
          factory,
          startBlock: config.startBlock ?? deployment?.startBlock ?? 0,
          confirmations: config.confirmations,
          maxReorgDepth: config.maxReorgDepth,
          pollInterval: config.pollInterval,
        },
        log,
      );
      await created.init();
      relay(created, live);
      log.info({ chainId, factory, database: handle.location, cursor: created.status.cursor }, "indexer ready");
      return created;
    };

    // The first attempt decides before the API listens: a configuration that cannot fit the
    // chain is refused at once, not served.
    const first = await connect();
    await app.listen({ host: config.host, port: config.port });
    if (metricsServer) await metricsServer.listen({ host: config.host, port: config.metricsPort ?? 0 });
    // Webhooks, from the one writer: owed after each committed range, sent (and retried) from here.
    // The operator's list is read in once the chain answers (what it holds then is history).
    const dispatcher = new WebhookDispatcher({
      db: handle.db,
      source: webhookSource(handle.db),
      publicUrl: config.publicUrl ?? origin(config, app),
      maxAttempts: config.webhookMaxAttempts,
      retryBaseMs: config.webhookRetryBaseMs,
      timeoutMs: config.webhookTimeoutMs,
      allowPrivate: config.webhookAllowPrivate,
      log,
    });
    live.events.on("indexed", (range) => void dispatcher.pass(range.collectives));
    dispatcher.start(Math.min(config.webhookRetryBaseMs, 5_000));

    let stopProgress = () => {};
    const connected = (async () => {
      let reached = first;
      for (let attempt = 0; !reached; attempt++) {
        if (attempt === 0) log.warn({ reason: waiting.reason }, "the chain does not answer; the API serves meanwhile");
        await sleep(Math.min(config.pollInterval * 2 ** attempt, MAX_CONNECT_DELAY_MS), controller.signal);
        if (controller.signal.aborted) throw new StoppedBeforeChainError();
        reached = await connect();
      }
      const head = await rpc.client.getBlock({ blockTag: "latest" });
      await syncOperatorWebhooks(handle.db, config.webhooks, Number(head.timestamp));
      indexer = reached;
      if (config.relay) {
        submitter = new RelaySubmitter({
          db: handle.db,
          client: rpc.client,
          config: config.relay,
          chainId: reached.status.chainId,
          log,
          changed: (relay) => void live.publish("relay", relay),
        });
        submitter.start(RELAY_PASS_MS);
        log.info({ relayer: config.relay.account.address }, "relaying signed actions");
      }
      stopProgress = showProgress(reached, log);
      return reached;
    })();
    const done = connected
      .then(
        (reached) => reached.run(controller.signal),
        (error: unknown) => {
          if (!(error instanceof StoppedBeforeChainError)) throw error;
        },
      )
      .finally(async () => {
        stopProgress();
        await submitter?.stop();
        await dispatcher.stop();
        await app.close();
        await metricsServer?.close();
        await heartbeat?.stop();
        await offIndexHeard?.close();
        await live.close();
        await handle.close();
      })
      .then(() => {
        if (lost) throw lost;
      });
    connected.catch(() => undefined);
    return running(config, { app, metricsServer, connected, done, stopping, abort: () => controller.abort() });
  } catch (error) {
    await heartbeat?.stop();
    await offIndexHeard?.close();
    await feed?.close();
    await handle.close();
    throw error;
  }
}

/**
 * ROLE=api: a read-only replica over the indexer's Postgres. No chain sync, no writer's lock, no
 * migration: until the indexer has migrated the database to this release's schema, /readyz says
 * so and /api answers 503. Its status is the indexer's, read from the database on a timer and on
 * every live event; its live events are the indexer's, heard through LISTEN.
 */
async function startReplica(config: Config, log: PinoLogger): Promise<RunningService> {
  const stopping: Stopping = { requested: false };
  let status: () => IndexerStatus = () => unlessStopping(startingStatus("starting"), stopping.requested);
  const handle = await openDatabase({
    url: config.databaseUrl,
    onError(error) {
      log.warn({ error: String(error) }, "a database connection was lost; it is replaced when next needed");
    },
  });
  const metrics = createMetrics({ status: () => status(), pools: () => handle.pools() });
  const closing: (() => Promise<void>)[] = [() => handle.close()];
  const closeAll = async () => {
    for (const close of closing.splice(0).reverse()) await close();
  };
  try {
    // Read every second at most, and often enough to notice a stale heartbeat in time.
    const refreshMs = Math.max(50, Math.min(1_000, Math.floor(config.staleAfterMs / 4)));
    const live = await postgresSubscriber(handle, log);
    closing.push(() => live.close());
    const shared = await readSharedStatus(handle, {
      staleAfterMs: config.staleAfterMs,
      refreshMs,
      // A notification lost with its connection shows as a newer id in the table: read up to it.
      onLiveId: (id) => void (id > live.lastId && live.catchUp()),
      log,
    });
    closing.push(() => shared.stop());
    status = () => unlessStopping(shared.status, stopping.requested);
    const refresh = () => void shared.refresh();
    live.events.on("indexed", refresh);
    live.events.on("reorg", refresh);
    live.events.on("reset", refresh);

    const offIndex = offIndexSignal(handle, log);
    const app = await buildApp({
      ...appOptions(config, log, metrics),
      db: handle.reads,
      status: () => status(),
      events: live.events,
      feed: live,
      factory: () => config.factory ?? shared.factory,
      unavailable: () => shared.unavailable,
      ...relayOption(
        relayDeskFor(
          config,
          handle.db,
          createPublicClient({ transport: http(config.rpcUrl) }),
          () => shared.status.chainId,
        ),
      ),
      ...(offIndex ? { announceOffIndex: offIndex.announce } : {}),
    });
    closing.push(() => app.close());
    const heard = await offIndex?.listen(() => app.offIndexHeard?.());
    if (heard) closing.push(() => heard.close());
    const metricsServer = await metricsServerFor(config, metrics);
    if (metricsServer) closing.push(() => metricsServer.close());
    await app.listen({ host: config.host, port: config.port });
    if (metricsServer) await metricsServer.listen({ host: config.host, port: config.metricsPort ?? 0 });
    log.info(
      { database: handle.location, ready: shared.status.caughtUp, reason: shared.status.reason },
      "API replica listening: it follows the indexer through the database",
    );

    const controller = new AbortController();
    const done = new Promise<void>((resolve) => controller.signal.addEventListener("abort", () => resolve())).then(
      closeAll,
    );
    const connected = Promise.reject(new NoIndexerError("ROLE=api runs no indexer"));
    connected.catch(() => undefined);
    return running(config, { app, metricsServer, connected, done, stopping, abort: () => controller.abort() });
  } catch (error) {
    await closeAll();
    throw error;
  }
}

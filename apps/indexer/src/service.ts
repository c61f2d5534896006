/**
 * The indexer service as a function: open the database (refusing to run beside another
 * indexer), serve the API, reach the chain (waiting for it, while the API answers, when it is
 * down), check that the database's index is this chain's, and follow the chain until stopped.
 * The CLI (main.ts) and `npm start` both run it.
 */
import { EventEmitter } from "node:events";
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Logger as PinoLogger } from "pino";
import type { Address } from "viem";
import { deployments } from "@rhizome/contracts";
import { DatabaseLockedError, openDatabase } from "@rhizome/db";
import Fastify, { type FastifyInstance } from "fastify";
import { buildApp } from "./app.js";
import type { Config } from "./config.js";
import { createMetrics } from "./metrics.js";
import { showProgress } from "./progress.js";
import metricsRoute from "./routes/metrics.js";
import { secretRedactor } from "./redact.js";
import type { IndexerEvents } from "./routes/api/events.js";
import { IndexMismatchError, Indexer, startingStatus } from "./indexer.js";
import { createRpc, errorText, sleep } from "./sync/rpc.js";

/** The web client's production build, when it was built (`npm run build`). */
const WEB_ROOT = fileURLToPath(new URL("../../web/dist", import.meta.url));
/** The longest wait between two attempts to reach a chain that does not answer. */
const MAX_CONNECT_DELAY_MS = 30_000;

/** The chain has no Rhizome factory that the indexer knows of. */
export class NoFactoryError extends Error {
  override name = "NoFactoryError";
}

export interface RunningService {
  /** The indexer, once the chain has answered and the database's index was found to be its own. */
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
  const controller = new AbortController();
  let indexer: Indexer | undefined;
  const waiting = startingStatus("reaching the chain at RPC_URL");
  /** Set when the service is asked to stop: /readyz then says so while requests drain. */
  let stopping = false;
  const status = () => {
    const current = indexer?.status ?? waiting;
    return stopping ? { ...current, caughtUp: false, reason: "stopping" } : current;
  };
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
  try {
    await handle.migrate();
    let factory: Address | undefined;
    // The API's live events, relayed from the indexer once there is one.
    const events = new EventEmitter<IndexerEvents>();
    metrics.follow(events);
    const app = await buildApp({
      db: handle.reads,
      status,
      events,
      corsOrigins: config.corsOrigins,
      rateLimit: config.rateLimit,
      trustProxy: config.trustProxy,
      logger: log,
      redact: secretRedactor([config.rpcUrl, config.databaseUrl]),
      rpcUrl: config.rpcUrl,
      factory: () => factory,
      metrics,
      metricsOnApi: config.metricsPort === undefined,
      ...(existsSync(`${WEB_ROOT}/index.html`) ? { webRoot: WEB_ROOT } : {}),
    });
    // METRICS_PORT: the metrics on a port of their own, which need not be public as the API is.
    let metricsServer: FastifyInstance | undefined;
    if (config.metricsPort !== undefined) {
      metricsServer = Fastify({ logger: false });
      await metricsServer.register(metricsRoute, { metrics });
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
      created.on("indexed", (range) => events.emit("indexed", range));
      created.on("reorg", (reorg) => events.emit("reorg", reorg));
      log.info({ chainId, factory, database: handle.location, cursor: created.status.cursor }, "indexer ready");
      return created;
    };

    // The first attempt decides before the API listens: a configuration that cannot fit the
    // chain is refused at once, not served.
    const first = await connect();
    await app.listen({ host: config.host, port: config.port });
    const origin = (server: FastifyInstance) =>
      `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${(server.server.address() as AddressInfo).port}`;
    const url = origin(app);
    if (metricsServer) await metricsServer.listen({ host: config.host, port: config.metricsPort ?? 0 });

    let stopProgress = () => {};
    const connected = (async () => {
      let reached = first;
      for (let attempt = 0; !reached; attempt++) {
        if (attempt === 0) log.warn({ reason: waiting.reason }, "the chain does not answer; the API serves meanwhile");
        await sleep(Math.min(config.pollInterval * 2 ** attempt, MAX_CONNECT_DELAY_MS), controller.signal);
        if (controller.signal.aborted) throw new Error("The service stopped before it reached the chain");
        reached = await connect();
      }
      indexer = reached;
      stopProgress = showProgress(reached, log);
      return reached;
    })();
    const done = connected
      .then((running) => running.run(controller.signal))
      .finally(async () => {
        stopProgress();
        await app.close();
        await metricsServer?.close();
        await handle.close();
      })
      .then(() => {
        if (lost) throw lost;
      });
    connected.catch(() => undefined);
    return {
      connected,
      url,
      ...(metricsServer ? { metricsUrl: origin(metricsServer) } : {}),
      done,
      async stop() {
        // Drain first: /readyz answers 503 so that a proxy stops sending here, while the requests
        // already on their way (accepted, or still in the listen queue) are answered in full.
        if (!stopping && config.shutdownDrainMs > 0) {
          stopping = true;
          await sleep(config.shutdownDrainMs);
        }
        stopping = true;
        controller.abort();
        await done.catch(() => undefined);
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

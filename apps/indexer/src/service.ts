/**
 * The indexer service as a function: open the database (refusing to run beside another
 * indexer), check the chain, serve the API, follow the chain until stopped. The CLI (main.ts)
 * and `npm start` both run it.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Logger as PinoLogger } from "pino";
import { deployments } from "@rhizome/contracts";
import { openDatabase } from "@rhizome/db";
import { buildApp } from "./app.js";
import type { Config } from "./config.js";
import { showProgress } from "./progress.js";
import { Indexer } from "./sync/indexer.js";
import { createRpc } from "./sync/rpc.js";

/** The web client's production build, when it was built (`npm run build`). */
const WEB_ROOT = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** The chain has no Rhizome factory that the indexer knows of. */
export class NoFactoryError extends Error {
  override name = "NoFactoryError";
}

export interface RunningService {
  indexer: Indexer;
  url: string;
  /** Resolves when the indexer stops: after `stop()`, or with the error that stopped it. */
  done: Promise<void>;
  stop(): Promise<void>;
}

export async function startService(config: Config, log: PinoLogger): Promise<RunningService> {
  const rpc = createRpc(config.rpcUrl, {
    onRetry: (error, attempt) =>
      log.warn({ attempt, error: String(error).slice(0, 200) }, "RPC request failed; retrying"),
  });
  const chainId = await rpc.chainId();
  const deployment = deployments[chainId];
  const factory = config.factory ?? deployment?.factory;
  if (!factory) {
    throw new NoFactoryError(
      `No factory address for chain ${chainId}: set FACTORY_ADDRESS or deploy Rhizome to it first`,
    );
  }
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, writer: true });
  try {
    await handle.migrate();
    const indexer = new Indexer(
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
    await indexer.init();
    log.info({ chainId, factory, database: handle.location, cursor: indexer.status.cursor }, "indexer ready");
    const stopProgress = showProgress(indexer, log);
    const app = await buildApp({
      db: handle.db,
      status: () => indexer.status,
      events: indexer,
      corsOrigins: config.corsOrigins,
      rateLimit: config.rateLimit,
      logger: false,
      rpcUrl: config.rpcUrl,
      factory,
      ...(existsSync(`${WEB_ROOT}/index.html`) ? { webRoot: WEB_ROOT } : {}),
    });
    await app.listen({ host: config.host, port: config.port });
    const url = `http://${config.host}:${config.port}`;
    const controller = new AbortController();
    const done = indexer.run(controller.signal).finally(async () => {
      stopProgress();
      await app.close();
      await handle.close();
    });
    return {
      indexer,
      url,
      done,
      async stop() {
        controller.abort();
        await done.catch(() => undefined);
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

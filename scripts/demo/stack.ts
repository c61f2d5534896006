/**
 * The whole local stack as a function: an in-process Hardhat chain, Rhizome deployed to it, the
 * demo collectives built by real transactions, and the indexer service (API and the web build,
 * same origin). `npm start` runs it on fixed ports; the end-to-end tests on free ones.
 */
import { createServer } from "node:net";
import type { Logger } from "pino";
import { network } from "hardhat";
import { deployRhizome, type Deployment } from "@rhizome/contracts";
import { loadConfig, startService, type Indexer, type RunningService } from "@rhizome/indexer";
import { writeDeployment } from "../deployments.js";
import { localClients, relayerKey, type LocalClients } from "./clients.js";
import { buildDemo } from "./rizom.js";
import { postDemoThreads } from "./threads.js";

export interface StackOptions {
  /** The chain's JSON-RPC port on 127.0.0.1; 0 picks a free one. */
  chainPort: number;
  /** The API's (and web client's) port; undefined: `PORT` from `env`, else 42069. */
  apiPort?: number;
  /** PGlite's data folder; undefined: `DATA_DIR` from `env`, else .rhizome/db. */
  dataDir?: string;
  /** Record the deployment where @rhizome/contracts picks it up (npm start does; tests do not). */
  recordDeployment?: boolean;
  /** The indexer's other settings (DATABASE_URL, CONFIRMATIONS…); process.env by default. */
  env?: NodeJS.ProcessEnv;
  log: Logger;
  /** Called once the chain listens, before the deployment and the demo. */
  onChain?: (rpcUrl: string) => void;
}

export interface Stack {
  rpcUrl: string;
  chainPort: number;
  /** Where the API and the web client are served. */
  url: string;
  clients: LocalClients;
  deployment: Deployment;
  demo: Awaited<ReturnType<typeof buildDemo>>;
  service: RunningService;
  /** The account that relays members' signed actions, when the relay is on. */
  relayer: string | undefined;
  /** The service's indexer, caught up with the demo when the stack is returned. */
  indexer: Indexer;
  /** Stops the service, then the chain. */
  stop(): Promise<void>;
}

/** The chain's port is taken by another process. */
export class PortInUseError extends Error {
  override name = "PortInUseError";
}

/**
 * Fails early, saying what to do, when `port` is taken. Hardhat's server would instead crash the
 * process from an unhandled 'error' event of its WebSocket server.
 */
async function ensureFree(port: number, advice: string): Promise<void> {
  // 0 asks for any free port; a malformed PORT is loadConfig's to report.
  if (port === 0 || !Number.isInteger(port) || port < 0 || port > 65_535) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new PortInUseError(`Port ${port} is in use: ${advice}`) : error),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const env = options.env ?? process.env;
  await ensureFree(options.chainPort, "stop the other chain, or set CHAIN_PORT.");
  await ensureFree(options.apiPort ?? Number(env.PORT || 42069), "stop the other Rhizome, or set PORT.");
  const server = await network.createServer({}, "127.0.0.1", options.chainPort);
  const chainPort = (await server.listen()).port;
  try {
    const rpcUrl = `http://127.0.0.1:${chainPort}`;
    options.onChain?.(rpcUrl);
    const clients = localClients(rpcUrl);
    const [deployer] = clients.wallets;
    if (!deployer) throw new Error("The local chain has no accounts");
    await clients.publicClient.request({ method: "hardhat_setLoggingEnabled" as never, params: [false] as never });
    const deployment = await deployRhizome({ publicClient: clients.publicClient, walletClient: deployer });
    if (options.recordDeployment) await writeDeployment(deployment);
    const demo = await buildDemo(clients, deployment);
    const config = loadConfig({
      ...env,
      RPC_URL: rpcUrl,
      FACTORY_ADDRESS: deployment.factory,
      START_BLOCK: String(deployment.startBlock),
      CONFIRMATIONS: env.CONFIRMATIONS ?? "2",
      // A newcomer votes without gas: a dev account no demo member uses pays (RELAYER_PRIVATE_KEY= turns it off).
      RELAYER_PRIVATE_KEY: env.RELAYER_PRIVATE_KEY ?? relayerKey(),
      ...(options.apiPort !== undefined ? { PORT: String(options.apiPort) } : {}),
      ...(options.dataDir !== undefined ? { DATA_DIR: options.dataDir } : {}),
    });
    const service = await startService(config, options.log);
    const indexer = await service.connected;
    await indexer.syncToHead();
    await postDemoThreads(service.url, indexer.status.chainId, demo.rizom.modules.governor, demo.people);
    return {
      rpcUrl,
      chainPort,
      url: service.url,
      clients,
      deployment,
      demo,
      service,
      relayer: config.relay?.account.address,
      indexer,
      async stop() {
        await service.stop();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

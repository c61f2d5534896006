/**
 * Runs the chain in a process of its own (chain-process.ts), as production runs a node apart
 * from its indexers, and waits until it serves the generated history over HTTP JSON-RPC. The
 * benchmark's process keeps only what it needs to check and extend that history: the addresses,
 * the census, and a driver for the chain over JSON-RPC that signs here.
 */
import { fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import type { PrivateKeyAccount } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { txsFor, type Txs } from "./actions.js";
import { driveChainAt, type BenchChain } from "./chain.js";
import type { Faults } from "../../test/helpers/rpc-server.js";
import type { ChainMessage, ChainRequest, ProviderStats, Scenario, ServedChain } from "./chain-process.js";

/** A provider in front of the chain, served by the chain's process: its URL, its counts, its end. */
export interface Provider {
  url: string;
  /** Calls answered by method, requests rate-limited, ranges refused: since it started. */
  stats(): Promise<ProviderStats>;
  close(): Promise<void>;
}

export interface ServedHistory extends Omit<ServedChain, "live"> {
  /** The chain over JSON-RPC, for the blocks mined after the history. */
  chain: BenchChain;
  tx: Txs;
  live: { proposer: PrivateKeyAccount; voters: PrivateKeyAccount[] };
  /** Starts a fresh provider in front of the chain with these limits (see test/helpers/rpc-server.ts). */
  provider(faults: Partial<Faults>): Promise<Provider>;
  /** Stops the chain's process. */
  close(): Promise<void>;
}

/** A request of the union without its id (distributed over the union's members). */
type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/** The chain's process ended before it served the history. */
export class ChainProcessError extends Error {
  override name = "ChainProcessError";
}

export async function serveHistory(scenario: Scenario = "dense"): Promise<ServedHistory> {
  const child = fork(fileURLToPath(new URL("./chain-process.ts", import.meta.url)), [], {
    // The same Node, loading TypeScript as the benchmark's own process does.
    execArgv: ["--import", import.meta.resolve("tsx")],
    env: { ...process.env, BENCH_SCENARIO: scenario },
    // Structured clone: the deployment and census go over as they are.
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    if (child.connected) child.disconnect();
    else child.kill();
    await exited;
  };
  // Answers to the requests below, by id.
  const pending = new Map<
    number,
    { resolve: (m: ChainMessage & { kind: "answer" }) => void; reject: (e: Error) => void }
  >();
  let nextId = 0;
  const ask = (request: WithoutId<ChainRequest>) =>
    new Promise<ChainMessage & { kind: "answer" }>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ ...request, id } as ChainRequest);
    });
  child.on("message", (message: ChainMessage) => {
    if (message.kind !== "answer") return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiting?.reject(new Error(`The chain's process: ${message.error}`));
    else waiting?.resolve(message);
  });
  child.once("exit", () => {
    for (const waiting of pending.values()) waiting.reject(new ChainProcessError("The chain's process exited"));
    pending.clear();
  });
  const provider = async (faults: Partial<Faults>): Promise<Provider> => {
    const { url } = await ask({ kind: "provider", faults });
    if (!url) throw new Error("The chain's process started no provider");
    return {
      url,
      stats: async () => {
        const { stats } = await ask({ kind: "stats", provider: url });
        if (!stats) throw new Error(`No stats for the provider at ${url}`);
        return stats;
      },
      close: async () => {
        await ask({ kind: "close", provider: url });
      },
    };
  };
  try {
    const served = await new Promise<ServedChain>((resolve, reject) => {
      child.on("message", (message: ChainMessage) => {
        if (message.kind === "served") resolve(message.served);
      });
      child.once("error", reject);
      child.once("exit", (code, signal) =>
        reject(new ChainProcessError(`The chain's process exited (${signal ?? code}) before serving the history`)),
      );
    });
    return {
      provider,
      ...served,
      chain: await driveChainAt(served.url),
      tx: txsFor(served.modules, served.token),
      live: {
        proposer: privateKeyToAccount(served.live.proposer),
        voters: served.live.voters.map((key) => privateKeyToAccount(key)),
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

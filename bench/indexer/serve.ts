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
import type { ServedChain } from "./chain-process.js";

export interface ServedHistory extends Omit<ServedChain, "live"> {
  /** The chain over JSON-RPC, for the blocks mined after the history. */
  chain: BenchChain;
  tx: Txs;
  live: { proposer: PrivateKeyAccount; voters: PrivateKeyAccount[] };
  /** Stops the chain's process. */
  close(): Promise<void>;
}

/** The chain's process ended before it served the history. */
export class ChainProcessError extends Error {
  override name = "ChainProcessError";
}

export async function serveHistory(): Promise<ServedHistory> {
  const child = fork(fileURLToPath(new URL("./chain-process.ts", import.meta.url)), [], {
    // The same Node, loading TypeScript as the benchmark's own process does.
    execArgv: ["--import", import.meta.resolve("tsx")],
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
  try {
    const served = await new Promise<ServedChain>((resolve, reject) => {
      child.once("message", (message) => resolve(message as ServedChain));
      child.once("error", reject);
      child.once("exit", (code, signal) =>
        reject(new ChainProcessError(`The chain's process exited (${signal ?? code}) before serving the history`)),
      );
    });
    return {
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

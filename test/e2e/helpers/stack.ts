/**
 * One whole local stack per test file (chain, demo, indexer, API and web build) on free ports
 * with its own PGlite folder, so it never meets a `npm start` running beside it; plus time
 * travel that waits until the index has seen the new block.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { getAddress, parseEther, type Address } from "viem";
import { startStack, type Stack } from "../../../scripts/demo/stack.js";

export interface E2eStack extends Stack {
  /** The demo collective Rizom's address (its governor's, as the API names it). */
  rizom: Address;
  /** Dev account `index`'s address. */
  address(index: number): Address;
  /** Moves the chain's clock forward, mines a block and waits until it is indexed. */
  advance(seconds: number): Promise<void>;
  /** Waits until the index has caught up with the chain's head. */
  indexed(): Promise<void>;
  /** Gives dev account `index` some ETH, so a newcomer can pay for gas. */
  fund(index: number, eth?: string): Promise<void>;
  balance(index: number): Promise<bigint>;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export async function startE2eStack(): Promise<E2eStack> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "rhizome-e2e-"));
  // PGlite in its own folder, whatever DATABASE_URL says: a shared database would mix stacks.
  // Every person at the browser comes from 127.0.0.1 and clicks at machine speed: together they
  // pass the API's limit of 600 requests a minute per client that one person never reaches.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: "",
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? "100000",
  };
  const stack = await startStack({
    chainPort: 0,
    apiPort: await freePort(),
    dataDir: path.join(dataDir, "db"),
    env,
    log: pino({ level: "silent" }),
  });
  const { publicClient, wallets, increaseTime } = stack.clients;
  const address = (index: number) => {
    const wallet = wallets[index];
    if (!wallet) throw new Error(`No dev account ${index}`);
    return getAddress(wallet.account.address);
  };
  const indexed = async () => {
    const head = Number(await publicClient.getBlockNumber());
    const deadline = Date.now() + 30_000;
    while (stack.indexer.status.cursor < head) {
      if (Date.now() > deadline) throw new Error(`The index did not reach block ${head}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  return {
    ...stack,
    rizom: getAddress(stack.demo.rizom.modules.governor),
    address,
    indexed,
    async advance(seconds) {
      await increaseTime(seconds);
      await indexed();
    },
    async fund(index, eth = "10") {
      await publicClient.request({
        method: "hardhat_setBalance" as never,
        params: [address(index), `0x${parseEther(eth).toString(16)}`] as never,
      });
    },
    balance: (index) => publicClient.getBalance({ address: address(index) }),
    async stop() {
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

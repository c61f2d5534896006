/**
 * Driving the benchmark's chain (Hardhat's EDR, with a high block gas limit and a zero base fee)
 * as fast as it goes: automine off, transactions signed here with nonces we keep ourselves, sent
 * in batches, then one `evm_mine` per block at a timestamp we choose. Every block's receipts are
 * checked, so a history with a reverted transaction fails at once. The same driver works on the
 * chain in its own process (history.ts) and over JSON-RPC from the benchmark's (serve.ts).
 */
import {
  BaseError,
  decodeErrorResult,
  http,
  keccak256,
  numberToHex,
  parseEther,
  toHex,
  type Abi,
  type Address,
  type Hex,
  type PrivateKeyAccount,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import type { EthereumProvider } from "../../test/helpers/rpc-server.js";
import {
  collectiveFactoryAbi,
  collectiveGovernorAbi,
  collectiveTimelockAbi,
  sharesAbi,
  testTokenAbi,
  treasuryAbi,
  workAbi,
} from "@rhizome/contracts";

/** An account of the history, with its key so another process can sign for it. */
export type BenchAccount = PrivateKeyAccount & { privateKey: Hex };

/** One transaction of the history: who sends what, with a label for error messages. */
export interface Tx {
  from: PrivateKeyAccount;
  to: Address;
  data?: Hex;
  value?: bigint;
  gas: bigint;
  label: string;
}

/** Transactions in one block at most; more are spread over consecutive blocks. */
export const BLOCK_TXS = 250;
/** Requests in flight at once towards the chain. */
const BATCH = 250;
const CHAIN_ID = 31_337;
const ERROR_ABI = [
  ...collectiveFactoryAbi,
  ...collectiveGovernorAbi,
  ...collectiveTimelockAbi,
  ...sharesAbi,
  ...treasuryAbi,
  ...workAbi,
  ...testTokenAbi,
].filter((item) => item.type === "error") as Abi;

/** A deterministic account: the same private key on every run. */
export function benchAccount(role: string, index: number): BenchAccount {
  const privateKey = keccak256(toHex(`rhizome-bench:${role}:${index}`));
  return Object.assign(privateKeyToAccount(privateKey), { privateKey });
}

/** Drives the chain behind `provider`, from its latest block on. */
export async function driveChain(provider: EthereumProvider): Promise<BenchChain> {
  const chain = new BenchChain(provider);
  chain.now = Number((await chain.block("latest")).timestamp);
  return chain;
}

/**
 * Drives a chain served over HTTP JSON-RPC. No retries: a retried `evm_mine` or
 * `eth_sendRawTransaction` would not be the same request twice.
 */
export function driveChainAt(url: string): Promise<BenchChain> {
  return driveChain(http(url, { retryCount: 0, timeout: 60_000 })({}));
}

interface RpcBlock {
  number: Hex;
  timestamp: Hex;
  transactions: Hex[];
}

export class BenchChain {
  /** Timestamp of the latest block. */
  now = 0;
  /**
   * Seconds from one block to the next. With 1 (the dense history), a block mined at a later time
   * simply jumps there; above 1 (the sparse history, 2 as on an L2), the time before it is filled
   * with empty blocks this far apart, as a chain that makes a block every few seconds has them.
   */
  blockTime = 1;
  /** When (performance.now()) the latest `evm_mine` returned. */
  minedAt = 0;
  /** Transactions sent and blocks mined by the generator; milliseconds spent in each step. */
  readonly stats = { transactions: 0, blocks: 0, idleBlocks: 0, sendMs: 0, mineMs: 0, checkMs: 0 };
  /** Each sender's next nonce, read from the chain the first time it sends. */
  private readonly nonces = new Map<Address, Promise<number>>();

  constructor(readonly provider: EthereumProvider) {}

  request<T>(method: string, params: unknown[] = []): Promise<T> {
    return this.provider.request({ method, params }) as Promise<T>;
  }

  block(tag: "latest" | number): Promise<RpcBlock> {
    return this.request<RpcBlock>("eth_getBlockByNumber", [typeof tag === "number" ? numberToHex(tag) : tag, false]);
  }

  async head(): Promise<number> {
    return Number(await this.request<Hex>("eth_blockNumber"));
  }

  /** Gives every account plenty of ETH. */
  async fund(accounts: readonly PrivateKeyAccount[]): Promise<void> {
    const balance = numberToHex(parseEther("1000000"));
    await this.batch(accounts, (a) => this.request("hardhat_setBalance", [a.address, balance]));
  }

  /** Reads a contract with eth_call at the latest block. */
  call(to: Address, data: Hex): Promise<Hex> {
    return this.request<Hex>("eth_call", [{ to, data }, "latest"]);
  }

  /** Runs `task` over `items`, `BATCH` at a time. */
  async batch<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
    const out: R[] = [];
    for (let i = 0; i < items.length; i += BATCH) out.push(...(await Promise.all(items.slice(i, i + BATCH).map(task))));
    return out;
  }

  /**
   * Mines `txs` in as many blocks as they need (`BLOCK_TXS` each), the first at `at` (or one
   * second after the latest block), each next one a second later. Returns the block numbers.
   */
  async mine(txs: readonly Tx[], at?: number): Promise<number[]> {
    const chunks: (readonly Tx[])[] = [];
    for (let i = 0; i === 0 || i < txs.length; i += BLOCK_TXS) chunks.push(txs.slice(i, i + BLOCK_TXS));
    const blocks: number[] = [];
    // Before the transactions are sent: hardhat_mine would take them into its first block.
    if (this.blockTime > 1 && at !== undefined) await this.idle(Math.ceil((at - this.now) / this.blockTime) - 1);
    let signed = Promise.all((chunks[0] ?? []).map((tx) => this.sign(tx)));
    for (const [k, chunk] of chunks.entries()) {
      const raws = await signed;
      let started = performance.now();
      const hashes = await this.batch(raws, (raw) => this.request<Hex>("eth_sendRawTransaction", [raw]));
      this.stats.sendMs += performance.now() - started;
      started = performance.now();
      const timestamp = Math.max(this.now + this.blockTime, k === 0 ? (at ?? 0) : 0);
      const mined = this.request("evm_mine", [timestamp]);
      // The chain mines on a thread of its own: sign the next block's transactions meanwhile.
      const next = chunks[k + 1];
      if (next) signed = Promise.all(next.map((tx) => this.sign(tx)));
      await mined;
      this.minedAt = performance.now();
      this.stats.mineMs += this.minedAt - started;
      blocks.push(await this.check(chunk, hashes, timestamp));
    }
    return blocks;
  }

  /**
   * Mines `blocks` empty blocks in one call (Hardhat's `hardhat_mine`, which makes a million in
   * moments), `blockTime` seconds apart: a quiet stretch of the chain. Nothing when `blocks` < 1.
   */
  async idle(blocks: number): Promise<void> {
    if (blocks < 1) return;
    const started = performance.now();
    await this.request("hardhat_mine", [numberToHex(blocks), numberToHex(this.blockTime)]);
    this.now = Number((await this.block("latest")).timestamp);
    this.stats.idleBlocks += blocks;
    this.stats.mineMs += performance.now() - started;
  }

  /** Checks that the latest block holds `txs` at `timestamp` and that none of them reverted. */
  private async check(txs: readonly Tx[], hashes: Hex[], timestamp: number): Promise<number> {
    const started = performance.now();
    const block = await this.block("latest");
    this.now = Number(block.timestamp);
    if (this.now !== timestamp) throw new Error(`Block mined at ${this.now}, not at ${timestamp}`);
    if (block.transactions.length !== txs.length) {
      throw new Error(`Block ${Number(block.number)} holds ${block.transactions.length} of ${txs.length} transactions`);
    }
    const receipts = await this.batch(hashes, (hash) =>
      this.request<{ status: Hex }>("eth_getTransactionReceipt", [hash]),
    );
    const failed = receipts.findIndex((receipt) => receipt.status !== "0x1");
    const tx = txs[failed];
    if (tx) throw new Error(`Transaction "${tx.label}" reverted: ${await this.revertReason(tx)}`);
    this.stats.checkMs += performance.now() - started;
    this.stats.transactions += txs.length;
    this.stats.blocks += 1;
    return Number(block.number);
  }

  private async sign(tx: Tx): Promise<Hex> {
    // Taken before the first await, so transactions of one sender get their nonces in order.
    const { address } = tx.from;
    const next =
      this.nonces.get(address) ?? this.request<Hex>("eth_getTransactionCount", [address, "latest"]).then(Number);
    this.nonces.set(
      address,
      next.then((n) => n + 1),
    );
    const nonce = await next;
    return tx.from.signTransaction({
      chainId: CHAIN_ID,
      type: "eip1559",
      to: tx.to,
      data: tx.data ?? "0x",
      value: tx.value ?? 0n,
      nonce,
      gas: tx.gas,
      maxFeePerGas: 1_000_000_000n,
      maxPriorityFeePerGas: 0n,
    });
  }

  /** Why `tx` reverts, replayed on the latest state (good enough to debug a history). */
  private async revertReason(tx: Tx): Promise<string> {
    try {
      await this.request("eth_call", [
        { from: tx.from.address, to: tx.to, data: tx.data ?? "0x", value: numberToHex(tx.value ?? 0n) },
        "latest",
      ]);
      return "unknown (it succeeds when replayed on the latest state)";
    } catch (error) {
      const data = (error as { data?: Hex | { data?: Hex } }).data;
      const hex = typeof data === "string" ? data : data?.data;
      if (hex && hex.length >= 10) {
        try {
          const decoded = decodeErrorResult({ abi: ERROR_ABI, data: hex });
          return `${decoded.errorName}(${decoded.args?.map(String).join(", ") ?? ""})`;
        } catch {
          return hex;
        }
      }
      return error instanceof BaseError ? error.shortMessage : String(error);
    }
  }
}

/**
 * The indexer's view of the chain: logs in adaptive ranges, block headers, the head, each call
 * paced under the provider's rate limit as learned from its 429s (pacer.ts) and retried with
 * backoff when the RPC fails, times out or rate-limits.
 */
import { createPublicClient, http, numberToHex, type Address, type Hex, type PublicClient } from "viem";
import { Pacer } from "./pacer.js";
import { errorText, RpcRateLimitedError, toRpcError } from "./rpc-errors.js";

export { errorText };

/** A log as eth_getLogs returns it, with the fields the indexer reads. */
export interface RawLog {
  address: Address;
  topics: Hex[];
  data: Hex;
  blockNumber: bigint;
  blockHash: Hex;
  logIndex: number;
  transactionHash: Hex;
  blockTimestamp?: bigint;
}

/** Either a block range or one block by hash (which cannot mix two forks' logs). */
export type LogFilter = { address?: Address[]; topics?: (Hex | Hex[] | null)[] } & (
  | { fromBlock: number; toBlock: number; blockHash?: undefined }
  | { blockHash: Hex; fromBlock?: undefined; toBlock?: undefined }
);

export interface BlockHeader {
  number: number;
  hash: Hex;
  parentHash: Hex;
  timestamp: number;
}

export interface Rpc {
  client: PublicClient;
  chainId(): Promise<number>;
  head(): Promise<number>;
  header(number: number): Promise<BlockHeader>;
  /**
   * The head and the headers at these heights (undefined where the chain has no block yet), in
   * one request: what following the head asks at each poll.
   */
  headWithHeaders(numbers: number[]): Promise<{ head: number; headers: (BlockHeader | undefined)[] }>;
  /** The headers at these heights, by number; a height the chain has no block at is left out. */
  headers(numbers: number[]): Promise<Map<number, BlockHeader>>;
  logs(filter: LogFilter): Promise<RawLog[]>;
}

const RETRIES = 8;
/** The longest pause between two attempts, unless the provider asks for longer. */
const MAX_BACKOFF_MS = 5_000;

export interface RpcOptions {
  onRetry?: (error: unknown, attempt: number) => void;
  /** Attempts after the first before a failure goes to the caller (8). */
  retries?: number;
  /** Once aborted, a failed request is not tried again and no pause is waited out. */
  signal?: AbortSignal;
}

export function createRpc(url: string, options: RpcOptions = {}): Rpc {
  const retries = options.retries ?? RETRIES;
  // Our own retry loop owns the backoff; viem's is off so the two do not multiply. Busy ranges
  // answer tens of megabytes; the range shrinks when the RPC refuses, not us.
  const transport = { retryCount: 0, timeout: 30_000, maxResponseBodySize: 512 * 1024 * 1024 };
  // Single calls and large answers go out at once: a batch would hold each one for a timer tick
  // before sending, and would make the chain build concurrent log ranges into one answer.
  const client = createPublicClient({ transport: http(url, transport), cacheTime: 0 });
  // Small calls asked together (a poll, one block's logs, a range's timestamps) are worth one
  // request: one round trip instead of several competing connections.
  const batched = createPublicClient({
    transport: http(url, { ...transport, batch: { batchSize: 100, wait: 0 } }),
    cacheTime: 0,
  });
  const pacer = new Pacer();
  // Every call (each call of a batch too: providers bill them one by one) waits for its slot.
  // What the RPC will never answer as asked (a range over the provider's cap, a refused method)
  // goes to the caller at once. A rate limit slows the pace of every later call and holds them
  // all as long as the provider says, if it says; the refused call itself is asked again at the
  // new pace, backing off only if it is refused again. Anything else backs off. After `retries`
  // attempts the error goes to the caller, whose own loop keeps trying (the indexer's run loop).
  const withRetry = async <T>(method: string, task: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      const { waitMs, sentAt } = pacer.reserve();
      if (waitMs > 0) await sleep(waitMs, options.signal);
      try {
        const result = await task();
        pacer.succeeded();
        return result;
      } catch (caught) {
        const error = toRpcError(caught, method);
        const rateLimited = error instanceof RpcRateLimitedError;
        if (rateLimited) pacer.rateLimited(sentAt, error.retryAfterMs);
        else if (!error.retryable) pacer.succeeded();
        if (!error.retryable) throw error;
        if (attempt >= retries || options.signal?.aborted) {
          error.message = `${method} failed after ${attempt + 1} attempts. ${error.message}`;
          throw error;
        }
        options.onRetry?.(error, attempt + 1);
        if (rateLimited && attempt === 0) continue;
        const backoff = Math.min(100 * 2 ** attempt, MAX_BACKOFF_MS) * (0.5 + Math.random());
        await sleep(backoff, options.signal);
      }
    }
  };
  const toHeader = (block: {
    number: bigint | string | null;
    hash: Hex | null;
    parentHash: Hex;
    timestamp: bigint | string;
  }) => ({
    number: Number(block.number),
    hash: block.hash ?? "0x",
    parentHash: block.parentHash,
    timestamp: Number(block.timestamp),
  });
  // Raw, because viem's getBlock throws for a block the chain does not have (not mined yet, or
  // gone with a reorg that shortened the chain), which is an answer, not a failure to retry.
  const rawBlock = (number: number) =>
    withRetry(
      "eth_getBlockByNumber",
      () =>
        batched.request({ method: "eth_getBlockByNumber", params: [numberToHex(number), false] }) as Promise<{
          number: Hex;
          hash: Hex;
          parentHash: Hex;
          timestamp: Hex;
        } | null>,
    );
  return {
    client,
    chainId: () => withRetry("eth_chainId", () => client.getChainId()),
    head: () => withRetry("eth_blockNumber", async () => Number(await client.getBlockNumber({ cacheTime: 0 }))),
    header: (number) =>
      withRetry("eth_getBlockByNumber", async () => toHeader(await client.getBlock({ blockNumber: BigInt(number) }))),
    // The calls asked together go out in one batch; each is retried on its own, so a batch the
    // provider answers in part (a rate limit counted per call) asks again only for what failed.
    headWithHeaders: async (numbers) => {
      const [head, ...blocks] = await Promise.all([
        withRetry("eth_blockNumber", () => batched.getBlockNumber({ cacheTime: 0 })),
        ...numbers.map(rawBlock),
      ]);
      return { head: Number(head), headers: blocks.map((block) => (block ? toHeader(block) : undefined)) };
    },
    async headers(numbers) {
      const blocks = await Promise.all(numbers.map((n) => rawBlock(n)));
      return new Map(blocks.flatMap((block) => (block ? [[Number(block.number), toHeader(block)] as const] : [])));
    },
    logs: (filter) =>
      // A range the RPC refuses as too large is not retried here: the caller shrinks it.
      withRetry("eth_getLogs", async () => {
        // One block's logs are small, and asked together with the other sources' for that block.
        const result = await (filter.blockHash !== undefined ? batched : client).request({
          method: "eth_getLogs",
          params: [
            {
              ...(filter.address ? { address: filter.address } : {}),
              ...(filter.topics ? { topics: filter.topics } : {}),
              ...(filter.blockHash !== undefined
                ? { blockHash: filter.blockHash }
                : { fromBlock: numberToHex(filter.fromBlock), toBlock: numberToHex(filter.toBlock) }),
            },
          ],
        });
        return (result as unknown as Record<string, string>[]).map((log) => ({
          address: log.address as Address,
          topics: log.topics as unknown as Hex[],
          data: log.data as Hex,
          blockNumber: BigInt(log.blockNumber as string),
          blockHash: log.blockHash as Hex,
          logIndex: Number(log.logIndex),
          transactionHash: log.transactionHash as Hex,
          ...(log.blockTimestamp ? { blockTimestamp: BigInt(log.blockTimestamp) } : {}),
        }));
      }),
  };
}

/** Waits `ms`, or less when `signal` aborts first. */
export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });

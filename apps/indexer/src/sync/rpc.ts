/**
 * The indexer's view of the chain: logs in adaptive ranges, block headers, the head, each
 * retried with backoff when the RPC fails, times out or rate-limits.
 */
import { createPublicClient, http, numberToHex, type Address, type Hex, type PublicClient } from "viem";

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

/** The RPC refused or failed a request more times than the retry policy allows. */
export class RpcUnavailableError extends Error {
  override name = "RpcUnavailableError";
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
  headers(numbers: number[]): Promise<Map<number, BlockHeader>>;
  logs(filter: LogFilter): Promise<RawLog[]>;
}

const RETRIES = 8;

export function createRpc(url: string, options: { onRetry?: (error: unknown, attempt: number) => void } = {}): Rpc {
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
  const withRetry = async <T>(task: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await task();
      } catch (error) {
        if (attempt >= RETRIES || isPermanent(error)) {
          throw new RpcUnavailableError(`RPC request failed after ${attempt + 1} attempts`, { cause: error });
        }
        options.onRetry?.(error, attempt + 1);
        await sleep(Math.min(100 * 2 ** attempt, 5_000) * (0.5 + Math.random()));
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
  return {
    client,
    chainId: () => withRetry(() => client.getChainId()),
    head: () => withRetry(async () => Number(await client.getBlockNumber({ cacheTime: 0 }))),
    header: (number) => withRetry(async () => toHeader(await client.getBlock({ blockNumber: BigInt(number) }))),
    headWithHeaders: (numbers) =>
      withRetry(async () => {
        // Raw, because viem's getBlock throws for a block not mined yet, which is no failure here.
        const [head, ...blocks] = await Promise.all([
          batched.getBlockNumber({ cacheTime: 0 }),
          ...numbers.map(
            (number) =>
              batched.request({ method: "eth_getBlockByNumber", params: [numberToHex(number), false] }) as Promise<{
                number: Hex;
                hash: Hex;
                parentHash: Hex;
                timestamp: Hex;
              } | null>,
          ),
        ]);
        return { head: Number(head), headers: blocks.map((block) => (block ? toHeader(block) : undefined)) };
      }),
    async headers(numbers) {
      const blocks = await withRetry(() =>
        Promise.all(numbers.map((n) => batched.getBlock({ blockNumber: BigInt(n) }))),
      );
      return new Map(blocks.map((block) => [Number(block.number), toHeader(block)]));
    },
    logs: (filter) =>
      // A range the RPC refuses as too large is not retried here: the caller shrinks it.
      withRetry(async () => {
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

/** Errors that retrying cannot fix: the range is too large, or the request is malformed. */
export function isPermanent(error: unknown): boolean {
  const text = errorText(error);
  return (
    /range|too many|limit exceeded|response size|exceed|query returned more than/i.test(text) && !/rate/i.test(text)
  );
}

export function errorText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const e = current as { message?: string; details?: string; cause?: unknown };
    parts.push(e.message ?? "", e.details ?? "");
    current = e.cause;
  }
  return parts.join(" ");
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

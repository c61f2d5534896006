/**
 * Serves an in-process Hardhat chain over HTTP JSON-RPC, as a node would, so the indexer talks
 * to it exactly as to a real RPC: for the tests, and for the indexer benchmark's chain process
 * (bench/indexer/chain-process.ts). Faults can be switched on to make it flaky: errors, delays
 * and rate-limit answers on a share of the calls, every answer held back, connections dropped
 * unanswered, and eth_getLogs ranges refused as too wide.
 * Without them, the hot path is the provider's answer and one JSON.stringify.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface EthereumProvider {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

export interface Faults {
  /** Share of requests answered with a JSON-RPC internal error. */
  errorRate: number;
  /** Share of requests answered with HTTP 429. */
  rateLimitRate: number;
  /** Share of requests delayed by up to `maxDelayMs`. */
  delayRate: number;
  maxDelayMs: number;
  /** Every request waits this long before it is answered, as a chain that stalls does (0: none). */
  stallMs: number;
  /** Drop the connection of every request, unanswered, until this many have been dropped. */
  dropNext: number;
  /** Answer as a node this many blocks behind: a lower head, and no block above it. */
  lagBlocks: number;
  /** The chain id to answer eth_chainId with (0: the chain's own), to stand for a chain that is not a local one. */
  chainId: number;
  /** eth_getLogs ranges wider than this are refused as too large (0: no limit). */
  maxLogRange: number;
  /** How a rate-limited request is answered: as hosted providers do (see RATE_LIMIT_ANSWERS). */
  rateLimitShape: RateLimitShape;
  /** Rate-limit every request until this many have been refused (on top of `rateLimitRate`). */
  rateLimitNext: number;
  /** Seconds a rate-limited answer asks the client to wait (Retry-After, or the provider's own field). */
  retryAfterSeconds: number;
  /** Answer each eth_getLogs with every log twice, as some providers' load balancers have. */
  duplicateLogs: boolean;
  /** eth_getLogs filters with more addresses, or a longer topic list, than this are refused (0: no limit). */
  maxFilterSize: number;
}

export type RateLimitShape = "plain" | "alchemy" | "infura" | "quicknode";

/**
 * Rate-limit answers as providers send them: the HTTP status, headers and body. `plain` is a bare
 * 429; Alchemy answers 429 with a JSON-RPC error of code 429; Infura answers 429 with code -32005
 * and the wait in `data.rate.backoff_seconds`; QuickNode answers 200 with code -32007.
 */
const RATE_LIMIT_ANSWERS: Record<
  RateLimitShape,
  (id: unknown, seconds: number) => { status: number; headers: Record<string, string>; body: unknown }
> = {
  plain: (_id, seconds) => ({
    status: 429,
    headers: { "retry-after": String(seconds) },
    body: { error: "rate limited (injected)" },
  }),
  alchemy: (id, seconds) => ({
    status: 429,
    headers: { "retry-after": String(seconds) },
    body: {
      jsonrpc: "2.0",
      id,
      error: {
        code: 429,
        message:
          "Your app has exceeded its compute units per second capacity. If you have retries enabled, you can safely ignore this message.",
      },
    },
  }),
  infura: (id, seconds) => ({
    status: 429,
    headers: {},
    body: {
      jsonrpc: "2.0",
      id,
      error: {
        code: -32005,
        message: "project ID request rate exceeded",
        data: {
          see: "https://infura.io/dashboard",
          rate: { allowed_rps: 1, backoff_seconds: seconds, current_rps: 13 },
        },
      },
    },
  }),
  quicknode: (id) => ({
    status: 200,
    headers: {},
    body: {
      jsonrpc: "2.0",
      id,
      error: { code: -32007, message: "request limit reached - reduce calls per second or upgrade your account" },
    },
  }),
};

export interface RpcServer {
  url: string;
  /** The faults in force; change them to change the server's behaviour from the next request. */
  faults: Faults;
  /** Requests seen and faults injected, by kind. */
  stats: {
    requests: number;
    errors: number;
    rateLimited: number;
    delayed: number;
    refusedRanges: number;
    refusedFilters: number;
  };
  /** Stops listening and drops open connections, in flight or idle. */
  close(): Promise<void>;
}

interface Call {
  id: unknown;
  method: string;
  params?: unknown[];
}

const NO_FAULTS: Faults = {
  errorRate: 0,
  rateLimitRate: 0,
  delayRate: 0,
  maxDelayMs: 0,
  stallMs: 0,
  dropNext: 0,
  lagBlocks: 0,
  chainId: 0,
  maxLogRange: 0,
  rateLimitShape: "plain",
  rateLimitNext: 0,
  retryAfterSeconds: 0,
  duplicateLogs: false,
  maxFilterSize: 0,
};

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * JSON, with bigints (which the chain does not return, but a provider might) as hex quantities.
 * The replacer only runs when plain JSON fails: called on every value of a 10 MB getLogs answer,
 * it would cost more CPU than a real node spends, on the cores the indexer under test shares.
 */
function json(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `0x${v.toString(16)}` : v));
  }
}

export async function serveProvider(provider: EthereumProvider, faults: Partial<Faults> = {}): Promise<RpcServer> {
  const stats: RpcServer["stats"] = {
    requests: 0,
    errors: 0,
    rateLimited: 0,
    delayed: 0,
    refusedRanges: 0,
    refusedFilters: 0,
  };
  const settings: Faults = { ...NO_FAULTS, ...faults };

  /** A JSON-RPC error answer when a fault refuses `call`. */
  const refused = (call: Call) => {
    if (Math.random() < settings.errorRate) {
      stats.errors++;
      return { jsonrpc: "2.0", id: call.id, error: { code: -32603, message: "internal error (injected)" } };
    }
    if (call.method === "eth_getLogs" && settings.maxFilterSize > 0) {
      const filter = (call.params?.[0] ?? {}) as { address?: string | string[]; topics?: (string | string[] | null)[] };
      const sizes = [
        Array.isArray(filter.address) ? filter.address.length : 1,
        ...(filter.topics ?? []).map((topic) => (Array.isArray(topic) ? topic.length : 1)),
      ];
      if (Math.max(...sizes) > settings.maxFilterSize) {
        stats.refusedFilters++;
        return {
          jsonrpc: "2.0",
          id: call.id,
          error: { code: -32602, message: `invalid params: filter has more than ${settings.maxFilterSize} addresses` },
        };
      }
    }
    if (call.method === "eth_getLogs" && settings.maxLogRange > 0) {
      const filter = (call.params?.[0] ?? {}) as { fromBlock?: string; toBlock?: string };
      if (
        filter.fromBlock &&
        filter.toBlock &&
        Number(filter.toBlock) - Number(filter.fromBlock) + 1 > settings.maxLogRange
      ) {
        stats.refusedRanges++;
        return {
          jsonrpc: "2.0",
          id: call.id,
          error: { code: -32005, message: `query exceeds max block range ${settings.maxLogRange}` },
        };
      }
    }
    return undefined;
  };

  const answer = async (call: Call) => {
    stats.requests++;
    const fault = refused(call);
    if (fault) return fault;
    try {
      if (settings.chainId > 0 && call.method === "eth_chainId") {
        return { jsonrpc: "2.0", id: call.id, result: `0x${settings.chainId.toString(16)}` };
      }
      if (settings.lagBlocks > 0) {
        const head = Number(await provider.request({ method: "eth_blockNumber", params: [] })) - settings.lagBlocks;
        if (call.method === "eth_blockNumber") return { jsonrpc: "2.0", id: call.id, result: `0x${head.toString(16)}` };
        const asked = call.method === "eth_getBlockByNumber" ? String(call.params?.[0]) : undefined;
        if (asked?.startsWith("0x") && Number(asked) > head) return { jsonrpc: "2.0", id: call.id, result: null };
      }
      const result = await provider.request({ method: call.method, params: call.params ?? [] });
      if (settings.duplicateLogs && call.method === "eth_getLogs" && Array.isArray(result)) {
        return { jsonrpc: "2.0", id: call.id, result: [...result, ...result] };
      }
      return { jsonrpc: "2.0", id: call.id, result };
    } catch (error) {
      const e = error as { code?: number; message?: string; data?: unknown };
      return {
        jsonrpc: "2.0",
        id: call.id,
        error: { code: e.code ?? -32603, message: e.message ?? String(error), data: e.data },
      };
    }
  };

  const respond = async (
    request: IncomingMessage,
  ): Promise<{ status: number; body: string; headers?: Record<string, string> }> => {
    const text = await body(request);
    if (settings.rateLimitNext > 0 || Math.random() < settings.rateLimitRate) {
      if (settings.rateLimitNext > 0) settings.rateLimitNext--;
      stats.rateLimited++;
      const payload = JSON.parse(text) as Call | Call[];
      const id = Array.isArray(payload) ? (payload[0]?.id ?? null) : payload.id;
      const answer = RATE_LIMIT_ANSWERS[settings.rateLimitShape](id, settings.retryAfterSeconds);
      // A batch answered with one error object, as providers do when they refuse the whole request.
      return { status: answer.status, headers: answer.headers, body: json(answer.body) };
    }
    if (settings.stallMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.stallMs));
    if (Math.random() < settings.delayRate) {
      stats.delayed++;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * settings.maxDelayMs));
    }
    const payload = JSON.parse(text) as Call | Call[];
    const result = Array.isArray(payload) ? await Promise.all(payload.map(answer)) : await answer(payload);
    return { status: 200, body: json(result) };
  };

  const server: Server = createServer((request, response) => {
    if (settings.dropNext > 0) {
      settings.dropNext--;
      request.socket.destroy();
      return;
    }
    void respond(request)
      .catch((error: unknown) => ({
        status: 400,
        headers: {},
        body: json({ jsonrpc: "2.0", id: null, error: { code: -32700, message: String(error) } }),
      }))
      .then(({ status, body, headers }) =>
        response.writeHead(status, { "content-type": "application/json", ...headers }).end(body),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faults: settings,
    stats,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

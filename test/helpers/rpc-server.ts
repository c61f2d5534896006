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
  /**
   * Answer eth_getBlockByNumber as a node this many blocks behind (no block above its head) while
   * eth_blockNumber gives the chain's own head: a load balancer whose calls reach different nodes.
   */
  staleBlocks: number;
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
  /** eth_getLogs answers with more logs than this are refused (0: no limit). */
  maxLogResults: number;
  /** How a refused eth_getLogs is answered: as hosted providers do (see RANGE_CAP_ANSWERS). */
  rangeCapShape: RangeCapShape;
  /** Requests answered per second, at most; those over it get the rate-limit answer (0: no limit). */
  requestsPerSecond: number;
  /**
   * Count `requestsPerSecond` per JSON-RPC call, as hosted providers bill a batch (each of its
   * calls), not per HTTP request: a batch whose calls do not all fit has those over the budget
   * answered with the rate-limit error inside the batch, and is refused whole when none fits.
   */
  rateLimitPerCall: boolean;
  /** Leave Retry-After (and the provider's own wait field) out of rate-limit answers. */
  omitRetryAfter: boolean;
  /** Share of requests answered with a load balancer's HTTP 502/503 page instead of JSON. */
  serverErrorRate: number;
}

export type RateLimitShape = "plain" | "alchemy" | "infura" | "quicknode";
export type RangeCapShape = "geth" | "alchemy" | "infura" | "quicknode";

/** An eth_getLogs refusal: what was asked, what the provider allows, and a range it would answer. */
interface Refusal {
  cap: "span" | "results";
  from: number;
  to: number;
  /** The span or the result count the provider allows. */
  limit: number;
  /** The last block of a range from `from` that it would answer. */
  fits: number;
}

const hex = (n: number) => `0x${n.toString(16)}`;

/**
 * eth_getLogs refusals as providers send them (HTTP status, JSON-RPC code, words), as their users
 * have reported them: geth's and Erigon's own caps; Alchemy's span cap (-32600) and response-size
 * cap (-32602), each with a range that "should work"; Infura's span cap (-32602, "range N exceeds
 * limit of M") and result cap (-32005, with a range to try and the figures in `data`); QuickNode's
 * span cap, answered with HTTP 413 (-32614), and geth's words for results.
 */
const RANGE_CAP_ANSWERS: Record<
  RangeCapShape,
  (refusal: Refusal) => { status: number; error: { code: number; message: string; data?: unknown } }
> = {
  geth: ({ cap, limit }) => ({
    status: 200,
    error:
      cap === "span"
        ? { code: -32005, message: `query exceeds max block range ${limit}` }
        : { code: -32005, message: `query returned more than ${limit} results` },
  }),
  alchemy: ({ cap, from, limit, fits }) => ({
    status: 200,
    error:
      cap === "span"
        ? {
            code: -32600,
            message:
              `You can make eth_getLogs requests with up to a ${limit} block range. Based on your parameters, ` +
              `this block range should work: [${hex(from)}, ${hex(fits)}]`,
          }
        : {
            code: -32602,
            message:
              "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit " +
              `on the response size, or you can request any block range with a cap of ${limit} logs in the response. ` +
              `Based on your parameters and the response size limit, this block range should work: [${hex(from)}, ${hex(fits)}]`,
          },
  }),
  infura: ({ cap, from, to, limit, fits }) => ({
    status: 200,
    error:
      cap === "span"
        ? { code: -32602, message: `range ${to - from + 1} exceeds limit of ${limit}` }
        : {
            code: -32005,
            message: `query returned more than ${limit} results. Try with this block range [${hex(from)}, ${hex(fits)}].`,
            data: { from: hex(from), limit, to: hex(fits) },
          },
  }),
  quicknode: ({ cap, limit }) =>
    cap === "span"
      ? {
          status: 413,
          error: { code: -32614, message: `eth_getLogs is limited to a ${limit.toLocaleString("en-US")} range` },
        }
      : { status: 200, error: { code: -32005, message: `query returned more than ${limit} results` } },
};

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
    /** JSON-RPC calls answered or refused, by method (a batch counts each of its calls). */
    calls: Record<string, number>;
    serverErrors: number;
    errors: number;
    /** Requests answered with the rate-limit answer (calls, with `rateLimitPerCall`). */
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
  staleBlocks: 0,
  chainId: 0,
  maxLogRange: 0,
  rateLimitShape: "plain",
  rateLimitNext: 0,
  retryAfterSeconds: 0,
  duplicateLogs: false,
  maxFilterSize: 0,
  maxLogResults: 0,
  rangeCapShape: "geth",
  requestsPerSecond: 0,
  rateLimitPerCall: false,
  omitRetryAfter: false,
  serverErrorRate: 0,
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

/** The JSON-RPC calls in a request's body: a batch's length, else one. */
function callsIn(text: string): number {
  try {
    const payload = JSON.parse(text) as unknown;
    return Array.isArray(payload) ? Math.max(1, payload.length) : 1;
  } catch {
    return 1;
  }
}

/** Requests per second as a provider counts them: a bucket of one second's requests, refilled continuously. */
function tokenBucket() {
  let tokens = -1;
  let last = performance.now();
  return {
    take(perSecond: number): boolean {
      const now = performance.now();
      tokens = tokens < 0 ? perSecond : Math.min(perSecond, tokens + ((now - last) / 1000) * perSecond);
      last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

export async function serveProvider(provider: EthereumProvider, faults: Partial<Faults> = {}): Promise<RpcServer> {
  const stats: RpcServer["stats"] = {
    requests: 0,
    calls: {},
    serverErrors: 0,
    errors: 0,
    rateLimited: 0,
    delayed: 0,
    refusedRanges: 0,
    refusedFilters: 0,
  };
  const settings: Faults = { ...NO_FAULTS, ...faults };
  const budget = tokenBucket();
  /** The JSON-RPC error of a rate-limited call inside a batch answered otherwise (plain: a bare 429 code). */
  const rateLimitError = (id: unknown) => {
    const answer = RATE_LIMIT_ANSWERS[settings.rateLimitShape](id, 1);
    const error = (answer.body as { error?: unknown }).error;
    return typeof error === "object" && error !== null ? error : { code: 429, message: "Too Many Requests" };
  };

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
        const from = Number(filter.fromBlock);
        const { status, error } = RANGE_CAP_ANSWERS[settings.rangeCapShape]({
          cap: "span",
          from,
          to: Number(filter.toBlock),
          limit: settings.maxLogRange,
          fits: from + settings.maxLogRange - 1,
        });
        return { jsonrpc: "2.0", id: call.id, error, status };
      }
    }
    return undefined;
  };

  /** The refusal of a log answer over the result cap, with the widest range from its start that fits. */
  const overResults = (call: Call, logs: { blockNumber: string }[]) => {
    const filter = (call.params?.[0] ?? {}) as { fromBlock?: string; toBlock?: string; blockHash?: string };
    if (settings.maxLogResults <= 0 || logs.length <= settings.maxLogResults || filter.blockHash) return undefined;
    stats.refusedRanges++;
    const blocks = logs.map((log) => Number(log.blockNumber)).sort((a, b) => a - b);
    const from = Number(filter.fromBlock ?? 0);
    // The block whose logs pass the cap is the first one the suggested range leaves out.
    const fits = Math.max(from, (blocks[settings.maxLogResults] ?? from + 1) - 1);
    const { status, error } = RANGE_CAP_ANSWERS[settings.rangeCapShape]({
      cap: "results",
      from,
      to: Number(filter.toBlock ?? from),
      limit: settings.maxLogResults,
      fits,
    });
    return { jsonrpc: "2.0", id: call.id, error, status };
  };

  const answer = async (call: Call) => {
    stats.requests++;
    stats.calls[call.method] = (stats.calls[call.method] ?? 0) + 1;
    const fault = refused(call);
    if (fault) return fault;
    try {
      if (settings.chainId > 0 && call.method === "eth_chainId") {
        return { jsonrpc: "2.0", id: call.id, result: `0x${settings.chainId.toString(16)}` };
      }
      if (settings.lagBlocks > 0 || settings.staleBlocks > 0) {
        const lag = settings.lagBlocks + settings.staleBlocks;
        const head = Number(await provider.request({ method: "eth_blockNumber", params: [] })) - lag;
        if (call.method === "eth_blockNumber" && settings.lagBlocks > 0) {
          return { jsonrpc: "2.0", id: call.id, result: `0x${head.toString(16)}` };
        }
        const asked = call.method === "eth_getBlockByNumber" ? String(call.params?.[0]) : undefined;
        if (asked?.startsWith("0x") && Number(asked) > head) return { jsonrpc: "2.0", id: call.id, result: null };
      }
      const result = await provider.request({ method: call.method, params: call.params ?? [] });
      if (call.method === "eth_getLogs" && Array.isArray(result)) {
        const refusal = overResults(call, result as { blockNumber: string }[]);
        if (refusal) return refusal;
      }
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
    // Per call, a batch takes what it can of the budget: its first `fitting` calls are answered.
    // Per request, the request takes one and all its calls are answered.
    const batchSize = settings.rateLimitPerCall ? callsIn(text) : 1;
    let fitting = batchSize;
    if (settings.requestsPerSecond > 0) {
      for (fitting = 0; fitting < batchSize; fitting++) if (!budget.take(settings.requestsPerSecond)) break;
    }
    const overBudget = fitting === 0;
    if (!settings.rateLimitPerCall && !overBudget) fitting = Number.POSITIVE_INFINITY;
    if (overBudget || settings.rateLimitNext > 0 || Math.random() < settings.rateLimitRate) {
      if (!overBudget && settings.rateLimitNext > 0) settings.rateLimitNext--;
      // Per request, or per call when the budget counts calls.
      stats.rateLimited += batchSize;
      const payload = JSON.parse(text) as Call | Call[];
      const id = Array.isArray(payload) ? (payload[0]?.id ?? null) : payload.id;
      // Over the budget, the wait asked for is until the next request fits, rounded up to a second.
      const seconds = overBudget ? 1 : settings.retryAfterSeconds;
      const answer = RATE_LIMIT_ANSWERS[settings.rateLimitShape](id, seconds);
      if (settings.omitRetryAfter) {
        delete answer.headers["retry-after"];
        const rate = (answer.body as { error?: { data?: { rate?: Record<string, unknown> } } }).error?.data?.rate;
        if (rate) delete rate.backoff_seconds;
      }
      // A batch answered with one error object, as providers do when they refuse the whole request.
      return { status: answer.status, headers: answer.headers, body: json(answer.body) };
    }
    if (Math.random() < settings.serverErrorRate) {
      stats.serverErrors++;
      const status = Math.random() < 0.5 ? 502 : 503;
      return {
        status,
        headers: { "content-type": "text/html" },
        body: `<html><body><h1>${status} ${status === 502 ? "Bad Gateway" : "Service Unavailable"}</h1></body></html>`,
      };
    }
    if (settings.stallMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.stallMs));
    if (Math.random() < settings.delayRate) {
      stats.delayed++;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * settings.maxDelayMs));
    }
    const payload = JSON.parse(text) as Call | Call[];
    if (Array.isArray(payload)) {
      const answers = await Promise.all(
        payload.map((call, i) => {
          if (i < fitting) return answer(call);
          stats.rateLimited++;
          return { jsonrpc: "2.0", id: call.id, error: rateLimitError(call.id) };
        }),
      );
      return { status: 200, body: json(answers.map((call) => ({ ...call, status: undefined }))) };
    }
    // A single call's refusal may come with its provider's HTTP status (QuickNode's 413).
    const { status, ...result } = (await answer(payload)) as { status?: number };
    return { status: status ?? 200, body: json(result) };
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

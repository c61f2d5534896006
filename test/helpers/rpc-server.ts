/**
 * Serves an in-process Hardhat chain over HTTP JSON-RPC, as a node would, so the indexer talks
 * to it exactly as to a real RPC: for the tests, and for the indexer benchmark's chain process
 * (bench/indexer/chain-process.ts). Faults can be switched on to make it flaky: errors, delays
 * and rate-limit answers on a share of the calls, and eth_getLogs ranges refused as too wide.
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
  /** eth_getLogs ranges wider than this are refused as too large (0: no limit). */
  maxLogRange: number;
}

export interface RpcServer {
  url: string;
  /** The faults in force; change them to change the server's behaviour from the next request. */
  faults: Faults;
  /** Requests seen and faults injected, by kind. */
  stats: { requests: number; errors: number; rateLimited: number; delayed: number; refusedRanges: number };
  /** Stops listening and drops open connections, in flight or idle. */
  close(): Promise<void>;
}

interface Call {
  id: unknown;
  method: string;
  params?: unknown[];
}

const NO_FAULTS: Faults = { errorRate: 0, rateLimitRate: 0, delayRate: 0, maxDelayMs: 0, maxLogRange: 0 };

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
  const stats: RpcServer["stats"] = { requests: 0, errors: 0, rateLimited: 0, delayed: 0, refusedRanges: 0 };
  const settings: Faults = { ...NO_FAULTS, ...faults };

  /** A JSON-RPC error answer when a fault refuses `call`. */
  const refused = (call: Call) => {
    if (Math.random() < settings.errorRate) {
      stats.errors++;
      return { jsonrpc: "2.0", id: call.id, error: { code: -32603, message: "internal error (injected)" } };
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
      const result = await provider.request({ method: call.method, params: call.params ?? [] });
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

  const respond = async (request: IncomingMessage): Promise<{ status: number; body: string }> => {
    const text = await body(request);
    if (Math.random() < settings.rateLimitRate) {
      stats.rateLimited++;
      return { status: 429, body: '{"error":"rate limited (injected)"}' };
    }
    if (Math.random() < settings.delayRate) {
      stats.delayed++;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * settings.maxDelayMs));
    }
    const payload = JSON.parse(text) as Call | Call[];
    const result = Array.isArray(payload) ? await Promise.all(payload.map(answer)) : await answer(payload);
    return { status: 200, body: json(result) };
  };

  const server: Server = createServer((request, response) => {
    void respond(request)
      .catch((error: unknown) => ({
        status: 400,
        body: json({ jsonrpc: "2.0", id: null, error: { code: -32700, message: String(error) } }),
      }))
      .then(({ status, body }) => response.writeHead(status, { "content-type": "application/json" }).end(body));
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

/**
 * Serves an in-process Hardhat chain over HTTP JSON-RPC, as a node would, so the indexer talks
 * to it exactly as to a real RPC. Faults can be switched on to make it flaky: errors, delays and
 * rate-limit answers on a share of the calls.
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
  faults: Faults;
  /** Requests seen and faults injected, by kind. */
  stats: { requests: number; errors: number; rateLimited: number; delayed: number; refusedRanges: number };
  close(): Promise<void>;
}

const NO_FAULTS: Faults = { errorRate: 0, rateLimitRate: 0, delayRate: 0, maxDelayMs: 0, maxLogRange: 0 };

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function serveProvider(provider: EthereumProvider, faults: Partial<Faults> = {}): Promise<RpcServer> {
  const state: RpcServer["stats"] = { requests: 0, errors: 0, rateLimited: 0, delayed: 0, refusedRanges: 0 };
  const settings: Faults = { ...NO_FAULTS, ...faults };
  const answer = async (call: { id: unknown; method: string; params?: unknown[] }) => {
    state.requests++;
    if (Math.random() < settings.errorRate) {
      state.errors++;
      return { jsonrpc: "2.0", id: call.id, error: { code: -32603, message: "internal error (injected)" } };
    }
    if (call.method === "eth_getLogs" && settings.maxLogRange > 0) {
      const filter = (call.params?.[0] ?? {}) as { fromBlock?: string; toBlock?: string };
      if (
        filter.fromBlock &&
        filter.toBlock &&
        Number(filter.toBlock) - Number(filter.fromBlock) + 1 > settings.maxLogRange
      ) {
        state.refusedRanges++;
        return {
          jsonrpc: "2.0",
          id: call.id,
          error: { code: -32005, message: `query exceeds max block range ${settings.maxLogRange}` },
        };
      }
    }
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
  const server: Server = createServer(async (request, response) => {
    const text = await body(request);
    if (Math.random() < settings.rateLimitRate) {
      state.rateLimited++;
      response.writeHead(429, { "content-type": "application/json" }).end('{"error":"rate limited (injected)"}');
      return;
    }
    if (Math.random() < settings.delayRate) {
      state.delayed++;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * settings.maxDelayMs));
    }
    const payload = JSON.parse(text) as Parameters<typeof answer>[0] | Parameters<typeof answer>[0][];
    const result = Array.isArray(payload) ? await Promise.all(payload.map(answer)) : await answer(payload);
    response
      .writeHead(200, { "content-type": "application/json" })
      .end(
        JSON.stringify(result, (_key, value: unknown) =>
          typeof value === "bigint" ? `0x${value.toString(16)}` : value,
        ),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faults: settings,
    stats: state,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

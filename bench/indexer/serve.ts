/**
 * Serves the in-process chain over HTTP JSON-RPC for the indexer, like test/helpers/rpc-server.ts
 * without its fault injection and without its bigint replacer: the chain answers in JSON
 * already, and a replacer function called on every value of a 10 MB getLogs answer would cost
 * the benchmark's process (which the indexer shares) as much CPU as a real node spends elsewhere.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface EthereumProvider {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

interface Call {
  id: unknown;
  method: string;
  params?: unknown[];
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON, with bigints (which the chain does not return, but a provider might) as hex quantities. */
function json(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `0x${v.toString(16)}` : v));
  }
}

export async function serveChain(provider: EthereumProvider): Promise<Served> {
  const answer = async (call: Call) => {
    try {
      return {
        jsonrpc: "2.0",
        id: call.id,
        result: await provider.request({ method: call.method, params: call.params ?? [] }),
      };
    } catch (error) {
      const e = error as { code?: number; message?: string; data?: unknown };
      return {
        jsonrpc: "2.0",
        id: call.id,
        error: { code: e.code ?? -32603, message: e.message ?? String(error), data: e.data },
      };
    }
  };
  const server = createServer((request, response) => {
    void body(request)
      .then(async (text) => {
        const payload = JSON.parse(text) as Call | Call[];
        const result = Array.isArray(payload) ? await Promise.all(payload.map(answer)) : await answer(payload);
        response.writeHead(200, { "content-type": "application/json" }).end(json(result));
      })
      .catch((error: unknown) => {
        response.writeHead(400, { "content-type": "application/json" });
        response.end(json({ jsonrpc: "2.0", id: null, error: { code: -32700, message: String(error) } }));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

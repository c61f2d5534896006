/**
 * POST /rpc: the chain's JSON-RPC, on the service's own origin. The web client reads the chain
 * and sends signed transactions here, so it needs no RPC address of its own (the service knows
 * RPC_URL at run time) and the page's Content-Security-Policy can stay `'self'`. Only the methods
 * a client needs pass; anything else is refused as a JSON-RPC error.
 */
import type { FastifyInstance } from "fastify";

const ALLOWED = new Set([
  "eth_blockNumber",
  "eth_call",
  "eth_chainId",
  "eth_estimateGas",
  "eth_feeHistory",
  "eth_gasPrice",
  "eth_getBalance",
  "eth_getBlockByNumber",
  "eth_getBlockByHash",
  "eth_getCode",
  "eth_getLogs",
  "eth_getTransactionByHash",
  "eth_getTransactionCount",
  "eth_getTransactionReceipt",
  "eth_maxPriorityFeePerGas",
  "eth_sendRawTransaction",
  "net_version",
]);

interface Call {
  jsonrpc?: string;
  id?: unknown;
  method?: unknown;
  params?: unknown;
}

export default async function rpc(app: FastifyInstance, options: { rpcUrl: string }): Promise<void> {
  app.post("/rpc", { schema: { hide: true, body: { type: ["object", "array"] } } }, async (request, reply) => {
    const calls = (Array.isArray(request.body) ? request.body : [request.body]) as Call[];
    const refused = calls.find((call) => typeof call.method !== "string" || !ALLOWED.has(call.method));
    if (refused || calls.length === 0 || calls.length > 100) {
      const message = refused ? `Method ${String(refused.method)} is not available here` : "Send 1 to 100 calls";
      return reply.code(400).send({ jsonrpc: "2.0", id: refused?.id ?? null, error: { code: -32601, message } });
    }
    const upstream = await fetch(options.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request.body),
    }).catch(() => undefined);
    if (!upstream) {
      return reply.code(502).send({ error: "BadGateway", message: "The chain's RPC does not answer" });
    }
    return reply
      .code(upstream.status)
      .type("application/json")
      .send(await upstream.text());
  });
}

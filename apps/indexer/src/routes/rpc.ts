/**
 * POST /rpc: the chain's JSON-RPC, on the service's own origin. The web client reads the chain
 * and sends signed transactions here, so it needs no RPC address of its own (the service knows
 * RPC_URL at run time) and the page's Content-Security-Policy can stay `'self'`. Only the methods
 * a client needs pass; anything else is refused as a JSON-RPC error. Each call of a batch counts
 * against the client's rate limit, and a chain that does not answer in time is answered for: a
 * JSON-RPC error with 504 (502 when it cannot be reached at all).
 */
import type { FastifyInstance } from "fastify";
import { noteFailure } from "../plugins/request-log.js";

/**
 * How long the relay waits for the chain: under the 10 s after which viem's HTTP transport (the
 * web client's) gives up on its own, so that the client is told the chain is slow rather than left
 * to guess; and long enough for the calls a client makes (eth_call, eth_estimateGas, a page's logs).
 */
export const RPC_RELAY_TIMEOUT_MS = 8_000;

/** The most calls one batch may carry. */
const MAX_BATCH = 100;

/** JSON-RPC's "internal error", what viem reads an upstream failure as. */
const INTERNAL_ERROR = -32603;

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

function isAllowed(call: unknown): call is Call {
  const method = typeof call === "object" && call !== null ? (call as Call).method : undefined;
  return typeof method === "string" && ALLOWED.has(method);
}

export interface RpcRelayOptions {
  rpcUrl: string;
  /** Milliseconds to wait for the chain's answer (RPC_RELAY_TIMEOUT_MS). */
  timeoutMs?: number;
}

export default async function rpc(app: FastifyInstance, options: RpcRelayOptions): Promise<void> {
  const timeoutMs = options.timeoutMs ?? RPC_RELAY_TIMEOUT_MS;
  app.post("/rpc", { schema: { hide: true, body: { type: ["object", "array"] } } }, async (request, reply) => {
    const calls = (Array.isArray(request.body) ? request.body : [request.body]) as unknown[];
    if (calls.length === 0 || calls.length > MAX_BATCH) {
      const message = `Send 1 to ${MAX_BATCH} calls`;
      return reply.code(400).send({ jsonrpc: "2.0", id: null, error: { code: -32600, message } });
    }
    // A batch is as many requests as it has calls: the hook counted one, the others count here.
    await app.spendRateLimit(request, reply, calls.length - 1);
    const refused = calls.findIndex((call) => !isAllowed(call));
    if (refused >= 0) {
      const call = calls[refused] as Call | null;
      const message = `Method ${String(call?.method)} is not available here`;
      return reply.code(400).send({ jsonrpc: "2.0", id: call?.id ?? null, error: { code: -32601, message } });
    }
    // One call's error answers with its id; a batch's, with null, as JSON-RPC does for a whole batch.
    const id = Array.isArray(request.body) ? null : ((calls[0] as Call).id ?? null);
    try {
      // The signal bounds the whole exchange, the answer's body included.
      const upstream = await fetch(options.rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(request.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await upstream.text();
      return reply.code(upstream.status).type("application/json").send(text);
    } catch (error) {
      noteFailure(request, error);
      const timedOut = (error as Error).name === "TimeoutError";
      const message = timedOut
        ? `The chain's RPC did not answer within ${timeoutMs / 1000} s`
        : "The chain's RPC cannot be reached";
      return reply.code(timedOut ? 504 : 502).send({ jsonrpc: "2.0", id, error: { code: INTERNAL_ERROR, message } });
    }
  });
}

/**
 * POST /rpc: the chain's JSON-RPC, on the service's own origin. The web client reads the chain
 * and sends signed transactions here, so it needs no RPC address of its own (the service knows
 * RPC_URL at run time) and the page's Content-Security-Policy can stay `'self'`. Only the methods
 * the web client needs pass; anything else is refused as a JSON-RPC error. Logs are not relayed:
 * what the client once read from them (exit proofs) it reads from the index. What would be heavy
 * on the operator's provider is capped (RELAY_LIMITS): the body's size and the gas of a call or an
 * estimate. Each call of a batch counts against the client's rate limit by its weight, and a chain
 * that does not answer in time is answered for: a JSON-RPC error with 504 (502 when it cannot be
 * reached at all).
 */
import type { FastifyInstance } from "fastify";
import { noteFailure } from "../plugins/request-log.js";

/**
 * How long the relay waits for the chain: under the 10 s after which viem's HTTP transport (the
 * web client's) gives up on its own, so that the client is told the chain is slow rather than left
 * to guess; and long enough for the calls a client makes (eth_call, eth_estimateGas).
 */
export const RPC_RELAY_TIMEOUT_MS = 8_000;

/** The most calls one batch may carry. */
const MAX_BATCH = 100;

/** JSON-RPC's "internal error", what viem reads an upstream failure as. */
const INTERNAL_ERROR = -32603;
/** JSON-RPC's "invalid params". */
const INVALID_PARAMS = -32602;

/** What the relay passes at most. */
export interface RelayLimits {
  /** Bytes of a request's body: a batch of calls, or a signed transaction (at most 128 KB). */
  bodyBytes: number;
  /** Gas an eth_call or eth_estimateGas may ask for. */
  callGas: bigint;
}

export const RELAY_LIMITS: RelayLimits = {
  bodyBytes: 256 * 1024,
  callGas: 30_000_000n,
};

/** What a call weighs in the rate limit: one, or more for a read that costs the provider more. */
const WEIGHT: Record<string, number> = { eth_call: 2, eth_estimateGas: 2 };

/**
 * What the web client calls (read off its end-to-end flows: calls, receipts, blocks by number,
 * fees, nonces and raw transactions), with viem's fallbacks for fees and its check of a replaced
 * transaction; nothing else.
 */
const ALLOWED = new Set([
  "eth_blockNumber",
  "eth_call",
  "eth_chainId",
  "eth_estimateGas",
  "eth_feeHistory",
  "eth_gasPrice",
  "eth_getBlockByNumber",
  "eth_getTransactionByHash",
  "eth_getTransactionCount",
  "eth_getTransactionReceipt",
  "eth_maxPriorityFeePerGas",
  "eth_sendRawTransaction",
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
  /** Caps other than RELAY_LIMITS'. */
  limits?: Partial<RelayLimits>;
}

/** Why a call may not pass as it is, or undefined: a call or an estimate asking for too much gas. */
function overLimit(call: Call, limits: RelayLimits): string | undefined {
  const [first] = Array.isArray(call.params) ? (call.params as unknown[]) : [];
  const param = typeof first === "object" && first !== null ? (first as Record<string, unknown>) : undefined;
  if ((call.method === "eth_call" || call.method === "eth_estimateGas") && param && typeof param.gas === "string") {
    if (!/^0x[0-9a-fA-F]{1,64}$/.test(param.gas) || BigInt(param.gas) > limits.callGas) {
      return `${call.method} may ask for at most ${limits.callGas} gas here`;
    }
  }
  return undefined;
}

export default async function rpc(app: FastifyInstance, options: RpcRelayOptions): Promise<void> {
  const timeoutMs = options.timeoutMs ?? RPC_RELAY_TIMEOUT_MS;
  const limits = { ...RELAY_LIMITS, ...options.limits };
  const relay = async (body: unknown) => {
    const upstream = await fetch(options.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      // The signal bounds the whole exchange, the answer's body included.
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: upstream.status, text: await upstream.text() };
  };
  app.post(
    "/rpc",
    { bodyLimit: limits.bodyBytes, schema: { hide: true, body: { type: ["object", "array"] } } },
    async (request, reply) => {
      const calls = (Array.isArray(request.body) ? request.body : [request.body]) as unknown[];
      if (calls.length === 0 || calls.length > MAX_BATCH) {
        const message = `Send 1 to ${MAX_BATCH} calls`;
        return reply.code(400).send({ jsonrpc: "2.0", id: null, error: { code: -32600, message } });
      }
      const refused = calls.findIndex((call) => !isAllowed(call));
      // A batch is as many requests as its calls weigh: the hook counted one, the rest count here.
      const weight = calls.reduce<number>((sum, call) => sum + (WEIGHT[String((call as Call)?.method)] ?? 1), 0);
      await app.spendRateLimit(request, reply, weight - 1);
      if (refused >= 0) {
        const call = calls[refused] as Call | null;
        const message = `Method ${String(call?.method)} is not available here`;
        return reply.code(400).send({ jsonrpc: "2.0", id: call?.id ?? null, error: { code: -32601, message } });
      }
      // One call's error answers with its id; a batch's, with null, as JSON-RPC does for a whole batch.
      const id = Array.isArray(request.body) ? null : ((calls[0] as Call).id ?? null);
      try {
        for (const call of calls as Call[]) {
          const reason = overLimit(call, limits);
          if (reason) {
            const error = { code: INVALID_PARAMS, message: reason };
            return reply.code(400).send({ jsonrpc: "2.0", id: call.id ?? null, error });
          }
        }
        const { status, text } = await relay(request.body);
        return reply.code(status).type("application/json").send(text);
      } catch (error) {
        noteFailure(request, error);
        const timedOut = (error as Error).name === "TimeoutError";
        const message = timedOut
          ? `The chain's RPC did not answer within ${timeoutMs / 1000} s`
          : "The chain's RPC cannot be reached";
        return reply.code(timedOut ? 504 : 502).send({ jsonrpc: "2.0", id, error: { code: INTERNAL_ERROR, message } });
      }
    },
  );
}

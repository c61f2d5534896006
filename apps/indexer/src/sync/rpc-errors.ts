/**
 * What a failed JSON-RPC request means for the indexer, told by its HTTP status, its JSON-RPC
 * error code and, where providers agree on nothing else, its words:
 * - `range`: the request asked too much at once (a block range or a result count over the
 *   provider's cap); retrying it as it is cannot succeed, a smaller range can;
 * - `rate-limit`: the provider refuses for now (HTTP 429, or the codes and words hosted providers
 *   use for it); wait as long as it says, if it says, then ask again;
 * - `transient`: anything else (a 5xx, a timeout, a dropped connection); ask again after a pause.
 */
export type RpcFailure =
  { kind: "range" } | { kind: "rate-limit"; retryAfterMs: number | undefined } | { kind: "transient" };

/** JSON-RPC codes hosted providers answer when a client is over its rate: 429 (Alchemy), -32029, -32007 (QuickNode), -32090. */
const RATE_LIMIT_CODES = new Set([429, -32029, -32007, -32090]);

/**
 * Words of rate limits: Alchemy's "exceeded its compute units per second capacity", Infura's
 * "project ID request rate exceeded" (code -32005, shared with result caps), QuickNode's "request
 * limit reached", and the generic ones.
 */
const RATE_LIMIT_WORDS =
  /rate limit|rate exceeded|request rate|too many requests|compute units|request limit reached|capacity|throttl|retry in \d/i;

/**
 * Words of a request over a provider's cap on eth_getLogs: "query returned more than 10000
 * results" (Infura, geth), "Log response size exceeded" (Alchemy), "block range is too wide",
 * "eth_getLogs is limited to a 10,000 range" (QuickNode), "exceed maximum block range".
 */
const RANGE_WORDS =
  /range|too many|limit exceeded|response size|exceed|query returned more than|results? (is )?limited/i;

interface ErrorLike {
  message?: string;
  details?: string;
  shortMessage?: string;
  status?: number;
  code?: number;
  headers?: { get(name: string): string | null };
  data?: unknown;
  cause?: unknown;
}

/** The error and its causes, as viem wraps them (at most a few deep). */
function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let current = error as ErrorLike | undefined;
  for (let depth = 0; current && typeof current === "object" && depth < 8; depth++) {
    out.push(current);
    current = current.cause as ErrorLike | undefined;
  }
  return out;
}

export function errorText(error: unknown): string {
  return chain(error)
    .flatMap((e) => [e.message ?? "", e.details ?? ""])
    .join(" ");
}

/** Milliseconds a provider asked to wait: HTTP Retry-After (seconds or a date), Infura's backoff_seconds, "retry in 10s". */
function retryAfter(errors: ErrorLike[], text: string): number | undefined {
  for (const e of errors) {
    const header = e.headers?.get("retry-after");
    if (header) {
      const seconds = Number(header);
      if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
      const date = Date.parse(header);
      if (Number.isFinite(date)) return Math.max(0, date - Date.now());
    }
    const backoff = (e.data as { rate?: { backoff_seconds?: unknown } } | undefined)?.rate?.backoff_seconds;
    if (typeof backoff === "number" && Number.isFinite(backoff)) return Math.max(0, backoff * 1000);
  }
  const said = /retry (?:in|after) (\d+(?:\.\d+)?)\s*(ms|s)/i.exec(text);
  if (said) return Number(said[1]) * (said[2]?.toLowerCase() === "ms" ? 1 : 1000);
  return undefined;
}

export function classifyRpcError(error: unknown): RpcFailure {
  const errors = chain(error);
  const text = errorText(error);
  const rateLimited =
    errors.some((e) => e.status === 429 || (e.code !== undefined && RATE_LIMIT_CODES.has(e.code))) ||
    RATE_LIMIT_WORDS.test(text);
  if (rateLimited) return { kind: "rate-limit", retryAfterMs: retryAfter(errors, text) };
  if (RANGE_WORDS.test(text)) return { kind: "range" };
  return { kind: "transient" };
}

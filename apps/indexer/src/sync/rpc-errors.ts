/**
 * A failed JSON-RPC request, told once where it fails into a typed error that says what its
 * caller should do, as viem's and Ponder's transports do:
 * - RpcRangeError: eth_getLogs asked too much at once (a block span or a result count over the
 *   provider's cap); asking again as it is cannot succeed, a smaller range can. Carries the span
 *   the provider allows when its answer says.
 * - RpcRefusedError: the request is one this RPC will never answer (a method it does not serve,
 *   parameters it refuses, a key it does not accept); asking again at once cannot help.
 * - RpcUnavailableError: the RPC failed or did not answer (a 5xx, a timeout, a dropped
 *   connection): ask again after a pause.
 * - RpcRateLimitedError, an RpcUnavailableError: the provider refuses for now; ask again after the
 *   wait it asks for, if it says.
 * The kind is read from what the error is (viem's HttpRequestError status, the JSON-RPC error
 * code, a timeout) first. Words are read only where providers share nothing else: a range cap,
 * whose answers differ by provider (PROVIDER_RANGE_CAPS), and a rate limit sent under a generic
 * code.
 */

/** A failed RPC request, with whether asking again, as it is, can succeed. */
export abstract class RpcError extends Error {
  abstract readonly retryable: boolean;
}

/** The RPC failed or did not answer: asking again after a pause may succeed. */
export class RpcUnavailableError extends RpcError {
  override name = "RpcUnavailableError";
  readonly retryable: boolean = true;
}

/** The provider refuses for its rate limit; `retryAfterMs` is how long it asked to wait, if it said. */
export class RpcRateLimitedError extends RpcUnavailableError {
  override name = "RpcRateLimitedError";
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** eth_getLogs asked more than the provider answers at once: a smaller range can succeed. */
export class RpcRangeError extends RpcError {
  override name = "RpcRangeError";
  readonly retryable = false;
  constructor(
    message: string,
    /** `span`: too many blocks; `results`: too many logs or too large an answer. */
    readonly cap: "span" | "results",
    /** The most blocks the provider's answer says it takes in one request, if it says. */
    readonly maxSpan: number | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The RPC will not answer this request however often it is asked (method, parameters, access). */
export class RpcRefusedError extends RpcError {
  override name = "RpcRefusedError";
  readonly retryable = false;
}

/**
 * Range caps as hosted providers word them, most specific first, each with the span it allows
 * when the answer says one. Where an answer suggests a range ("this block range should work:
 * [0x1, 0x2710]"), the span is that range's width.
 */
const PROVIDER_RANGE_CAPS: { words: RegExp; cap: "span" | "results"; span?: (match: RegExpExecArray) => number }[] = [
  // Alchemy's span cap: "You can make eth_getLogs requests with up to a 500 block range. Based on
  // your parameters, this block range should work: [0x.., 0x..]" (-32600).
  {
    words: /up to an? [\d,.]+ block range\. .*should work: \[(0x[0-9a-f]+),\s*(0x[0-9a-f]+)\]/i,
    cap: "span",
    span: suggested,
  },
  // Alchemy's response-size cap: "Log response size exceeded. You can make eth_getLogs requests
  // with up to a 2K block range and no limit on the response size, or you can request any block
  // range with a cap of 10K logs in the response. … this block range should work: [0x.., 0x..]"
  // (-32602). The range suggested depends on how busy the blocks are: no lasting cap.
  { words: /block range should work: \[(0x[0-9a-f]+),\s*(0x[0-9a-f]+)\]/i, cap: "results", span: suggested },
  // Infura's result cap: "query returned more than 10000 results. Try with this block range
  // [0x.., 0x..]." (-32005).
  { words: /try with this block range \[(0x[0-9a-f]+),\s*(0x[0-9a-f]+)\]/i, cap: "results", span: suggested },
  // Stated span caps: QuickNode "eth_getLogs is limited to a 10,000 range" (-32614, HTTP 413);
  // Infura "range 1000000 exceeds limit of 10000" (-32602); BlockPI "limited to 5000 blocks";
  // Coinbase "please limit the query to at most 1000 blocks"; publicnode "maximum block range:
  // 50000"; Cloudflare "Max range: 800"; Avalanche "maximum is set to 2048"; Moonbeam "block
  // range is too wide (maximum 1024)"; Tenderly "range 9009594 is bigger than range limit 2000";
  // nodes "query exceeds max block range 100000", "max block range = 5000".
  {
    words: new RegExp(
      [
        /limited to an? ([\d,.]+)(?: block)? range/,
        /limited to ([\d,.]+) blocks?/,
        /exceeds limit of ([\d,.]+)/,
        /at most ([\d,.]+) blocks/,
        /max(?:imum)? block range(?: is| =|:)? ?([\d,.]+)/,
        /max range: ([\d,.]+)/,
        /maximum is set to ([\d,.]+)/,
        /\(maximum ([\d,.]+)\)/,
        /range limit (?:of )?([\d,.]+)/,
      ]
        .map((part) => part.source)
        .join("|"),
      "i",
    ),
    cap: "span",
    span: stated,
  },
  // geth's and Erigon's own caps, and providers that answer as they do, without a figure to use.
  {
    words:
      /query returned more than \d+ results|response size|response too large|exceeds max results|logs matched by query exceeds|too many results|result limit/i,
    cap: "results",
  },
  {
    words: /block range (?:is )?too (?:wide|large|high)|range limit exceeded|range is too large|too many blocks/i,
    cap: "span",
  },
];

/** The first figure a cap's words state, as a block count. */
function stated(match: RegExpExecArray): number {
  const figure = match.slice(1).find((group) => group !== undefined) ?? "0";
  return Number(figure.replace(/[,.]/g, ""));
}

/** The width of the range a provider suggests, in blocks. */
function suggested(match: RegExpExecArray): number {
  return Number(BigInt(match[2] ?? "0x0") - BigInt(match[1] ?? "0x0")) + 1;
}

/**
 * JSON-RPC codes of a rate limit: 429 (Alchemy), -32007 (QuickNode), -32029 and -32090 (others).
 * Infura's -32005 ("limit exceeded") is shared with its result cap: its `data.rate` tells them
 * apart.
 */
const RATE_LIMIT_CODES = new Set([429, -32007, -32029, -32090]);
/** Rate limits sent under a generic code (-32000, -32005, -32603) say so only in words. */
const RATE_LIMIT_WORDS = /rate limit|request rate|too many requests|compute units|request limit reached|throttl/i;
/** JSON-RPC codes of a request the RPC will never answer: invalid request, no such method, bad params. */
const REFUSED_CODES = new Set([-32600, -32601, -32602, -32604, -32006]);
/** HTTP statuses of a request the RPC will never answer: bad request, no access, no such path. */
const REFUSED_STATUSES = new Set([400, 401, 403, 404, 405, 413, 414]);

interface ErrorLike {
  name?: string;
  message?: string;
  details?: string;
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

/** The words of an error and of everything it wraps, for logs and for the status' reason. */
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
    const backoff = rateData(e)?.backoff_seconds;
    if (typeof backoff === "number" && Number.isFinite(backoff)) return Math.max(0, backoff * 1000);
  }
  const said = /retry (?:in|after) (\d+(?:\.\d+)?)\s*(ms|s)/i.exec(text);
  if (said) return Number(said[1]) * (said[2]?.toLowerCase() === "ms" ? 1 : 1000);
  return undefined;
}

/** Infura's rate-limit details (`data.rate`), which only its rate limits carry. */
function rateData(e: ErrorLike): { backoff_seconds?: unknown } | undefined {
  const data = e.data as { rate?: { backoff_seconds?: unknown } } | undefined;
  return data !== null && typeof data === "object" && typeof data.rate === "object" ? data.rate : undefined;
}

/**
 * The typed error for a failed request of `method`. An RpcError is returned as it is. A range
 * cap is only read from an eth_getLogs answer: for any other method, the same words are no cap.
 */
export function toRpcError(error: unknown, method?: string): RpcError {
  if (error instanceof RpcError) return error;
  const errors = chain(error);
  const text = errorText(error);
  const options = { cause: error };
  const statuses = errors.flatMap((e) => (typeof e.status === "number" ? [e.status] : []));
  const codes = errors.flatMap((e) => (typeof e.code === "number" ? [e.code] : []));
  const rateLimited =
    statuses.includes(429) ||
    codes.some((code) => RATE_LIMIT_CODES.has(code)) ||
    errors.some((e) => rateData(e) !== undefined) ||
    RATE_LIMIT_WORDS.test(text);
  if (rateLimited) {
    return new RpcRateLimitedError(`The RPC is rate-limiting: ${text}`, retryAfter(errors, text), options);
  }
  if (method === "eth_getLogs") {
    // Some providers put the words in the error's data (Tenderly's `data.payload`).
    const said = `${text} ${errors.map((e) => (e.data === undefined ? "" : JSON.stringify(e.data))).join(" ")}`;
    for (const { words, cap, span } of PROVIDER_RANGE_CAPS) {
      const match = words.exec(said);
      if (match) return new RpcRangeError(`The RPC refused the range: ${text}`, cap, span?.(match), options);
    }
    // -32005 is EIP-1474's "limit exceeded"; without a rate limit's details it is a cap.
    if (codes.includes(-32005)) {
      return new RpcRangeError(`The RPC refused the range: ${text}`, "results", undefined, options);
    }
  }
  if (statuses.some((status) => REFUSED_STATUSES.has(status)) || codes.some((code) => REFUSED_CODES.has(code))) {
    return new RpcRefusedError(`The RPC refused the request: ${text}`, options);
  }
  return new RpcUnavailableError(`The RPC failed: ${text}`, options);
}

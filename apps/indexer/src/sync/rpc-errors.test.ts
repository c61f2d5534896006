/**
 * What a failed request means, told from errors as viem raises them for the answers hosted
 * providers give: a status, a JSON-RPC code, a timeout, and the words of each provider's range cap.
 */
import { describe, expect, it } from "vitest";
import { HttpRequestError, RpcRequestError, TimeoutError } from "viem";
import { RpcRangeError, RpcRateLimitedError, RpcRefusedError, RpcUnavailableError, toRpcError } from "./rpc-errors.js";

const url = "https://rpc.example";
const rpcError = (code: number, message: string, data?: unknown) =>
  new RpcRequestError({ body: {}, url, error: { code, message, ...(data === undefined ? {} : { data }) } });
const httpError = (status: number, headers: Record<string, string> = {}) =>
  new HttpRequestError({ url, status, headers: new Headers(headers), details: `HTTP ${status}` });

describe("rate limits", () => {
  it("reads HTTP 429 with Retry-After in seconds or as a date", () => {
    const seconds = toRpcError(httpError(429, { "retry-after": "3" }));
    expect(seconds).toBeInstanceOf(RpcRateLimitedError);
    expect(seconds).toMatchObject({ retryAfterMs: 3_000, retryable: true });
    const date = toRpcError(httpError(429, { "retry-after": new Date(Date.now() + 60_000).toUTCString() }));
    expect((date as RpcRateLimitedError).retryAfterMs).toBeGreaterThan(55_000);
  });

  it("reads the providers' codes: Alchemy's 429, QuickNode's -32007, Infura's -32005 with its backoff", () => {
    expect(toRpcError(rpcError(429, "Your app has exceeded its compute units per second capacity"))).toBeInstanceOf(
      RpcRateLimitedError,
    );
    expect(toRpcError(rpcError(-32007, "request limit reached"))).toBeInstanceOf(RpcRateLimitedError);
    const infura = toRpcError(
      rpcError(-32005, "project ID request rate exceeded", { rate: { backoff_seconds: 2 } }),
      "eth_getLogs",
    );
    expect(infura).toBeInstanceOf(RpcRateLimitedError);
    expect((infura as RpcRateLimitedError).retryAfterMs).toBe(2_000);
  });

  it("reads a rate limit said only in words under a generic code", () => {
    const error = toRpcError(rpcError(-32000, "Too Many Requests, retry in 500ms"));
    expect(error).toBeInstanceOf(RpcRateLimitedError);
    expect((error as RpcRateLimitedError).retryAfterMs).toBe(500);
  });
});

describe("range caps on eth_getLogs", () => {
  const shapes: [string, RpcRequestError, "span" | "results", number | undefined][] = [
    [
      "Alchemy's suggested range",
      rpcError(
        -32602,
        "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the " +
          "response size, or you can request any block range with a cap of 10K logs in the response. Based on your " +
          "parameters, this block range should work: [0x1, 0x7d0]",
      ),
      "results",
      2_000,
    ],
    [
      "Infura's result cap",
      rpcError(-32005, "query returned more than 10000 results. Try with this block range [0x10, 0x19].", {
        from: "0x10",
        limit: 10000,
        to: "0x19",
      }),
      "results",
      10,
    ],
    [
      "Alchemy's span cap",
      rpcError(
        -32600,
        "You can make eth_getLogs requests with up to a 500 block range. Based on your parameters, this block range " +
          "should work: [0x123c9b2, 0x123cba5]",
      ),
      "span",
      500,
    ],
    ["Infura's span cap", rpcError(-32602, "range 1000000 exceeds limit of 10000"), "span", 10_000],
    ["QuickNode's span cap", rpcError(-32614, "eth_getLogs is limited to a 10,000 range"), "span", 10_000],
    [
      "Tenderly's span cap, said in its data",
      rpcError(-32602, "invalid params", { payload: "range 9009594 is bigger than range limit 2000" }),
      "span",
      2_000,
    ],
    [
      "a node's span cap with an equals sign",
      rpcError(-32000, "block range = 5120, max block range = 5000"),
      "span",
      5_000,
    ],
    ["Coinbase's span cap", rpcError(-32000, "please limit the query to at most 1000 blocks"), "span", 1_000],
    ["a node's span cap", rpcError(-32005, "query exceeds max block range 100000"), "span", 100_000],
    ["geth's result cap", rpcError(-32005, "query returned more than 10000 results"), "results", undefined],
    ["a cap without words", rpcError(-32005, "limit exceeded"), "results", undefined],
  ];
  it.each(shapes)("reads %s, and the span it allows", (_name, error, cap, maxSpan) => {
    const typed = toRpcError(error, "eth_getLogs");
    expect(typed).toBeInstanceOf(RpcRangeError);
    expect(typed).toMatchObject({ cap, maxSpan, retryable: false });
  });

  it("reads QuickNode's span cap sent as HTTP 413 with its JSON-RPC error in the body", () => {
    const error = new HttpRequestError({
      url,
      status: 413,
      details:
        '{"jsonrpc":"2.0","id":206,"error":{"code":-32614,"message":"eth_getLogs is limited to a 10,000 range"}}',
    });
    expect(toRpcError(error, "eth_getLogs")).toMatchObject({ cap: "span", maxSpan: 10_000 });
    // The same status for another method is a request the RPC will never take.
    expect(toRpcError(error, "eth_call")).toBeInstanceOf(RpcRefusedError);
  });

  it("is no range cap for another method, however it is worded", () => {
    expect(toRpcError(rpcError(-32000, "query exceeds max block range 100000"), "eth_call")).toBeInstanceOf(
      RpcUnavailableError,
    );
  });
});

describe("refusals and failures", () => {
  it("refuses for good what the RPC will never answer: no such method, bad params, no access", () => {
    for (const error of [rpcError(-32601, "the method does not exist"), rpcError(-32602, "invalid argument 0")]) {
      const typed = toRpcError(error, "eth_getBlockByNumber");
      expect(typed).toBeInstanceOf(RpcRefusedError);
      expect(typed.retryable).toBe(false);
    }
    expect(toRpcError(httpError(401))).toBeInstanceOf(RpcRefusedError);
  });

  it("asks again after a server error, a timeout or a dropped connection", () => {
    for (const error of [
      httpError(503),
      new TimeoutError({ body: {}, url }),
      new HttpRequestError({ url, cause: new TypeError("fetch failed") }),
      rpcError(-32000, "header not found"),
    ]) {
      const typed = toRpcError(error);
      expect(typed).toBeInstanceOf(RpcUnavailableError);
      expect(typed).not.toBeInstanceOf(RpcRateLimitedError);
      expect(typed.retryable).toBe(true);
    }
  });

  it("keeps a typed error as it is, and the original as its cause", () => {
    const original = httpError(502);
    const typed = toRpcError(original);
    expect(typed.cause).toBe(original);
    expect(toRpcError(typed)).toBe(typed);
  });
});

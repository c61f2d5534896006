/**
 * POST /rpc against a real chain (Hardhat, over JSON-RPC): a batch spends the client's rate limit
 * call by call, and a chain that does not answer in time gets the client a JSON-RPC error and a
 * 504 instead of a request left hanging.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { network } from "hardhat";
import type { DatabaseHandle } from "@rhizome/db";
import { buildApp, createLogger, type AppOptions } from "@rhizome/indexer";
import { freshDatabase } from "../helpers/indexer.js";
import { serveProvider, type RpcServer } from "../helpers/rpc-server.js";

const status = {
  chainId: 31337,
  head: 0,
  cursor: 0,
  finalized: 0,
  lag: 0,
  caughtUp: true,
  events: 0,
  skippedEvents: 0,
};

describe("the chain's JSON-RPC relay", () => {
  let chain: RpcServer;
  let db: DatabaseHandle;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    const connection = await network.create();
    chain = await serveProvider(connection.provider);
    db = await freshDatabase();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.close();
    await chain?.close();
  });

  async function relay(options: Partial<AppOptions>) {
    const app = await buildApp({ db: db.db, status: () => status, corsOrigins: "*", rateLimit: 1_000, ...options });
    apps.push(app);
    return app;
  }
  const batch = (size: number, from = 0) =>
    Array.from({ length: size }, (_, i) => ({ jsonrpc: "2.0", id: from + i, method: "eth_chainId", params: [] }));

  it("refuses a body whose text the service could not keep as sent, naming the field", async () => {
    const app = await relay({ rpcUrl: chain.url });
    // Written as JSON escapes: a lone surrogate and a NUL, which JSON can carry and UTF-8 text cannot.
    const cases = [
      ['{"jsonrpc":"2.0","id":1,"method":"eth_call","params":[{"data":"0x\\ud800"},"latest"]}', "params[0].data"],
      ['[{"jsonrpc":"2.0","id":1,"method":"eth_chainId\\u0000","params":[]}]', "[0].method"],
    ] as const;
    for (const [payload, field] of cases) {
      const response = await app.inject({
        method: "POST",
        url: "/rpc",
        headers: { "content-type": "application/json" },
        payload,
      });
      expect(response.statusCode, payload).toBe(400);
      expect(response.json(), payload).toEqual({
        error: "BadRequest",
        message: `The body field ${field} must not contain the NUL character or an unpaired surrogate.`,
      });
    }
  });

  it("counts each call of a batch against the client's rate limit", async () => {
    const app = await relay({ rpcUrl: chain.url, rateLimit: 100 });
    const first = await app.inject({ method: "POST", url: "/rpc", payload: batch(50) });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toHaveLength(50);
    expect(first.json()[0]).toEqual({ jsonrpc: "2.0", id: 0, result: "0x7a69" });
    expect(first.headers["x-ratelimit-remaining"]).toBe("50");

    const second = await app.inject({ method: "POST", url: "/rpc", payload: batch(50, 50) });
    expect(second.statusCode).toBe(200);
    expect(second.headers["x-ratelimit-remaining"]).toBe("0");

    // Two requests, a hundred calls: the budget is spent, for one call as for the API.
    const third = await app.inject({ method: "POST", url: "/rpc", payload: batch(1)[0] });
    expect(third.statusCode).toBe(429);
    expect(third.json()).toEqual({
      error: "TooManyRequests",
      message: expect.stringContaining("at most 100 a minute"),
    });
    expect((await app.inject({ url: "/api/collectives" })).statusCode).toBe(429);

    // A batch bigger than what is left is refused whole, before it reaches the chain.
    const other = { remoteAddress: "10.0.0.2" };
    const asked = chain.stats.requests;
    expect((await app.inject({ method: "POST", url: "/rpc", payload: batch(60), ...other })).statusCode).toBe(200);
    const over = await app.inject({ method: "POST", url: "/rpc", payload: batch(41), ...other });
    expect(over.statusCode).toBe(429);
    expect(over.headers["retry-after"]).toBeDefined();
    expect(chain.stats.requests - asked).toBe(60);
  });

  it("caps what would be heavy on the operator's provider, before the chain is asked", async () => {
    const app = await relay({ rpcUrl: chain.url, rpcLimits: { bodyBytes: 4_096 } });
    const call = (method: string, params: unknown[]) =>
      app.inject({ method: "POST", url: "/rpc", payload: { jsonrpc: "2.0", id: 1, method, params } });
    const contract = "0x0000000000000000000000000000000000000001";
    const refused = async (response: Awaited<ReturnType<typeof call>>, code: number, message: RegExp) => {
      expect(response.statusCode).toBe(400);
      const body = response.json<{ id: number; error: { code: number; message: string } }>();
      expect(body.id).toBe(1);
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(message);
    };
    const asked = chain.stats.requests;
    // Logs are not relayed at all: the web client reads exit proofs from the index.
    await refused(
      await call("eth_getLogs", [{ address: contract, fromBlock: "latest" }]),
      -32601,
      /eth_getLogs is not available/,
    );
    await refused(
      await call("eth_call", [{ to: contract, gas: "0x1dcd65001" }, "latest"]),
      -32602,
      /at most 30000000 gas/,
    );
    await refused(await call("eth_estimateGas", [{ to: contract, gas: "0xnope" }]), -32602, /at most 30000000 gas/);
    expect(chain.stats.requests - asked).toBe(0);
    // Within the cap, a call passes.
    const empty = "0x000000000000000000000000000000000000dEaD";
    expect((await call("eth_call", [{ to: empty, gas: "0x5208" }, "latest"])).json()).toMatchObject({ result: "0x" });
    // A body over the size: 413, in JSON.
    const huge = await app.inject({
      method: "POST",
      url: "/rpc",
      payload: { jsonrpc: "2.0", id: 1, method: "eth_sendRawTransaction", params: [`0x${"00".repeat(4_096)}`] },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
  });

  it("weighs calls in the rate limit by what they cost the provider", async () => {
    const app = await relay({ rpcUrl: chain.url, rateLimit: 25 });
    const ethCall = (id: number) => ({
      jsonrpc: "2.0",
      id,
      method: "eth_call",
      params: [{ to: "0x0000000000000000000000000000000000000001" }, "latest"],
    });
    const first = await app.inject({ method: "POST", url: "/rpc", payload: ethCall(1) });
    expect(first.statusCode).toBe(200);
    expect(first.headers["x-ratelimit-remaining"]).toBe("23");
    const mixed = await app.inject({
      method: "POST",
      url: "/rpc",
      payload: [ethCall(2), { jsonrpc: "2.0", id: 3, method: "eth_chainId", params: [] }],
    });
    expect(mixed.headers["x-ratelimit-remaining"]).toBe("20");
    const ten = Array.from({ length: 10 }, (_, i) => ethCall(10 + i));
    expect((await app.inject({ method: "POST", url: "/rpc", payload: ten })).statusCode).toBe(200);
    expect((await app.inject({ method: "POST", url: "/rpc", payload: ethCall(30) })).statusCode).toBe(429);
  });

  it("answers 504 with a JSON-RPC error when the chain does not answer in time, and logs it", async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "info", secrets: [], destination: { write: (line) => lines.push(line) } });
    const app = await relay({ rpcUrl: chain.url, rpcTimeoutMs: 300, logger });
    chain.faults.stallMs = 5_000;
    try {
      const started = performance.now();
      const slow = await app.inject({
        method: "POST",
        url: "/rpc",
        payload: { jsonrpc: "2.0", id: 7, method: "eth_blockNumber", params: [] },
      });
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(slow.statusCode).toBe(504);
      expect(slow.json()).toEqual({
        jsonrpc: "2.0",
        id: 7,
        error: { code: -32603, message: "The chain's RPC did not answer within 0.3 s" },
      });
      const slowBatch = await app.inject({ method: "POST", url: "/rpc", payload: batch(2) });
      expect(slowBatch.statusCode).toBe(504);
      expect(slowBatch.json()).toMatchObject({ id: null, error: { code: -32603 } });
    } finally {
      chain.faults.stallMs = 0;
    }
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ msg: "request failed", method: "POST", route: "/rpc", statusCode: 504 });
    expect(logged[0]?.err).toMatchObject({ type: "DOMException", message: expect.stringContaining("timeout") });

    // Once the chain answers again, so does the relay.
    const back = await app.inject({ method: "POST", url: "/rpc", payload: batch(1)[0] });
    expect(back.json()).toEqual({ jsonrpc: "2.0", id: 0, result: "0x7a69" });
  });

  it("answers 502 with a JSON-RPC error when the chain cannot be reached", async () => {
    const gone = await serveProvider((await network.create()).provider);
    await gone.close();
    const app = await relay({ rpcUrl: gone.url });
    const answer = await app.inject({ method: "POST", url: "/rpc", payload: batch(1)[0] });
    expect(answer.statusCode).toBe(502);
    expect(answer.json()).toEqual({
      jsonrpc: "2.0",
      id: 0,
      error: { code: -32603, message: "The chain's RPC cannot be reached" },
    });
  });

  it("refuses a malformed batch as a JSON-RPC error, not a 500", async () => {
    const app = await relay({ rpcUrl: chain.url });
    for (const payload of [[null], [1, 2], [{ id: 1 }], []]) {
      const answer = await app.inject({ method: "POST", url: "/rpc", payload });
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
      expect(answer.json()).toMatchObject({ jsonrpc: "2.0", error: { code: expect.any(Number) } });
    }
  });
});

/** The service serves the web client's build beside the API, same origin. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { DatabaseHandle } from "@rhizome/db";
import { buildApp } from "@rhizome/indexer";
import { freshDatabase } from "../helpers/indexer.js";

describe("the web client beside the API", () => {
  let dir: string;
  let db: DatabaseHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "rhizome-web-"));
    await writeFile(path.join(dir, "index.html"), "<!doctype html><title>Rhizome</title><div id=root></div>");
    await writeFile(path.join(dir, "app.js"), "console.log('rhizome')");
    db = await freshDatabase();
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
    app = await buildApp({ db: db.db, status: () => status, corsOrigins: "*", rateLimit: 1_000, webRoot: dir });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("serves the build's files and index.html for the client's own routes", async () => {
    const home = await app.inject({ url: "/" });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain("<title>Rhizome</title>");
    const script = await app.inject({ url: "/app.js" });
    expect(script.body).toBe("console.log('rhizome')");
    expect(script.headers["content-type"]).toMatch(/javascript/);
    const page = await app.inject({ url: "/collectives/0x23dB4a08f2272df049a4932a4Cc3A6Dc1002B33E/proposals" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("<div id=root>");
  });

  it("keeps the API's JSON answers, 404s included", async () => {
    const missing = await app.inject({ url: "/api/nothing-here" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: "NotFound" });
    expect((await app.inject({ url: "/api/collectives" })).json()).toEqual({ items: [], next: null });
    expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
  });
});

describe("the chain's JSON-RPC on the service's origin", () => {
  it("relays the calls a client needs and refuses the rest", async () => {
    const { createServer } = await import("node:http");
    const upstream = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        const call = JSON.parse(body) as { id: number; method: string };
        response.writeHead(200, { "content-type": "application/json" });
        response.end(
          JSON.stringify({ jsonrpc: "2.0", id: call.id, result: call.method === "eth_chainId" ? "0x7a69" : null }),
        );
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const { port } = upstream.address() as { port: number };
    const db = await freshDatabase();
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
    const app = await buildApp({
      db: db.db,
      status: () => status,
      corsOrigins: "*",
      rateLimit: 1_000,
      rpcUrl: `http://127.0.0.1:${port}`,
    });
    try {
      const chainId = await app.inject({
        method: "POST",
        url: "/rpc",
        payload: { jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] },
      });
      expect(chainId.json()).toEqual({ jsonrpc: "2.0", id: 1, result: "0x7a69" });
      // Privileged methods, and reads the web client does not make.
      for (const method of ["hardhat_setBalance", "eth_accounts", "eth_getBalance", "eth_getCode", "net_version"]) {
        const refused = await app.inject({
          method: "POST",
          url: "/rpc",
          payload: { jsonrpc: "2.0", id: 2, method, params: [] },
        });
        expect(refused.statusCode, method).toBe(400);
        expect(refused.json(), method).toMatchObject({ id: 2, error: { code: -32601 } });
      }
    } finally {
      await app.close();
      await db.close();
      upstream.close();
    }
  });
});

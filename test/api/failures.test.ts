/**
 * A request that fails on the server is logged once, with what an operator needs (method, route,
 * status, the error), and nothing the service logs or answers carries RPC_URL's key or
 * DATABASE_URL's password.
 */
import { describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp, createLogger, secretRedactor } from "@rhizome/indexer";
import { freshDatabaseUrl } from "../helpers/database.js";
import { freshDatabase } from "../helpers/indexer.js";
import { backend } from "./indexed.js";

const KEY = "Zx9_kQ2mV7-pL4wR8tY1uI3oE6aS5dF0";
const PASSWORD = "hunter2-Secret";
const RPC_URL = `https://eth-mainnet.g.alchemy.com/v2/${KEY}`;
const status = {
  chainId: 31337,
  head: 9,
  cursor: 9,
  finalized: 9,
  lag: 0,
  caughtUp: true,
  events: 0,
  skippedEvents: 0,
};

/** The test database's URL with a password in it, as DATABASE_URL would carry one. */
async function databaseUrlWithPassword(): Promise<string | undefined> {
  const url = await freshDatabaseUrl();
  if (!url) return undefined;
  const parsed = new URL(url);
  parsed.password = PASSWORD;
  return parsed.toString();
}

/** Log lines as the service writes them, kept for reading. */
function capture(secrets: (string | undefined)[]) {
  const lines: string[] = [];
  const logger = createLogger({ level: "info", secrets, destination: { write: (line) => lines.push(line) } });
  return { logger, lines, logged: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe(`failed requests on ${backend}`, () => {
  it("logs one line for a request that ends in a 500, with its route and error and no secret", async () => {
    const databaseUrl = await databaseUrlWithPassword();
    const { logger, lines, logged } = capture([RPC_URL, databaseUrl]);
    const db = await freshDatabase({ url: databaseUrl });
    let app: FastifyInstance | undefined;
    try {
      app = await buildApp({
        db: db.db,
        status: () => status,
        corsOrigins: "*",
        rateLimit: 1_000,
        logger,
        rpcUrl: RPC_URL,
      });
      // Answers and a client's mistakes are not logged.
      expect((await app.inject({ url: "/api/collectives" })).statusCode).toBe(200);
      expect((await app.inject({ url: "/api/collectives?limit=-1" })).statusCode).toBe(400);
      expect((await app.inject({ url: "/api/nothing" })).statusCode).toBe(404);
      expect(lines).toEqual([]);

      await db.close();
      const failed = await app.inject({ url: "/api/collectives?limit=5" });
      expect(failed.statusCode).toBe(500);
      expect(failed.json()).toEqual({
        error: "InternalServerError",
        message: "The server failed to answer; it has been logged.",
      });
      expect(logged()).toEqual([
        expect.objectContaining({
          level: 50,
          msg: "request failed",
          method: "GET",
          route: "/api/collectives",
          url: "/api/collectives?limit=5",
          statusCode: 500,
          err: expect.objectContaining({ message: expect.any(String), stack: expect.any(String) }),
        }),
      ]);

      // The health probe's 503 is a failure too, logged once with the database's error.
      expect((await app.inject({ url: "/healthz" })).statusCode).toBe(503);
      expect(logged()[1]).toMatchObject({ route: "/healthz", statusCode: 503, err: { message: expect.any(String) } });
      expect(logged()).toHaveLength(2);
      for (const secret of [KEY, PASSWORD]) expect(lines.join("\n")).not.toContain(secret);
    } finally {
      await app?.close();
      await db.close().catch(() => undefined);
    }
  });

  it("does not log /readyz's 503, and keeps the RPC key out of the reason it gives", async () => {
    const { logger, lines } = capture([RPC_URL]);
    const db = await freshDatabase();
    // The indexer's reason quotes the RPC's error as viem writes it, URL and all.
    const failing = {
      ...status,
      caughtUp: false,
      reason: `indexing failed (HTTP request failed. Status: 429 URL: ${RPC_URL} Request body: {}); retrying in 2 s`,
    };
    for (const redact of [undefined, secretRedactor([RPC_URL])]) {
      const app = await buildApp({
        db: db.db,
        status: () => failing,
        corsOrigins: "*",
        rateLimit: 1_000,
        logger,
        rpcUrl: RPC_URL,
        ...(redact ? { redact } : {}),
      });
      try {
        const ready = await app.inject({ url: "/readyz" });
        expect(ready.statusCode).toBe(503);
        expect(ready.json()).toMatchObject({
          ready: false,
          reason:
            "indexing failed (HTTP request failed. Status: 429 URL: https://eth-mainnet.g.alchemy.com/*** Request body: {}); retrying in 2 s",
        });
        expect(ready.body).not.toContain(KEY);
      } finally {
        await app.close();
      }
    }
    await db.close();
    expect(lines).toEqual([]);
  });
});

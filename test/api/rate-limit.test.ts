/**
 * The rate limit behind a proxy: every request reaches the service from the proxy's address, so
 * without TRUST_PROXY all its clients share one budget, and with it each has its own, read from
 * X-Forwarded-For, which only the trusted proxies may set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { DatabaseHandle } from "@rhizome/db";
import { buildApp, loadConfig } from "@rhizome/indexer";
import { freshDatabase } from "../helpers/indexer.js";

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
const PROXY = "10.1.2.3";

describe("the rate limit behind a proxy", () => {
  let db: DatabaseHandle;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.close();
  });

  /** The API as TRUST_PROXY configures it, allowing two requests a minute per client. */
  async function behind(env: NodeJS.ProcessEnv) {
    const { trustProxy } = loadConfig(env);
    const app = await buildApp({ db: db.db, status: () => status, corsOrigins: "*", rateLimit: 2, trustProxy });
    apps.push(app);
    /** A request from `client`, relayed by the proxy at `via`. */
    return (client: string, via = PROXY) =>
      app
        .inject({ url: "/api/collectives", remoteAddress: via, headers: { "x-forwarded-for": client } })
        .then((response) => response.statusCode);
  }

  it("gives each client behind TRUST_PROXY its own budget", async () => {
    const from = await behind({ TRUST_PROXY: "10.0.0.0/8" });
    expect([await from("203.0.113.1"), await from("203.0.113.1"), await from("203.0.113.1")]).toEqual([200, 200, 429]);
    expect([await from("203.0.113.2"), await from("203.0.113.2")]).toEqual([200, 200]);
  });

  it("ignores X-Forwarded-For without TRUST_PROXY: the proxy's clients share one budget", async () => {
    const from = await behind({});
    expect([await from("203.0.113.1"), await from("203.0.113.2"), await from("203.0.113.3")]).toEqual([200, 200, 429]);
  });

  it("ignores X-Forwarded-For from a client that is not a trusted proxy", async () => {
    const from = await behind({ TRUST_PROXY: "10.0.0.0/8" });
    const direct = "198.51.100.7";
    // Each request claims another address; all come from one client that reached the service directly.
    expect([
      await from("203.0.113.1", direct),
      await from("203.0.113.2", direct),
      await from("203.0.113.3", direct),
    ]).toEqual([200, 200, 429]);
  });
});

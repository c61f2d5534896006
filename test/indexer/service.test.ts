/**
 * The service as `npm run serve` runs it (configuration, logger, database, chain, API on a port),
 * with an RPC_URL that carries a provider's key and, on Postgres, a DATABASE_URL with a password:
 * it serves each client behind its trusted proxy with a budget of its own, and nothing it logs, at
 * start, while the chain fails or on a failed request, quotes either secret.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createLogger, loadConfig, startService, type RunningService } from "@rhizome/indexer";
import { startChain } from "../helpers/collective.js";
import { freshDatabaseUrl } from "../helpers/database.js";
import { serveProvider, type RpcServer } from "../helpers/rpc-server.js";

const KEY = "Zx9_kQ2mV7-pL4wR8tY1uI3oE6aS5dF0";
const PASSWORD = "hunter2-Secret";

describe(`the service (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const task of cleanup.reverse()) await task();
  });

  it("serves each client behind TRUST_PROXY on its own budget and logs no key or password", async () => {
    const chain = await startChain();
    // The provider refuses the service's first requests for its rate, as Alchemy answers: the
    // service logs each retry with viem's error, which quotes the URL.
    const rpc: RpcServer = await serveProvider(chain.connection.provider, {
      rateLimitShape: "alchemy",
      rateLimitNext: 2,
    });
    cleanup.push(() => rpc.close());
    const dir = await mkdtemp(path.join(tmpdir(), "rhizome-service-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const databaseUrl = await freshDatabaseUrl();
    const withPassword = databaseUrl ? Object.assign(new URL(databaseUrl), { password: PASSWORD }).toString() : "";

    const config = loadConfig({
      RPC_URL: `${rpc.url}/v2/${KEY}`,
      DATABASE_URL: withPassword,
      DATA_DIR: path.join(dir, "db"),
      FACTORY_ADDRESS: chain.deployment.factory,
      START_BLOCK: String(chain.deployment.startBlock),
      CONFIRMATIONS: "0",
      POLL_INTERVAL_MS: "50",
      HOST: "127.0.0.1",
      PORT: "0",
      RATE_LIMIT_PER_MINUTE: "2",
      TRUST_PROXY: "127.0.0.1",
      LOG_LEVEL: "info",
    });
    const lines: string[] = [];
    const log = createLogger({
      level: config.logLevel,
      secrets: [config.rpcUrl, config.databaseUrl],
      destination: { write: (line) => lines.push(line) },
    });
    const service: RunningService = await startService(config, log);
    cleanup.push(() => service.stop());
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:(?!0$)\d+$/);
    const indexer = await service.connected;
    await vi.waitFor(() => expect(indexer.status.caughtUp).toBe(true), { timeout: 30_000 });

    // Every request comes from 127.0.0.1, the trusted proxy, which says whom it is for.
    const from = (client: string) =>
      fetch(`${service.url}/api/collectives`, { headers: { "x-forwarded-for": client } }).then((r) => r.status);
    expect([await from("203.0.113.1"), await from("203.0.113.1"), await from("203.0.113.1")]).toEqual([200, 200, 429]);
    expect(await from("203.0.113.2")).toBe(200);

    // The chain drops every request: the service retries, and the relay answers 502.
    const before = lines.length;
    rpc.faults.dropNext = Number.MAX_SAFE_INTEGER;
    await vi.waitFor(() => expect(lines.slice(before).join("")).toContain("RPC request failed; retrying"), {
      timeout: 10_000,
    });
    const relayed = await fetch(`${service.url}/rpc`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.3" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
    });
    expect(relayed.status).toBe(502);
    rpc.faults.dropNext = 0;
    await service.stop();

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const messages = logged.map((line) => line.msg);
    expect(messages).toContain("RPC request failed; retrying");
    expect(messages).toContain("indexer ready");
    expect(logged.filter((line) => line.msg === "request failed")).toEqual([
      expect.objectContaining({ method: "POST", route: "/rpc", statusCode: 502 }),
    ]);
    // The URL was quoted, without its key; the database is named, without its password.
    const output = lines.join("");
    expect(output).toContain(`${rpc.url}/***`);
    if (databaseUrl) expect(output).toContain(":***@");
    expect(output).not.toContain(KEY);
    expect(output).not.toContain(PASSWORD);
  });
});

import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "@rhizome/indexer";

describe("indexer configuration", () => {
  it("works untouched: local chain, PGlite in .rhizome/db, factory from the deployments", () => {
    const config = loadConfig({}, "/srv/rhizome");
    expect(config).toMatchObject({
      rpcUrl: "http://127.0.0.1:8545",
      databaseUrl: undefined,
      dataDir: "/srv/rhizome/.rhizome/db",
      factory: undefined,
      confirmations: 12,
      port: 42069,
      corsOrigins: "*",
      trustProxy: false,
    });
  });

  it("reads every variable", () => {
    const config = loadConfig({
      RPC_URL: "https://rpc.example/v1",
      DATABASE_URL: "postgres://u:p@db:5432/rhizome",
      FACTORY_ADDRESS: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
      START_BLOCK: "1200",
      CONFIRMATIONS: "3",
      PORT: "8080",
      CORS_ORIGINS: "https://a.example, https://b.example",
      LOG_LEVEL: "warn",
    });
    expect(config).toMatchObject({
      rpcUrl: "https://rpc.example/v1",
      databaseUrl: "postgres://u:p@db:5432/rhizome",
      factory: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
      startBlock: 1200,
      confirmations: 3,
      port: 8080,
      corsOrigins: ["https://a.example", "https://b.example"],
      logLevel: "warn",
    });
  });

  it("refuses bad values with one clear message for each", () => {
    let error: unknown;
    try {
      loadConfig({
        RPC_URL: "ftp://nope",
        DATABASE_URL: "mysql://x",
        FACTORY_ADDRESS: "0x123",
        CONFIRMATIONS: "-1",
        PORT: "99999",
        LOG_LEVEL: "loud",
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(6);
    expect(problems.join("\n")).toMatch(/RPC_URL=ftp:\/\/nope must be a URL starting with http:\/\/ or https:\/\//);
    expect(problems.join("\n")).toMatch(/PORT=99999 must be a whole number from 0 to 65535/);
    expect((error as ConfigError).message).toContain("FACTORY_ADDRESS=0x123 must be a 0x-prefixed 20-byte address");
  });

  it("reads TRUST_PROXY as true, false, or the proxies' addresses and ranges", () => {
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "FALSE" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 192.168.1.7,fd00::/8, loopback" }).trustProxy).toEqual([
      "10.0.0.0/8",
      "192.168.1.7",
      "fd00::/8",
      "loopback",
    ]);
  });

  it("refuses a TRUST_PROXY that is a number of hops or not an address, saying why", () => {
    const problems = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).problems;
      }
      return [];
    };
    // Fastify 5 ignores a hop count: accepting one would silently trust no proxy at all.
    expect(problems({ TRUST_PROXY: "1" })).toEqual([
      expect.stringMatching(/^TRUST_PROXY=1 is a number of proxies.*give the proxies' addresses or ranges instead/),
    ]);
    for (const value of ["10.0.0.0/33", "proxy.example", "10.0.0.1,", "yes"]) {
      expect(problems({ TRUST_PROXY: value }), value).toEqual([
        expect.stringContaining(`TRUST_PROXY=${value} must be true, false, or a comma-separated list of addresses`),
      ]);
    }
  });

  it("never quotes a key or a password in its messages", () => {
    let error: unknown;
    try {
      loadConfig({
        RPC_URL: "wss://eth-mainnet.g.alchemy.com/v2/Zx9kQ2mV7pL4wR8tY1uI",
        DATABASE_URL: "postgress://rhizome:hunter22@db/rhizome",
      });
    } catch (caught) {
      error = caught;
    }
    const message = (error as ConfigError).message;
    expect(message).toContain("RPC_URL=wss://eth-mainnet.g.alchemy.com/*** must be a URL");
    expect(message).toContain("DATABASE_URL=postgress://***@db/*** must be a URL");
    expect(message).not.toMatch(/Zx9kQ2mV7pL4wR8tY1uI|hunter22/);
  });

  it("runs everything in one process by default, or the role ROLE names", () => {
    expect(loadConfig({}).role).toBe("all");
    expect(loadConfig({ ROLE: "" }).role).toBe("all");
    expect(loadConfig({ ROLE: "indexer" }).role).toBe("indexer");
    expect(loadConfig({ ROLE: "api", DATABASE_URL: "postgres://u:p@db:5432/rhizome" })).toMatchObject({
      role: "api",
      databaseUrl: "postgres://u:p@db:5432/rhizome",
    });
    // An indexer alone on PGlite serves its own API, as `all` does: nothing to refuse.
    expect(loadConfig({ ROLE: "indexer" }).databaseUrl).toBeUndefined();
  });

  it("reads the replicas' and the cache's settings, with defaults", () => {
    expect(loadConfig({})).toMatchObject({
      heartbeatIntervalMs: 5_000,
      staleAfterMs: 30_000,
      responseCacheEntries: 10_000,
      responseCacheBytes: 64 * 1024 * 1024,
    });
    expect(
      loadConfig({
        HEARTBEAT_INTERVAL_MS: "200",
        STALE_AFTER_MS: "2000",
        RESPONSE_CACHE_ENTRIES: "0",
        RESPONSE_CACHE_MB: "8",
      }),
    ).toMatchObject({
      heartbeatIntervalMs: 200,
      staleAfterMs: 2_000,
      responseCacheEntries: 0,
      responseCacheBytes: 8 * 1024 * 1024,
    });
  });

  it("refuses a ROLE it does not know, listing those it does, and an API replica without Postgres", () => {
    const problems = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).problems;
      }
      return [];
    };
    expect(problems({ ROLE: "reader" })).toEqual(["ROLE=reader must be one of all, indexer, api"]);
    expect(problems({ ROLE: "API" })).toEqual(["ROLE=API must be one of all, indexer, api"]);
    expect(problems({ ROLE: "api" })).toEqual([
      expect.stringMatching(
        /^ROLE=api needs DATABASE_URL: .*PGlite .* lives inside one process, which no other can share/,
      ),
    ]);
    // A malformed DATABASE_URL is told once, as what it is.
    expect(problems({ ROLE: "api", DATABASE_URL: "mysql://x" })).toEqual([
      expect.stringContaining("DATABASE_URL=mysql://x must be a URL"),
    ]);
    expect(problems({ STALE_AFTER_MS: "10", HEARTBEAT_INTERVAL_MS: "0", RESPONSE_CACHE_MB: "-1" })).toEqual([
      "HEARTBEAT_INTERVAL_MS=0 must be a whole number from 50 to 600000",
      "STALE_AFTER_MS=10 must be a whole number from 100 to 86400000",
      "RESPONSE_CACHE_MB=-1 must be a whole number from 0 to 65536",
    ]);
  });

  it("reads ENS_RPC_URL, an http or https URL, unset by default, without quoting its key when it refuses one", () => {
    expect(loadConfig({}).ensRpcUrl).toBeUndefined();
    expect(loadConfig({ ENS_RPC_URL: "https://eth.example/v2/KEY" }).ensRpcUrl).toBe("https://eth.example/v2/KEY");
    expect(() => loadConfig({ ENS_RPC_URL: "wss://eth.example/v2/Zx9kQ2mV7pL4wR8tY1uI" })).toThrow(
      "ENS_RPC_URL=wss://eth.example/*** must be a URL starting with http:// or https://",
    );
  });
});

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
});

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
});

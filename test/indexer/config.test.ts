import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
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

  it("reads the operator's webhooks from WEBHOOKS or WEBHOOKS_FILE, and the delivery settings", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rhizome-config-"));
    const governor = "0x23dB4a08f2272df049a4932a4Cc3A6Dc1002B33E";
    const list = [
      { url: "https://discord.com/api/webhooks/1/abc", format: "discord" },
      { url: "https://hooks.example/rhizome", collective: governor.toLowerCase(), secret: "0123456789abcdef0123" },
    ];
    const file = path.join(dir, "webhooks.json");
    writeFileSync(file, JSON.stringify(list));
    const fromEnv = loadConfig({ WEBHOOKS: JSON.stringify(list) });
    const fromFile = loadConfig({ WEBHOOKS_FILE: file });
    expect(fromFile.webhooks).toEqual(fromEnv.webhooks);
    expect(fromEnv.webhooks).toEqual([
      expect.objectContaining({ url: "https://discord.com/api/webhooks/1/abc", format: "discord", collective: null }),
      expect.objectContaining({ format: "json", collective: governor, secret: "0123456789abcdef0123" }),
    ]);
    // Ids are stable across restarts and differ between webhooks.
    expect(loadConfig({ WEBHOOKS: JSON.stringify(list) }).webhooks.map((w) => w.id)).toEqual(
      fromEnv.webhooks.map((w) => w.id),
    );
    expect(new Set(fromEnv.webhooks.map((w) => w.id)).size).toBe(2);
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({
      webhooks: [],
      publicUrl: undefined,
      webhookMaxAttempts: 8,
      webhookRetryBaseMs: 30_000,
      webhookTimeoutMs: 10_000,
      webhookAllowPrivate: false,
    });
    expect(loadConfig({ PUBLIC_URL: "https://coop.example", WEBHOOK_ALLOW_PRIVATE: "true" })).toMatchObject({
      publicUrl: "https://coop.example",
      webhookAllowPrivate: true,
    });
  });

  it("refuses webhooks it cannot use, naming each with its place in the list", () => {
    const refused = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as ConfigError).problems;
      }
      return [];
    };
    expect(refused({ WEBHOOKS: "[{" })).toEqual([expect.stringMatching(/^WEBHOOKS is not JSON: /)]);
    expect(refused({ WEBHOOKS: "{}" })).toEqual([
      'WEBHOOKS must be a JSON array of webhooks ({ "url": …, "format": … })',
    ]);
    expect(
      refused({
        WEBHOOKS: JSON.stringify([
          { url: "ftp://x.example" },
          { url: "https://x.example", format: "teams" },
          { url: "https://x.example", collective: "0x12" },
          { url: "https://x.example", secret: "short" },
        ]),
      }),
    ).toEqual([
      "WEBHOOKS[0].url must be an http or https URL",
      "WEBHOOKS[1].format=teams must be one of json, discord, slack, matrix",
      "WEBHOOKS[2].collective must be a collective's (governor's) address",
      "WEBHOOKS[3].secret must be a string of at least 16 characters",
    ]);
    expect(refused({ WEBHOOKS_FILE: "/nonexistent/webhooks.json" })).toEqual([
      expect.stringMatching(/^WEBHOOKS_FILE \(\/nonexistent\/webhooks.json\) cannot be read: /),
    ]);
    expect(refused({ WEBHOOK_ALLOW_PRIVATE: "yes", WEBHOOK_MAX_ATTEMPTS: "0" })).toEqual([
      "WEBHOOK_MAX_ATTEMPTS=0 must be a whole number from 1 to 100",
      "WEBHOOK_ALLOW_PRIVATE=yes must be true or false",
    ]);
  });

  it("relays only with RELAYER_PRIVATE_KEY, with default quotas and budget, never quoting the key", () => {
    expect(loadConfig({}).relay).toBeUndefined();
    // Hardhat's first development key: a test key, public.
    const key = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    const relay = loadConfig({ RELAYER_PRIVATE_KEY: key })?.relay;
    expect(relay?.account.address).toBe("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    expect(relay).toMatchObject({
      memberDaily: 50,
      collectiveDaily: 1_000,
      gasBudgetWei: 50_000_000_000_000_000n,
      replaceAfterMs: 30_000,
    });
    expect(
      loadConfig({ RELAYER_PRIVATE_KEY: key, RELAY_MEMBER_DAILY: "3", RELAY_GAS_BUDGET_WEI: "1000" }).relay,
    ).toMatchObject({ memberDaily: 3, gasBudgetWei: 1_000n });
    const wrong = "0x1234secret";
    let problems: string[] = [];
    try {
      loadConfig({ RELAYER_PRIVATE_KEY: wrong, RELAY_GAS_BUDGET_WEI: "a lot" });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      "RELAYER_PRIVATE_KEY must be a private key: 64 hexadecimal digits, 0x first",
      expect.stringMatching(/^RELAY_GAS_BUDGET_WEI=a lot must be a whole number of wei/),
    ]);
    expect(problems.join("\n")).not.toContain("1234secret");
  });
});

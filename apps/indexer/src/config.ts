/**
 * The indexer's configuration, from the environment, validated once at start. Every value has a
 * default that makes the embedded mode work untouched: the local chain, PGlite in .rhizome/db,
 * the factory from @rhizome/contracts' deployments for the chain, one process doing everything.
 */
import { isIP } from "node:net";
import path from "node:path";
import { getAddress, isAddress, type Address } from "viem";
import { redactUrl } from "./redact.js";
import { DEFAULT_MAX_REORG_DEPTH } from "./indexer.js";
import { readOperatorWebhooks, type OperatorWebhook } from "./webhooks/config.js";
import { readRelayConfig, type RelayConfig } from "./relay/config.js";

/**
 * What a process does. `all`: everything, as one process (the default, and `npm start`'s).
 * `indexer`: the one writer (sync, projections, live events published through Postgres), which
 * serves the API as `all` does. `api`: a read-only replica on the indexer's Postgres: the API, the
 * web client, live events heard from the indexer and the JSON-RPC relay; no sync, no writer's lock,
 * no migration; ready while the indexer's heartbeat is fresh and its index caught up.
 */
export const ROLES = ["all", "indexer", "api"] as const;
export type Role = (typeof ROLES)[number];

export interface Config {
  role: Role;
  rpcUrl: string;
  /** An Ethereum mainnet JSON-RPC whose ENS names the API shows for accounts; none looked up when unset. */
  ensRpcUrl: string | undefined;
  /** A postgres:// URL, or undefined for PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** From the deployments when undefined, once the chain id is known. */
  factory: Address | undefined;
  startBlock: number | undefined;
  /** Blocks below head − confirmations are read in ranges by number; those above, one by one. */
  confirmations: number;
  /** The deepest reorg rolled back in place; a deeper one rebuilds the index from the chain. */
  maxReorgDepth: number;
  /** How often to ask for a new head, in milliseconds. */
  pollInterval: number;
  host: string;
  port: number;
  /** Where GET /metrics is served on its own (on HOST), instead of on the API's port; unset by default. */
  metricsPort: number | undefined;
  /** Milliseconds a stopping service keeps answering, with /readyz at 503, before it stops listening. */
  shutdownDrainMs: number;
  /** How often the indexer writes its heartbeat (its head and readiness) for API replicas, on Postgres. */
  heartbeatIntervalMs: number;
  /** ROLE=api: not ready once the indexer's heartbeat is older than this many milliseconds. */
  staleAfterMs: number;
  /** Bounds of the API's cache of answers by the index's version; 0 in either turns it off. */
  responseCacheEntries: number;
  responseCacheBytes: number;
  /** Origins allowed by CORS: `*` or a comma-separated list. */
  corsOrigins: string[] | "*";
  /** Requests per minute per client. */
  rateLimit: number;
  /**
   * Whose X-Forwarded-For to believe for the client's address (the rate limit's key), as Fastify's
   * `trustProxy` takes it: no proxy, any, or those at these addresses and ranges.
   */
  trustProxy: boolean | string[];
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** The web client's public origin (PUBLIC_URL), which links in webhooks are made with; the API's own by default. */
  publicUrl: string | undefined;
  /** The operator's webhooks (WEBHOOKS or WEBHOOKS_FILE). */
  webhooks: OperatorWebhook[];
  webhookMaxAttempts: number;
  webhookRetryBaseMs: number;
  webhookTimeoutMs: number;
  /** Let members' webhooks reach private and loopback addresses. */
  webhookAllowPrivate: boolean;
  /** The relay of signed actions (RELAYER_PRIVATE_KEY and its policy); off when undefined. */
  relay: RelayConfig | undefined;
}

/** One or more environment variables are invalid; the message lists each with what is wrong. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** The names proxy-addr (Fastify's `trustProxy`) gives to address ranges. */
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** An address, a CIDR range of them (10.0.0.0/8, fd00::/8), or a named range. */
function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = "", prefix, ...more] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || more.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY as Fastify's `trustProxy`: `true`, `false`, or the proxies' addresses. Not a number
 * of hops: Fastify 5 ignores one (it trusts no proxy then), since trusting the nearest hop, whoever
 * it is, lets a client that reaches the service directly claim any address.
 */
function parseTrustProxy(raw: string | undefined, problems: string[]): Config["trustProxy"] {
  const value = raw?.trim() ?? "";
  if (value === "" || /^false$/i.test(value)) return false;
  if (/^true$/i.test(value)) return true;
  if (/^\d+$/.test(value)) {
    problems.push(
      `TRUST_PROXY=${raw} is a number of proxies, which cannot be trusted without knowing who they are: ` +
        "give the proxies' addresses or ranges instead (TRUST_PROXY=10.0.0.0/8, or loopback for one on this host)",
    );
    return false;
  }
  const entries = value.split(",").map((entry) => entry.trim());
  const wrong = entries.find((entry) => !isProxyAddress(entry));
  if (wrong === undefined) return entries;
  problems.push(
    `TRUST_PROXY=${raw} must be true, false, or a comma-separated list of addresses, CIDR ranges (10.0.0.0/8) ` +
      `and loopback, linklocal or uniquelocal; "${wrong}" is none of these`,
  );
  return false;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}=${raw} must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, fallback: string | undefined, protocols: string[]): string | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) throw new Error(parsed.protocol);
      return raw;
    } catch {
      problems.push(
        `${name}=${redactUrl(raw)} must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`,
      );
      return fallback;
    }
  };

  const flag = (name: string): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === "" || raw === "false" || raw === "0") return false;
    if (raw === "true" || raw === "1") return true;
    problems.push(`${name}=${raw} must be true or false`);
    return false;
  };

  const rpcUrl = url("RPC_URL", "http://127.0.0.1:8545", ["http:", "https:"]) ?? "http://127.0.0.1:8545";
  const databaseUrl = url("DATABASE_URL", undefined, ["postgres:", "postgresql:"]);
  let factory: Address | undefined;
  if (env.FACTORY_ADDRESS) {
    if (isAddress(env.FACTORY_ADDRESS, { strict: false })) factory = getAddress(env.FACTORY_ADDRESS);
    else problems.push(`FACTORY_ADDRESS=${env.FACTORY_ADDRESS} must be a 0x-prefixed 20-byte address`);
  }
  const startBlock = env.START_BLOCK ? integer("START_BLOCK", 0, 0, Number.MAX_SAFE_INTEGER) : undefined;
  const logLevel = (env.LOG_LEVEL ?? "info") as Config["logLevel"];
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL=${env.LOG_LEVEL} must be one of ${LOG_LEVELS.join(", ")}`);
  const cors = env.CORS_ORIGINS ?? "*";
  const role = (env.ROLE === undefined || env.ROLE === "" ? "all" : env.ROLE) as Role;
  if (!ROLES.includes(role)) problems.push(`ROLE=${env.ROLE} must be one of ${ROLES.join(", ")}`);
  if (role === "api" && databaseUrl === undefined && !problems.some((p) => p.startsWith("DATABASE_URL="))) {
    problems.push(
      "ROLE=api needs DATABASE_URL: an API replica reads the indexer's Postgres, and PGlite (the database " +
        "without DATABASE_URL) lives inside one process, which no other can share",
    );
  }
  const config: Config = {
    role,
    rpcUrl,
    ensRpcUrl: url("ENS_RPC_URL", undefined, ["http:", "https:"]),
    databaseUrl,
    dataDir: path.resolve(cwd, env.DATA_DIR ?? ".rhizome/db"),
    factory,
    startBlock,
    confirmations: integer("CONFIRMATIONS", 12, 0, 10_000),
    maxReorgDepth: integer("MAX_REORG_DEPTH", DEFAULT_MAX_REORG_DEPTH, 1, 100_000),
    pollInterval: integer("POLL_INTERVAL_MS", 250, 10, 60_000),
    host: env.HOST ?? "127.0.0.1",
    port: integer("PORT", 42069, 0, 65_535),
    metricsPort: env.METRICS_PORT ? integer("METRICS_PORT", 0, 0, 65_535) : undefined,
    shutdownDrainMs: integer("SHUTDOWN_DRAIN_MS", 1_000, 0, 600_000),
    heartbeatIntervalMs: integer("HEARTBEAT_INTERVAL_MS", 5_000, 50, 600_000),
    staleAfterMs: integer("STALE_AFTER_MS", 30_000, 100, 86_400_000),
    responseCacheEntries: integer("RESPONSE_CACHE_ENTRIES", 10_000, 0, 10_000_000),
    responseCacheBytes: integer("RESPONSE_CACHE_MB", 64, 0, 65_536) * 1024 * 1024,
    corsOrigins: cors === "*" ? "*" : cors.split(",").map((origin) => origin.trim()),
    rateLimit: integer("RATE_LIMIT_PER_MINUTE", 600, 1, 1_000_000),
    trustProxy: parseTrustProxy(env.TRUST_PROXY, problems),
    logLevel,
    publicUrl: url("PUBLIC_URL", undefined, ["http:", "https:"]),
    webhooks: readOperatorWebhooks(env, problems),
    webhookMaxAttempts: integer("WEBHOOK_MAX_ATTEMPTS", 8, 1, 100),
    webhookRetryBaseMs: integer("WEBHOOK_RETRY_BASE_MS", 30_000, 10, 86_400_000),
    webhookTimeoutMs: integer("WEBHOOK_TIMEOUT_MS", 10_000, 100, 120_000),
    webhookAllowPrivate: flag("WEBHOOK_ALLOW_PRIVATE"),
    relay: readRelayConfig(env, problems),
  };
  if (config.maxReorgDepth < config.confirmations) {
    problems.push(
      `MAX_REORG_DEPTH=${config.maxReorgDepth} must be at least CONFIRMATIONS (${config.confirmations}): ` +
        "blocks within the confirmation depth are always undoable",
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * `npm run bench:indexer -- --vs ponder`: the same history, indexed by the Ponder app in
 * bench/peers/ponder. Installs that app's dependencies when they are missing (npm on Node 22, in
 * its own folder: the main set-up does not), then runs `ponder start` as a child process against
 * the benchmark's chain (in its own process, as for Rhizome), once into a fresh Postgres database
 * and once into a fresh PGlite folder.
 *
 * Timing: the clock starts at Ponder's first backfill log line ("Started fetching backfill
 * JSON-RPC data" or "Started backfill indexing", whichever comes first: its build and schema
 * set-up come before, as Rhizome's migrations and `init()` do, and are reported as startup) and stops when its `/ready` endpoint answers 200 (polled every 50 ms). Events: the
 * logs Ponder's handlers ran on (the sum of its `ponder_indexing_completed_events` metric),
 * which must equal the events Rhizome indexed; its tables' row counts must equal the chain's.
 * Memory: resident set of the child's process tree, sampled every 100 ms.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { CHECKED_TABLES, type CheckedTable } from "./census.js";
import type { ServedHistory } from "./serve.js";
import type { DatabaseKind } from "./measure.js";

export const PONDER_DIR = fileURLToPath(new URL("../peers/ponder/", import.meta.url));
/** Blocks Ponder keeps out of its backfill on chain 31337 (it treats the last 30 as unfinalized). */
export const PONDER_FINALITY = 30;
const READY_TIMEOUT_MS = 20 * 60_000;

export interface PeerResult {
  name: "ponder";
  version: string;
  database: DatabaseKind;
  /** Logs Ponder's handlers processed. */
  events: number;
  /** The same, by event (as the census names them). */
  byKind?: Record<string, number>;
  /** From Ponder's first backfill log line to /ready answering 200. */
  wallSeconds: number;
  eventsPerSecond: number;
  /** Peak resident memory of Ponder's process tree. */
  peakRssMb: number;
  /** From spawning `ponder start` to its backfill starting: build, database set-up. */
  startupSeconds: number;
  rows: Record<CheckedTable, number>;
  /** Events/s of every run, in order, when the figures are the median run's (main.ts, BENCH_RUNS). */
  runs?: number[];
}

/** Installs the Ponder app's dependencies if they are not there; returns Ponder's version. */
export async function ensurePonder(): Promise<string> {
  if (!existsSync(path.join(PONDER_DIR, "node_modules", "ponder"))) {
    console.log("  installing the Ponder app's dependencies (bench/peers/ponder, npm on Node 22)…");
    await promisify(execFile)(
      "npx",
      ["--yes", "--package=node@22", "--", "npm", "install", "--no-audit", "--no-fund"],
      {
        cwd: PONDER_DIR,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  }
  const manifest = JSON.parse(
    await readFile(path.join(PONDER_DIR, "node_modules", "ponder", "package.json"), "utf8"),
  ) as { version: string };
  return manifest.version;
}

/** Mines empty blocks until `toBlock` is at least `PONDER_FINALITY` blocks deep, plus a margin. */
export async function mineForPonder(history: ServedHistory): Promise<number> {
  const target = history.census.toBlock + PONDER_FINALITY + 5;
  let mined = 0;
  while ((await history.chain.head()) < target) {
    await history.chain.mine([]);
    mined++;
  }
  return mined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory of `pid` and its descendants, in bytes (from `ps`). */
async function treeRss(pid: number): Promise<number> {
  const { stdout } = await promisify(execFile)("ps", ["-e", "-o", "pid=,ppid=,rss="]);
  const rows = stdout
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((r): r is [number, number, number] => r.length === 3);
  const tree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [p, parent] of rows) {
      if (!tree.has(p) && tree.has(parent)) {
        tree.add(p);
        grew = true;
      }
    }
  }
  return rows.filter(([p]) => tree.has(p)).reduce((sum, [, , rss]) => sum + rss * 1024, 0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One full Ponder backfill of the benchmark's history into `database`. */
export async function runPonder(options: {
  database: DatabaseKind;
  history: ServedHistory;
  rpcUrl: string;
  version: string;
  /** A fresh Postgres database, for `database: "postgres"`. */
  postgresUrl?: string;
  /** The last block to index (the history's last block, census.toBlock, unless given). */
  endBlock?: number;
  /** The provider's eth_getLogs span cap, given to Ponder as `ethGetLogsBlockRange` (none: Ponder finds it). */
  getLogsRange?: number;
}): Promise<PeerResult> {
  const { database, history, rpcUrl } = options;
  const port = await freePort();
  const pgliteDir = database === "pglite" ? await mkdtemp(path.join(tmpdir(), "rhizome-bench-ponder-")) : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PONDER_RPC_URL: rpcUrl,
    PONDER_FACTORY: history.deployment.factory,
    PONDER_TREASURY: history.collectives.map((modules) => modules.treasury).join(","),
    PONDER_START_BLOCK: String(history.deployment.startBlock),
    PONDER_END_BLOCK: String(options.endBlock ?? history.census.toBlock),
    ...(options.getLogsRange ? { PONDER_GETLOGS_RANGE: String(options.getLogsRange) } : {}),
    PONDER_TELEMETRY_DISABLED: "true",
    NODE_ENV: "production",
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_SCHEMA;
  if (!options.getLogsRange) delete env.PONDER_GETLOGS_RANGE;
  if (database === "postgres") {
    if (!options.postgresUrl) throw new Error("runPonder: postgresUrl is required for Postgres");
    env.DATABASE_URL = options.postgresUrl;
  } else if (pgliteDir) {
    env.PONDER_PGLITE_DIR = path.join(pgliteDir, "db");
  }
  // Ponder's build cache would carry one run's state into the next.
  await rm(path.join(PONDER_DIR, ".ponder"), { recursive: true, force: true });
  const bin = path.join(PONDER_DIR, "node_modules", "ponder", "dist", "esm", "bin", "ponder.js");
  const args = [bin, "start", "--port", String(port), "--hostname", "127.0.0.1", "--log-format", "json"];
  args.push("--schema", "rhizome_bench");
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, { cwd: PONDER_DIR, env, stdio: ["ignore", "pipe", "pipe"] });
  let backfillStartedAt: number | null = null;
  const tail: string[] = [];
  let exited: string | null = null;
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      if (
        backfillStartedAt === null &&
        (line.includes("Started fetching backfill JSON-RPC data") || line.includes("Started backfill indexing"))
      ) {
        backfillStartedAt = performance.now();
      }
      if (process.env.BENCH_PONDER_LOG) console.log(`    [ponder] ${line.slice(0, 1000)}`);
      tail.push(line);
      if (tail.length > 40) tail.shift();
    }
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  child.on("exit", (code, signal) => (exited = `exited with ${signal ?? code}`));
  const pid = child.pid;
  if (pid === undefined) throw new Error("ponder start did not spawn");

  let peak = 0;
  let sampling = Promise.resolve();
  const sampler = setInterval(() => {
    sampling = sampling.then(async () => {
      try {
        peak = Math.max(peak, await treeRss(pid));
      } catch {
        // the process may be exiting
      }
    });
  }, 100);
  const url = `http://127.0.0.1:${port}`;
  const fail = (why: string) =>
    new Error(`Ponder (${database}) ${why}; its last output:\n    ${tail.map((l) => l.slice(0, 300)).join("\n    ")}`);
  try {
    let readyAt: number | null = null;
    while (readyAt === null) {
      if (exited) throw fail(exited);
      if (performance.now() - spawnedAt > READY_TIMEOUT_MS) throw fail("was not ready in time");
      try {
        const response = await fetch(`${url}/ready`);
        if (response.status === 200) readyAt = performance.now();
      } catch {
        // not listening yet
      }
      if (readyAt === null) await sleep(50);
    }
    clearInterval(sampler);
    await sampling;
    peak = Math.max(peak, await treeRss(pid));
    const started = backfillStartedAt ?? spawnedAt;
    const wallSeconds = (readyAt - started) / 1000;
    const { total: events, byKind } = await completedEvents(url);
    const rows = (await (await fetch(`${url}/counts`)).json()) as Record<CheckedTable, number>;
    return {
      name: "ponder",
      version: options.version,
      database,
      events,
      byKind,
      wallSeconds: Math.round(wallSeconds * 1000) / 1000,
      eventsPerSecond: Math.round(events / wallSeconds),
      peakRssMb: Math.round((peak / 1024 / 1024) * 10) / 10,
      startupSeconds: Math.round((started - spawnedAt) / 10) / 100,
      rows,
    };
  } finally {
    clearInterval(sampler);
    await stop(child);
    if (pgliteDir) await rm(pgliteDir, { recursive: true, force: true });
  }
}

async function stop(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Ponder's `ponder_indexing_completed_events` metric: logs its handlers ran on, in all and by
 * event, named as the census names them ("Shares:Transfer" is shares.Transfer, deposits token.Transfer).
 */
async function completedEvents(url: string): Promise<{ total: number; byKind: Record<string, number> }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  let total = 0;
  const byKind: Record<string, number> = {};
  for (const line of text.split("\n")) {
    if (!line.startsWith("ponder_indexing_completed_events")) continue;
    const value = Number(line.trim().split(/\s+/).at(-1));
    if (!Number.isFinite(value)) continue;
    total += value;
    const event = /event="([^":]+):([^"]+)"/.exec(line);
    if (!event?.[1] || !event[2]) continue;
    const kind = `${event[1] === "Deposits" ? "token" : event[1].toLowerCase()}.${event[2]}`;
    byKind[kind] = (byKind[kind] ?? 0) + value;
  }
  return { total, byKind };
}

/** A fresh database on the benchmark's Postgres cluster; returns its URL. */
export async function freshDatabase(clusterUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Differences between Ponder's and Rhizome's figures for the same history; empty when they agree. */
export function comparePonder(result: PeerResult, history: ServedHistory): string[] {
  const { census } = history;
  const problems = CHECKED_TABLES.filter((t) => result.rows[t] !== census.expected[t]).map(
    (t) => `${t}: Ponder has ${result.rows[t]} rows, the chain's logs say ${census.expected[t]}`,
  );
  if (result.events !== census.total) {
    const kinds = new Set([...Object.keys(census.byKind), ...Object.keys(result.byKind ?? {})]);
    const differing = [...kinds]
      .filter((kind) => !kind.endsWith("(undecodable)") && (census.byKind[kind] ?? 0) !== (result.byKind?.[kind] ?? 0))
      .map((kind) => `${kind} ${result.byKind?.[kind] ?? 0} of ${census.byKind[kind] ?? 0}`);
    problems.push(
      `events: Ponder processed ${result.events}, Rhizome indexed ${census.total} (the chain's logs)` +
        (differing.length > 0 ? `; by event: ${differing.join(", ")}` : ""),
    );
  }
  return problems;
}

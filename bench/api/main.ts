/**
 * `npm run bench:api`: the API under load on a large collective. Starts a throwaway Postgres
 * (.ci/postgres.sh), migrates it and seeds it straight with SQL (seed.ts); then, four ways (the
 * response cache off or warm, one API process or two: MODES), serves the API from child processes
 * (server.ts) and drives the five busiest routes with autocannon (load.ts); runs each route's SQL
 * straight through pg at the same concurrency, the database's ceiling (ceiling.ts); and explains
 * the SQL each route runs (plans.ts). Writes bench/results/api.json and prints a table.
 * A measurement, not a test: a missed target still exits 0; a failure to measure exits 1.
 *
 * BENCH_API_SECONDS (10) and BENCH_API_CONNECTIONS (50) change the runs.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openDatabase } from "@rhizome/db";
import { startPostgres } from "../indexer/postgres.js";
import { measureCeiling, type Ceiling } from "./ceiling.js";
import { load, type LoadOptions, type LoadResult } from "./load.js";
import { captureQueries, explainRoutes } from "./plans.js";
import { formatTable, machine, MODES, routeReport, TARGETS, writeReport, type Mode, type Report } from "./report.js";
import { benchRoutes, type BenchRoute } from "./routes.js";
import { seed } from "./seed.js";

const options: LoadOptions = {
  connections: Number(process.env.BENCH_API_CONNECTIONS ?? 50),
  seconds: Number(process.env.BENCH_API_SECONDS ?? 10),
  warmupSeconds: 2,
  serviceSeconds: 3,
};

const loads = () => loadavg().map((n) => Number(n.toFixed(2)));

/** The API in its own process (or processes); resolves with its origin once it listens. */
async function startServer(url: string, mode: Mode): Promise<{ origin: string; child: ChildProcess }> {
  const file = fileURLToPath(new URL("./server.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", file], {
    env: {
      ...process.env,
      BENCH_DATABASE_URL: url,
      BENCH_API_CACHE: mode.cache ? "on" : "off",
      BENCH_API_PROCESSES: String(mode.processes),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // Not left behind when the benchmark ends, fails or is interrupted.
  const kill = () => child.kill("SIGTERM");
  process.once("exit", kill);
  process.once("SIGINT", kill);
  process.once("SIGTERM", kill);
  child.once("exit", () => {
    process.off("exit", kill);
    process.off("SIGINT", kill);
    process.off("SIGTERM", kill);
  });
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`The API exited (${code}) before listening`)));
    lines.once("line", (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  return { origin: `http://127.0.0.1:${port}`, child };
}

/** One request per path: each must answer 200; the variants whose first page is empty are named. */
async function probe(origin: string, route: BenchRoute): Promise<string[]> {
  const empty: string[] = [];
  for (const path of route.paths.slice(0, 10)) {
    const response = await fetch(origin + path);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { items?: unknown[]; votes?: { items: unknown[] } };
    const items = body.items ?? body.votes?.items;
    if (items?.length === 0) empty.push(path.split("?")[1] ?? path);
  }
  return empty;
}

async function main(): Promise<void> {
  console.log("Starting Postgres…");
  const postgres = await startPostgres();
  try {
    const handle = await openDatabase({ url: postgres.url });
    await handle.migrate();
    await handle.close();
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    const version =
      (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version ?? "?";
    await client.end();

    console.log("Seeding…");
    const seeded = await seed(postgres.url);
    console.log(
      `  ${seeded.members.toLocaleString("en-US")} members, ${seeded.proposals.toLocaleString("en-US")} proposals, ` +
        `${seeded.votes.toLocaleString("en-US")} votes, ${seeded.workItems.toLocaleString("en-US")} work items ` +
        `in ${seeded.seconds.toFixed(1)} s`,
    );

    const routes = benchRoutes(seeded.proposalIds);
    const runs = new Map<string, LoadResult[]>();
    const empty = new Map<string, string[]>();
    const before = loads();
    console.log(
      `\nLoad: ${options.connections} connections, ${options.seconds} s a route (load average ${before.join(" ")})`,
    );
    for (const mode of MODES) {
      console.log(`\n${mode.name}`);
      const server = await startServer(postgres.url, mode);
      try {
        if (empty.size === 0) for (const route of routes) empty.set(route.route, await probe(server.origin, route));
        for (const route of routes) {
          const result = await load(server.origin, route, options);
          runs.set(mode.name, [...(runs.get(mode.name) ?? []), result]);
          console.log(
            `  ${route.route.padEnd(22)} ${result.rps} req/s, p99 ${result.p99Ms} ms, ${result.errors} errors, ` +
              `load ${result.loadAverage}; 1 connection: p50 ${result.serviceP50Ms} ms, p99 ${result.serviceP99Ms} ms`,
          );
        }
      } finally {
        server.child.kill("SIGTERM");
        await new Promise((resolve) => server.child.once("exit", resolve));
      }
    }

    console.log("\nThe same SQL straight through pg, at the same concurrency…");
    const captured = await captureQueries(postgres.url, routes, 100);
    const ceilings = new Map<string, Ceiling>();
    for (const route of routes) {
      const ceiling = await measureCeiling(postgres.url, route.route, captured.get(route.route) ?? [], options);
      ceilings.set(route.route, ceiling);
      console.log(`  ${route.route.padEnd(22)} ${ceiling.rps} req/s (${ceiling.queriesPerRequest} queries a request)`);
    }
    const after = loads();

    console.log("\nExplaining the routes' queries…");
    const plans = await explainRoutes(postgres.url, routes);

    const report: Report = {
      date: new Date().toISOString(),
      machine: machine(version),
      seed: {
        members: seeded.members,
        proposals: seeded.proposals,
        votes: seeded.votes,
        workItems: seeded.workItems,
        seconds: Number(seeded.seconds.toFixed(1)),
      },
      load: { ...options, loadAverageBefore: before, loadAverageAfter: after },
      modes: MODES,
      routes: routes.map((route) =>
        routeReport(
          route.route,
          MODES.map((mode) => runs.get(mode.name)?.find((r) => r.route === route.route)),
          ceilings.get(route.route),
          plans.get(route.route),
          empty.get(route.route) ?? [],
        ),
      ),
      targets: { ...TARGETS, votesSeqScan: false },
      notes: [
        "autocannon, the API (one Node process, or two under node:cluster, which hands connections to each in turn) and Postgres share the machine; loadAverage is the 1-minute load at the end of each route's run.",
        "Uncached: the response cache off, every request runs its queries. Warm: the cache on, after the warm-up has asked every path once, as it is between two blocks.",
        "The ceiling runs each path's captured SQL straight through pg (a pool of 10, as the API's) at the same concurrency, one query after another: the requests/s the API would reach if HTTP, validation and serialisation were free. ratio = the API's requests/s / the ceiling's.",
        "With a closed loop of 50 connections, p50 is about connections / requests per second (Little's law): p99 at 50 ms needs well over 1,000 req/s. serviceP50Ms/serviceP99Ms are one connection's latencies: a request's own cost.",
        "Paths rotate: the state filters over every state, the proposal over 500 ids (the 5,000-vote proposals among them).",
        "Plans are EXPLAIN (ANALYZE, BUFFERS) of the SQL each route's repositories ran, captured with a drizzle logger; plan is the slowest query's.",
      ],
    };
    for (const r of report.routes) {
      console.log(`\n${r.route}: slowest query ${r.slowestQueryMs} ms\n${r.plan}`);
    }
    const file = await writeReport(report);
    console.log(
      `\nAPI under load (${report.machine.cpus} × ${report.machine.model}), load average before ${before.join(" ")}, after ${after.join(" ")}\n`,
    );
    console.log(formatTable(report));
    console.log(`\nWritten to ${file}`);
  } finally {
    postgres.stop();
  }
}

try {
  await main();
} catch (error) {
  console.error("\nThe benchmark failed:", error);
  process.exitCode = 1;
}

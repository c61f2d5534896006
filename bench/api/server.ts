/**
 * The API over the seeded database, in a process of its own so that autocannon's event loop
 * does not share the server's: reads BENCH_DATABASE_URL, listens on a free local port and
 * prints `{"port":…}` on stdout once it does; closes on SIGTERM or SIGINT.
 *
 * BENCH_API_CACHE=off serves without the response cache (every request runs its queries), as the
 * service does with RESPONSE_CACHE_ENTRIES=0. BENCH_API_PROCESSES=2 runs two API processes on
 * the one port with node:cluster, which hands each new connection to the next process in turn: as
 * two replicas behind a proxy, without the proxy.
 */
import cluster from "node:cluster";
import { openDatabase } from "@rhizome/db";
import { buildApp } from "@rhizome/indexer";

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("BENCH_DATABASE_URL is not set");
const cached = process.env.BENCH_API_CACHE !== "off";
const processes = Number(process.env.BENCH_API_PROCESSES ?? 1);

/** The service's defaults (config.ts): RESPONSE_CACHE_ENTRIES and RESPONSE_CACHE_MB. */
const RESPONSE_CACHE = { maxEntries: 10_000, maxBytes: 64 * 1024 * 1024 };

async function serve(): Promise<number> {
  const handle = await openDatabase({ url });
  const app = await buildApp({
    db: handle.reads,
    status: () => ({
      chainId: 31337,
      head: 0,
      cursor: 0,
      finalized: 0,
      lag: 0,
      caughtUp: true,
      events: 0,
      skippedEvents: 0,
    }),
    corsOrigins: "*",
    rateLimit: 1_000_000_000,
    ...(cached ? { responseCache: RESPONSE_CACHE } : {}),
  });
  // In a cluster's worker, port 0 is one port chosen by the primary and shared by every worker.
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === "string") throw new Error("The server has no TCP address");
  const close = () => {
    void app
      .close()
      .then(() => handle.close())
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", close);
  process.once("SIGINT", close);
  return address.port;
}

if (processes > 1 && cluster.isPrimary) {
  const workers = Array.from({ length: processes }, () => cluster.fork());
  const ports = await Promise.all(
    workers.map(
      (worker) =>
        new Promise<number>((resolve, reject) => {
          worker.once("listening", (address) => resolve(address.port));
          worker.once("exit", (code) => reject(new Error(`An API process exited (${code}) before listening`)));
        }),
    ),
  );
  process.stdout.write(`${JSON.stringify({ port: ports[0] })}\n`);
  const stop = () => {
    for (const worker of workers) worker.process.kill("SIGTERM");
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
} else {
  const port = await serve();
  if (cluster.isPrimary) process.stdout.write(`${JSON.stringify({ port })}\n`);
}

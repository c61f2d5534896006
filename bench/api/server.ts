/**
 * The API over the seeded database, in a process of its own so that autocannon's event loop
 * does not share the server's: reads BENCH_DATABASE_URL, listens on a free local port and
 * prints `{"port":…}` on stdout once it does; closes on SIGTERM or SIGINT.
 */
import { openDatabase } from "@rhizome/db";
import { buildApp } from "@rhizome/indexer";

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("BENCH_DATABASE_URL is not set");

const handle = await openDatabase({ url });
const app = await buildApp({
  db: handle.db,
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
});
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
if (address === null || typeof address === "string") throw new Error("The server has no TCP address");
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);

const close = () => {
  void app
    .close()
    .then(() => handle.close())
    .finally(() => process.exit(0));
};
process.once("SIGTERM", close);
process.once("SIGINT", close);

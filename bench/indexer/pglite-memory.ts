/**
 * `npx tsx --expose-gc bench/indexer/pglite-memory.ts [--bare]`: what PGlite itself takes, apart from Rhizome's own
 * memory. In a fresh process with the indexer's modules loaded (so their code is in the baseline),
 * it opens PGlite in a new data folder through Rhizome's own `openDatabase` (its WebAssembly
 * Postgres compiled and started, the folder initialised; `--bare`: PGlite alone, and stop), applies
 * Rhizome's migrations, and runs
 * a write of the dense benchmark's size (100,000 rows through `unnest`, as the projections write).
 * After each step: the process's resident memory, V8's heap, and PGlite's WebAssembly memory
 * (the linear memory Postgres runs in, which grows and is never given back).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { openDatabase } from "@rhizome/db";
import "@rhizome/indexer";

/** Rows per statement, as the projections write them (ROWS_PER_STATEMENT in projections/batch.ts). */
const ROWS = 5_000;

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

interface WithWasm {
  mod?: { HEAPU8?: Uint8Array };
}

/** PGlite's WebAssembly linear memory, in bytes (an internal of PGlite 0.5: undefined if it moves). */
function wasmBytes(client: unknown): number | undefined {
  return (client as WithWasm).mod?.HEAPU8?.length;
}

function report(step: string, client?: unknown): void {
  global.gc?.();
  const usage = process.memoryUsage();
  const wasm = client === undefined ? undefined : wasmBytes(client);
  console.log(
    `${step.padEnd(52)} RSS ${mb(usage.rss).padStart(6)} MB  V8 heap ${mb(usage.heapUsed).padStart(6)} MB  ` +
      `external ${mb(usage.external).padStart(6)} MB${wasm === undefined ? "" : `  PGlite WASM memory ${mb(wasm)} MB`}`,
  );
}

const dir = await mkdtemp(path.join(tmpdir(), "rhizome-pglite-memory-"));
try {
  report("Node with the indexer's modules loaded");
  if (process.argv.includes("--bare")) {
    // PGlite alone, without Rhizome's lock file and drizzle around it.
    const bare = new PGlite(path.join(dir, "bare"));
    await bare.waitReady;
    await bare.query("SELECT 1");
    report("a bare PGlite, started in a new folder", bare);
    await bare.close();
    process.exit(0);
  }
  const handle = await openDatabase({ dataDir: path.join(dir, "rhizome"), writer: true });
  const client = (handle.db as unknown as { $client: unknown }).$client;
  report("Rhizome's openDatabase (PGlite, a new folder)", client);
  await handle.migrate();
  report("… with Rhizome's migrations applied", client);
  // A write of the dense backfill's size, as the projections write: one array per column.
  const n = 100_000;
  await handle.db.execute(sql`CREATE TABLE memory_probe (id integer, block bigint, data text)`);
  const ids = Array.from({ length: n }, (_, i) => i);
  const texts = ids.map((i) => `0x${i.toString(16).padStart(64, "0")}`);
  for (let i = 0; i < n; i += ROWS) {
    await handle.db.execute(
      sql`INSERT INTO memory_probe SELECT * FROM unnest(${sql.param(ids.slice(i, i + ROWS))}::integer[], ${sql.param(ids.slice(i, i + ROWS))}::bigint[], ${sql.param(texts.slice(i, i + ROWS))}::text[])`,
    );
  }
  report(`… after writing ${n.toLocaleString("en-US")} rows in ${ROWS.toLocaleString("en-US")}-row statements`, client);
  await handle.db.execute(sql`SELECT count(*), max(data) FROM memory_probe`);
  report("… after reading them back", client);
  await handle.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}

/**
 * GET /metrics as a Prometheus server scrapes it: the text parses, and its figures move with the
 * chain (blocks, events, RPC calls, requests by route), served on METRICS_PORT apart from the API.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import parsePrometheusTextFormat, { type Family } from "parse-prometheus-text-format";
import { createLogger, loadConfig, startService } from "@rhizome/indexer";
import { mintSharesProposal } from "@rhizome/contracts";
import { addressOf, collectiveFixture, propose } from "../helpers/collective.js";
import { freshDatabaseUrl } from "../helpers/database.js";
import { serveProvider } from "../helpers/rpc-server.js";

const value = (families: Family[], name: string, labels: Record<string, string> = {}) => {
  const family = families.find((f) => f.name === name);
  if (!family) throw new Error(`No metric ${name}`);
  const sample = family.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return Number(sample?.value ?? sample?.count ?? Number.NaN);
};

describe(`metrics (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const task of cleanup.reverse()) await task();
  });

  it("parse as Prometheus text and move with the chain, on a port of their own", async () => {
    const f = await collectiveFixture();
    const rpc = await serveProvider(f.connection.provider);
    cleanup.push(() => rpc.close());
    const dir = await mkdtemp(path.join(tmpdir(), "rhizome-metrics-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const config = loadConfig({
      RPC_URL: rpc.url,
      DATABASE_URL: (await freshDatabaseUrl()) ?? "",
      DATA_DIR: path.join(dir, "db"),
      FACTORY_ADDRESS: f.deployment.factory,
      START_BLOCK: String(f.deployment.startBlock),
      CONFIRMATIONS: "0",
      POLL_INTERVAL_MS: "50",
      PORT: "0",
      METRICS_PORT: "0",
      LOG_LEVEL: "silent",
    });
    const service = await startService(config, createLogger({ level: "silent", secrets: [] }));
    cleanup.push(() => service.stop());
    const indexer = await service.connected;
    let text = "";
    /** The metrics, parsed (which throws on a line Prometheus would refuse); the text stays in `text`. */
    const scrape = async () => {
      const response = await fetch(`${service.metricsUrl}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
      text = await response.text();
      return parsePrometheusTextFormat(text);
    };
    // The parser folds a histogram's labelled series into one: those are read from the text.
    const histogramCount = (name: string, labels: string) =>
      Number(new RegExp(`^${name}_count\\{${labels}\\} (\\d+)$`, "m").exec(text)?.[1] ?? Number.NaN);
    const caughtUp = async () => {
      const head = Number(await f.publicClient.getBlockNumber());
      await expect.poll(() => indexer.status.cursor, { timeout: 10_000 }).toBeGreaterThanOrEqual(head);
    };

    await caughtUp();
    // A request to the API is timed by its route's pattern, not its URL.
    expect((await fetch(`${service.url}/api/collectives/${f.modules.governor}`)).status).toBe(200);
    const before = await scrape();
    expect(value(before, "rhizome_indexed_block")).toBe(indexer.status.cursor);
    expect(value(before, "rhizome_chain_head_block")).toBe(indexer.status.head);
    expect(value(before, "rhizome_lag_blocks")).toBe(0);
    expect(value(before, "rhizome_ready")).toBe(1);
    // Every log of the fixture's history decodes.
    expect(value(before, "rhizome_undecodable_logs_total")).toBe(0);
    expect(value(before, "rhizome_indexed_events_total", { phase: "backfill" })).toBeGreaterThan(0);
    expect(value(before, "rhizome_rpc_calls_total", { method: "logs", outcome: "ok" })).toBeGreaterThan(0);
    expect(before.find((family) => family.name === "rhizome_http_request_duration_seconds")?.type).toBe("HISTOGRAM");
    expect(
      histogramCount(
        "rhizome_http_request_duration_seconds",
        'method="GET",route="/api/collectives/:address",status_code="200"',
      ),
    ).toBe(1);
    // The metrics are not on the API's port when they have one of their own (the web client's
    // pages may answer there instead).
    const onApi = await fetch(`${service.url}/metrics`);
    expect(onApi.headers.get("content-type") ?? "").not.toMatch(/version=0\.0\.4/);
    expect(await onApi.text()).not.toContain("rhizome_indexed_block");

    // A proposal: the index moves, and so do the figures.
    await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 5n, "Grant Dave 5"));
    await caughtUp();
    const events = (families: Family[]) =>
      value(families, "rhizome_indexed_events_total", { phase: "backfill" }) +
      (families
        .find((fam) => fam.name === "rhizome_indexed_events_total")
        ?.metrics.filter((m) => m.labels?.phase === "realtime")
        .reduce((sum, m) => sum + Number(m.value), 0) ?? 0);
    // The counts follow the live events, which on Postgres are first written to the database for
    // the API replicas and counted once written: a moment after the cursor has moved, not with it.
    let after: Family[] = [];
    await expect
      .poll(async () => events((after = await scrape())), { timeout: 10_000 })
      .toBeGreaterThan(events(before));
    expect(value(after, "rhizome_indexed_block")).toBeGreaterThan(value(before, "rhizome_indexed_block"));
    const ranges = ["backfill", "realtime"]
      .map((phase) => histogramCount("rhizome_range_duration_seconds", `phase="${phase}"`))
      .filter((count) => !Number.isNaN(count));
    expect(ranges.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    expect(value(after, "rhizome_lag_seconds")).toBeGreaterThanOrEqual(0);
    // On Postgres, the pools' connections; PGlite has none.
    const pools = after.find((family) => family.name === "rhizome_db_pool_connections")?.metrics ?? [];
    if (process.env.DATABASE_URL) {
      expect(value(after, "rhizome_db_pool_connections", { pool: "writer", state: "total" })).toBeGreaterThan(0);
    } else {
      expect(pools).toEqual([]);
    }
  });
});

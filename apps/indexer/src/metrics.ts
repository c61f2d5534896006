/**
 * The service's metrics in Prometheus' text format (prom-client), served at GET /metrics: where
 * the index stands against the chain, how fast it moves, what the RPC and the database are asked,
 * and how the API answers. Gauges of state are read when scraped; counters and histograms are fed
 * by the indexer's events, the RPC wrapper and the API's hooks.
 */
import type { EventEmitter } from "node:events";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { PoolUse } from "@rhizome/db";
import type { IndexerEvents } from "./routes/api/events.js";
import type { IndexerStatus } from "./indexer.js";
import { undecodableLogCount } from "./sync/decode.js";
import type { Rpc } from "./sync/rpc.js";

export interface MetricsSources {
  /** The indexer's progress, read at each scrape. */
  status: () => IndexerStatus;
  /** The database's pools, read at each scrape. */
  pools?: () => PoolUse[];
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Seconds: from a fast range or request to one that waits on a slow provider. */
const BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createMetrics(sources: MetricsSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "rhizome_process_" });
  const status = () => sources.status();

  new Gauge({
    name: "rhizome_chain_head_block",
    help: "The chain's head block, as last seen.",
    registers: [registry],
    collect() {
      this.set(status().head);
    },
  });
  new Gauge({
    name: "rhizome_indexed_block",
    help: "The last block whose events are indexed.",
    registers: [registry],
    collect() {
      this.set(status().cursor);
    },
  });
  new Gauge({
    name: "rhizome_lag_blocks",
    help: "Blocks between the chain's head and the indexed block.",
    registers: [registry],
    collect() {
      this.set(status().lag);
    },
  });
  const indexedAt = { timestamp: 0 };
  new Gauge({
    name: "rhizome_lag_seconds",
    help: "Seconds from the indexed block's timestamp to now (0 before the first range).",
    registers: [registry],
    collect() {
      this.set(indexedAt.timestamp === 0 ? 0 : Math.max(0, Date.now() / 1000 - indexedAt.timestamp));
    },
  });
  new Gauge({
    name: "rhizome_ready",
    help: "1 when the index has caught up with the head, else 0.",
    registers: [registry],
    collect() {
      this.set(status().caughtUp ? 1 : 0);
    },
  });
  new Gauge({
    name: "rhizome_skipped_events",
    help: "Events that did not decode or could not be applied, skipped since the start.",
    registers: [registry],
    collect() {
      this.set(status().skippedEvents);
    },
  });
  // The decoder counts for the whole process (the indexer's status counts these and the events
  // the projections could not apply together, above): the counter takes what it adds at each scrape.
  let undecodableSeen = 0;
  new Counter({
    name: "rhizome_undecodable_logs_total",
    help: "Logs that did not decode (a topic none of their contract's events has, or an event in another shape), skipped.",
    registers: [registry],
    collect() {
      const count = undecodableLogCount();
      if (count > undecodableSeen) this.inc(count - undecodableSeen);
      undecodableSeen = count;
    },
  });
  const events = new Counter({
    name: "rhizome_indexed_events_total",
    help: "Events indexed since the start (rate() gives events per second).",
    labelNames: ["phase"],
    registers: [registry],
  });
  const ranges = new Histogram({
    name: "rhizome_range_duration_seconds",
    help: "Time to apply and commit one range (backfill) or block (realtime), its fetch not included.",
    labelNames: ["phase"],
    buckets: BUCKETS,
    registers: [registry],
  });
  const reorgs = new Counter({
    name: "rhizome_reorgs_total",
    help: "Reorgs rolled back, and rebuilds after one deeper than the undo records reach.",
    registers: [registry],
  });
  const reorgDepth = new Gauge({
    name: "rhizome_last_reorg_depth_blocks",
    help: "The depth of the last reorg, in blocks.",
    registers: [registry],
  });
  const rpcCalls = new Counter({
    name: "rhizome_rpc_calls_total",
    help: "Calls to the chain's RPC by method and outcome (ok, or error after the retries).",
    labelNames: ["method", "outcome"],
    registers: [registry],
  });
  const rpcDuration = new Histogram({
    name: "rhizome_rpc_call_duration_seconds",
    help: "Time of one RPC call, its retries included, by method.",
    labelNames: ["method"],
    buckets: BUCKETS,
    registers: [registry],
  });
  const rpcRetries = new Counter({
    name: "rhizome_rpc_retries_total",
    help: "RPC attempts that failed and were tried again.",
    registers: [registry],
  });
  const http = new Histogram({
    name: "rhizome_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method, route and status code.",
    labelNames: ["method", "route", "status_code"],
    buckets: BUCKETS,
    registers: [registry],
  });
  const cache = new Counter({
    name: "rhizome_http_revalidations_total",
    help: "API reads by outcome: hit (If-None-Match still current, answered 304 without a query) or miss.",
    labelNames: ["result"],
    registers: [registry],
  });
  // The API's cache of answers (plugins/response-cache.ts). The hit ratio is left to PromQL:
  // rate(hits) / (rate(hits) + rate(misses)) over the window one cares about.
  const responseCache = {
    hits: new Counter({
      name: "rhizome_http_cache_hits_total",
      help: "API reads answered from this process's cache of answers at the index's current version.",
      registers: [registry],
    }),
    misses: new Counter({
      name: "rhizome_http_cache_misses_total",
      help: "API reads the cache could have answered but did not hold: made by their route, then kept.",
      registers: [registry],
    }),
    entries: new Gauge({
      name: "rhizome_http_cache_entries",
      help: "Answers held in the cache.",
      registers: [registry],
    }),
    bytes: new Gauge({
      name: "rhizome_http_cache_bytes",
      help: "Bytes of the answers held in the cache.",
      registers: [registry],
    }),
  };
  const sseClients = new Gauge({
    name: "rhizome_sse_clients",
    help: "Open /api/events streams.",
    registers: [registry],
  });
  new Gauge({
    name: "rhizome_db_pool_connections",
    help: "Connections of each Postgres pool: open, idle, and queries waiting for one.",
    labelNames: ["pool", "state"],
    registers: [registry],
    collect() {
      this.reset();
      for (const use of sources.pools?.() ?? []) {
        this.set({ pool: use.pool, state: "total" }, use.total);
        this.set({ pool: use.pool, state: "idle" }, use.idle);
        this.set({ pool: use.pool, state: "waiting" }, use.waiting);
      }
    },
  });

  return {
    registry,
    http,
    cache,
    responseCache,
    sseClients,
    /** Counts what the indexer emits: ranges with their events and time, and reorgs. */
    follow(indexer: EventEmitter<IndexerEvents>): () => void {
      const onIndexed = (range: IndexerEvents["indexed"][0]) => {
        const phase = range.backfill ? "backfill" : "realtime";
        events.inc({ phase }, range.events);
        ranges.observe({ phase }, range.durationMs / 1000);
        indexedAt.timestamp = range.timestamp;
      };
      const onReorg = (reorg: IndexerEvents["reorg"][0]) => {
        reorgs.inc();
        reorgDepth.set(reorg.depth);
      };
      indexer.on("indexed", onIndexed);
      indexer.on("reorg", onReorg);
      return () => {
        indexer.off("indexed", onIndexed);
        indexer.off("reorg", onReorg);
      };
    },
    /** An RPC whose every call is counted and timed by method; `retried` counts a retry. */
    instrument(rpc: Rpc): Rpc {
      const timed =
        <A extends unknown[], R>(method: string, call: (...args: A) => Promise<R>) =>
        async (...args: A): Promise<R> => {
          const end = rpcDuration.startTimer({ method });
          try {
            const result = await call(...args);
            rpcCalls.inc({ method, outcome: "ok" });
            return result;
          } catch (error) {
            rpcCalls.inc({ method, outcome: "error" });
            throw error;
          } finally {
            end();
          }
        };
      return {
        client: rpc.client,
        chainId: timed("chainId", rpc.chainId),
        head: timed("head", rpc.head),
        header: timed("header", rpc.header),
        headWithHeaders: timed("headWithHeaders", rpc.headWithHeaders),
        headers: timed("headers", rpc.headers),
        logs: timed("logs", rpc.logs),
      };
    },
    retried(): void {
      rpcRetries.inc();
    },
  };
}

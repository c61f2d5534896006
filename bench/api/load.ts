/**
 * Drives one route with autocannon: a short warm-up, then the measured run, every connection
 * taking the route's paths in turn. Reads requests/s, latency percentiles and failures, and the
 * load average around the run (autocannon, the API and Postgres share the machine); then a run
 * with a single connection, for what one request costs without queueing.
 */
import { loadavg } from "node:os";
import autocannon from "autocannon";
import type { BenchRoute } from "./routes.js";

export interface LoadResult {
  route: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
  requests: number;
  /** Connection errors, timeouts and non-2xx answers: each must be 0. */
  errors: number;
  /** The 1-minute load average at the end of the run. */
  loadAverage: number;
  /** p50 and p99 with one connection: what a request costs without queueing behind 49 others. */
  serviceP50Ms: number;
  serviceP99Ms: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** The run with one connection. */
  serviceSeconds: number;
}

function run(origin: string, route: BenchRoute, connections: number, seconds: number): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: origin,
    connections,
    duration: seconds,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({ ...request, path: route.paths[next++ % route.paths.length] ?? "/" }),
      },
    ],
  });
}

export async function load(origin: string, route: BenchRoute, options: LoadOptions): Promise<LoadResult> {
  await run(origin, route, options.connections, options.warmupSeconds);
  const result = await run(origin, route, options.connections, options.seconds);
  const loadAverage = Number((loadavg()[0] ?? 0).toFixed(2));
  const service = await run(origin, route, 1, options.serviceSeconds);
  return {
    route: route.route,
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    p999Ms: result.latency.p99_9,
    maxMs: result.latency.max,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    loadAverage,
    serviceP50Ms: service.latency.p50,
    serviceP99Ms: service.latency.p99,
  };
}

/** bench/results/api.json and the table printed at the end of `npm run bench:api`. */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import type { LoadResult, LoadOptions } from "./load.js";
import type { RoutePlan } from "./plans.js";

export const TARGETS = { p99Ms: 50 } as const;

export interface RouteReport extends Omit<LoadResult, "loadAverage"> {
  votesSeqScan: boolean;
  /** Tables any of the route's plans reads with a Seq Scan, with how many plans do. */
  seqScans: string[];
  /** The route's slowest query as EXPLAIN ANALYZE timed it, alone on the machine. */
  slowestQueryMs: number;
  plan: string;
  /** Variants (states) whose first page came back empty in the pre-check. */
  emptyVariants: string[];
  loadAverage: number;
}

export interface Report {
  date: string;
  machine: { cpus: number; model: string; memory: string; postgres: string };
  seed: { members: number; proposals: number; votes: number; workItems: number; seconds: number };
  load: LoadOptions & { loadAverageBefore: number[]; loadAverageAfter: number[] };
  routes: RouteReport[];
  targets: typeof TARGETS & { votesSeqScan: false };
  notes: string[];
}

export function machine(postgres: string): Report["machine"] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? "unknown",
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
    postgres,
  };
}

export function routeReport(load: LoadResult, plan: RoutePlan | undefined, emptyVariants: string[]): RouteReport {
  return {
    ...load,
    votesSeqScan: plan?.votesSeqScan ?? false,
    seqScans: plan?.seqScans ?? [],
    slowestQueryMs: plan?.slowestMs ?? 0,
    plan: plan?.plan ?? "",
    emptyVariants,
  };
}

export async function writeReport(report: Report): Promise<string> {
  const file = fileURLToPath(new URL("../results/api.json", import.meta.url));
  await mkdir(path.dirname(file), { recursive: true });
  // Formatted as the repository formats JSON, so `prettier --check .` stays clean after a run.
  const options = { ...(await resolveConfig(file)), filepath: file };
  await writeFile(file, await format(JSON.stringify(report), options));
  return file;
}

const pad = (text: string, width: number, right = false) => (right ? text.padStart(width) : text.padEnd(width));

export function formatTable(report: Report): string {
  const header = [
    "route",
    "req/s",
    "p50 ms",
    "p99 ms",
    "p99.9 ms",
    "errors",
    "1-conn p99",
    "votes seq scan",
    "p99 ≤ 50",
    "no votes scan",
  ];
  const widths = [22, 7, 7, 7, 9, 7, 10, 15, 9, 13];
  const rows = report.routes.map((r) => [
    r.route,
    r.rps.toLocaleString("en-US"),
    r.p50Ms.toFixed(0),
    r.p99Ms.toFixed(0),
    r.p999Ms.toFixed(0),
    String(r.errors),
    r.serviceP99Ms.toFixed(0),
    r.votesSeqScan ? "yes" : "no",
    r.p99Ms <= report.targets.p99Ms ? "met" : "MISSED",
    r.votesSeqScan ? "MISSED" : "met",
  ]);
  const line = (cells: string[]) => cells.map((cell, i) => pad(cell, widths[i] ?? 8, i > 0 && i < 7)).join("  ");
  const others = report.routes
    .filter((r) => r.seqScans.length > 0)
    .map((r) => `  ${r.route}: ${r.seqScans.join(", ")}`);
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
    "Seq scans in the routes' plans (any table):",
    ...(others.length > 0 ? others : ["  none"]),
  ].join("\n");
}

/** bench/results/api.json and the table printed at the end of `npm run bench:api`. */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import type { Ceiling } from "./ceiling.js";
import type { LoadResult, LoadOptions } from "./load.js";
import type { RoutePlan } from "./plans.js";

export const TARGETS = { p99Ms: 50 } as const;

/** How the API is served for a run: with its response cache or without, by one process or two. */
export interface Mode {
  name: string;
  cache: boolean;
  processes: number;
}

export const MODES: Mode[] = [
  { name: "uncached, 1 process", cache: false, processes: 1 },
  { name: "uncached, 2 processes", cache: false, processes: 2 },
  { name: "warm, 1 process", cache: true, processes: 1 },
  { name: "warm, 2 processes", cache: true, processes: 2 },
];

export interface ModeRun extends Omit<LoadResult, "route"> {
  mode: string;
  /** This run's requests/s over the ceiling's. */
  ratio: number | null;
}

export interface RouteReport {
  route: string;
  /** One run per mode, in MODES' order. */
  runs: ModeRun[];
  /** The route's SQL straight through pg at the same concurrency (ceiling.ts). */
  ceilingRps: number | null;
  queriesPerRequest: number | null;
  /** The highest p99 of the warm runs: what the target is held against. */
  warmP99Ms: number;
  votesSeqScan: boolean;
  /** Tables any of the route's plans reads with a Seq Scan, with how many plans do. */
  seqScans: string[];
  /** The route's slowest query as EXPLAIN ANALYZE timed it, alone on the machine. */
  slowestQueryMs: number;
  plan: string;
  /** Variants (states) whose first page came back empty in the pre-check. */
  emptyVariants: string[];
}

export interface Report {
  date: string;
  machine: { cpus: number; model: string; memory: string; postgres: string };
  seed: { members: number; proposals: number; votes: number; workItems: number; seconds: number };
  load: LoadOptions & { loadAverageBefore: number[]; loadAverageAfter: number[] };
  modes: Mode[];
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

export function routeReport(
  route: string,
  runs: (LoadResult | undefined)[],
  ceiling: Ceiling | undefined,
  plan: RoutePlan | undefined,
  emptyVariants: string[],
): RouteReport {
  const modeRuns = runs.flatMap((run, i) => {
    if (!run) return [];
    const { route: _route, ...rest } = run;
    const ratio = ceiling && ceiling.rps > 0 ? Number((run.rps / ceiling.rps).toFixed(2)) : null;
    return [{ mode: MODES[i]?.name ?? String(i), ...rest, ratio }];
  });
  const warm = modeRuns.filter((run) => MODES.find((mode) => mode.name === run.mode)?.cache);
  return {
    route,
    runs: modeRuns,
    ceilingRps: ceiling?.rps ?? null,
    queriesPerRequest: ceiling?.queriesPerRequest ?? null,
    warmP99Ms: Math.max(...warm.map((run) => run.p99Ms)),
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
    "mode",
    "req/s",
    "p50 ms",
    "p99 ms",
    "p99.9 ms",
    "errors",
    "1-conn p99",
    "vs pg",
    "p99 ≤ 50",
  ];
  const widths = [22, 22, 7, 7, 7, 9, 7, 10, 6, 9];
  const rows = report.routes.flatMap((r) => [
    ...r.runs.map((run) => [
      r.route,
      run.mode,
      run.rps.toLocaleString("en-US"),
      run.p50Ms.toFixed(0),
      run.p99Ms.toFixed(0),
      run.p999Ms.toFixed(0),
      String(run.errors),
      run.serviceP99Ms.toFixed(0),
      run.ratio === null ? "—" : `${run.ratio}×`,
      run.p99Ms <= report.targets.p99Ms ? "met" : "MISSED",
    ]),
    [r.route, "SQL straight through pg", (r.ceilingRps ?? 0).toLocaleString("en-US"), "", "", "", "", "", "", ""],
  ]);
  const line = (cells: string[]) => cells.map((cell, i) => pad(cell, widths[i] ?? 8, i > 1 && i < 9)).join("  ");
  const others = report.routes
    .filter((r) => r.seqScans.length > 0)
    .map((r) => `  ${r.route}: ${r.seqScans.join(", ")}`);
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
    `Warm p99 ≤ ${report.targets.p99Ms} ms on every route: ${report.routes.every((r) => r.warmP99Ms <= report.targets.p99Ms) ? "met" : "MISSED"}.`,
    `Votes read by a Seq Scan: ${report.routes.some((r) => r.votesSeqScan) ? "yes (MISSED)" : "no (met)"}.`,
    "Seq scans in the routes' plans (any table):",
    ...(others.length > 0 ? others : ["  none"]),
  ].join("\n");
}

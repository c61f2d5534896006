/** bench/results/indexer.json and the table printed at the end of `npm run bench:indexer`. */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import type { Census } from "./census.js";
import type { LiveResult } from "./live.js";
import type { BackfillDetails, BackfillResult } from "./measure.js";

export const TARGETS = { postgresEventsPerSecond: 20_000, pgliteEventsPerSecond: 10_000, liveMs: 1_000 } as const;

export const NOTES = [
  "The chain (Hardhat's in-process EDR) and its JSON-RPC server run in the benchmark's process: peakRssMb includes them; rssBeforeMb is the same process just before the backfill, so the difference is what the backfill added.",
  "Postgres runs in its own processes (not counted in RSS); PGlite runs inside the benchmark's process.",
  "The live figure is from evm_mine returning to the vote's row being visible (polled every 10 ms); its target is met when the slowest sample is within it.",
];

export interface Report {
  date: string;
  machine: { cpus: number; model: string; memory: string };
  history: { blocks: number; events: Record<string, number>; total: number };
  results: BackfillResult[];
  live: LiveResult | null;
  targets: typeof TARGETS;
  notes: string[];
}

export function buildReport(census: Census, results: BackfillResult[], live: LiveResult | null): Report {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      model: cpus[0]?.model ?? "unknown",
      memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
    },
    history: { blocks: census.toBlock - census.fromBlock + 1, events: census.byKind, total: census.total },
    results,
    live,
    targets: TARGETS,
    notes: NOTES,
  };
}

export async function writeReport(report: Report): Promise<string> {
  const file = fileURLToPath(new URL("../results/indexer.json", import.meta.url));
  await mkdir(path.dirname(file), { recursive: true });
  // Formatted as the repository formats JSON, so `prettier --check .` stays clean after a run.
  const options = { ...(await resolveConfig(file)), filepath: file };
  await writeFile(file, await format(JSON.stringify(report, null, 2), options));
  return path.relative(process.cwd(), file);
}

const n = (value: number) => value.toLocaleString("en-US");
const met = (ok: boolean) => (ok ? "met" : "MISSED");

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function formatReport(report: Report, details: Map<string, BackfillDetails>): string {
  const target = (db: string) => (db === "postgres" ? TARGETS.postgresEventsPerSecond : TARGETS.pgliteEventsPerSecond);
  const backfill = table(
    ["database", "events", "wall s", "events/s", "target", "", "peak RSS MB", "RSS before MB"],
    report.results.map((r) => [
      r.database,
      n(r.events),
      r.wallSeconds.toFixed(2),
      n(r.eventsPerSecond),
      n(target(r.database)),
      met(r.eventsPerSecond >= target(r.database)),
      r.peakRssMb.toFixed(1),
      r.rssBeforeMb.toFixed(1),
    ]),
  );
  const lines = [
    "",
    `Indexer backfill: ${n(report.history.total)} events in ${n(report.history.blocks)} blocks, ` +
      `${report.machine.cpus} × ${report.machine.model}`,
    "",
    backfill,
  ];
  for (const r of report.results) {
    const d = details.get(r.database);
    if (!d) continue;
    const rpc = Object.entries(d.rpcSeconds)
      .map(([name, s]) => `${name} ${s.toFixed(2)} s/${n(d.rpcCalls[name] ?? 0)} calls`)
      .join(", ");
    const rpcTotal = Object.values(d.rpcSeconds).reduce((a, b) => a + b, 0);
    lines.push(
      `  ${r.database}: ${d.ranges} commits; waiting on the RPC ${rpcTotal.toFixed(2)} s of ${r.wallSeconds.toFixed(2)} s (${rpc}); ` +
        `rows ${Object.entries(d.rows)
          .map(([t, c]) => `${t} ${n(c)}`)
          .join(", ")} (all match the chain)`,
    );
    for (const warning of d.warnings.slice(0, 5)) lines.push(`    indexer ${warning.slice(0, 220)}`);
    if (d.warnings.length > 5) lines.push(`    … and ${d.warnings.length - 5} more warnings`);
  }
  if (report.live) {
    const { p50Ms, maxMs, samples } = report.live;
    lines.push(
      "",
      `Following the head (PGlite): new vote visible p50 ${p50Ms} ms, max ${maxMs} ms over ${samples.length} blocks; ` +
        `target ${n(TARGETS.liveMs)} ms: ${met(maxMs <= TARGETS.liveMs)}`,
      `  samples (ms): ${samples.join(", ")}`,
    );
  }
  lines.push("", ...report.notes.map((note) => `Note: ${note}`));
  return lines.join("\n");
}

/** bench/results/indexer.json and the table printed at the end of `npm run bench:indexer`. */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import type { Census } from "./census.js";
import type { LiveResult } from "./live.js";
import { POLL_INTERVAL_MS, type BackfillDetails, type BackfillResult } from "./measure.js";
import type { PeerResult } from "./peer-ponder.js";
import type { Faults } from "../../test/helpers/rpc-server.js";
import { machine } from "../machine.js";

export const TARGETS = {
  postgresEventsPerSecond: 20_000,
  pgliteEventsPerSecond: 10_000,
  liveMs: 1_000,
  /** Rhizome's events/s over Ponder's, on each database (`--vs ponder`). */
  vsPonder: 5,
  /** The Postgres backfill's peak resident memory, its own process's. */
  postgresPeakRssMb: 400,
} as const;

/** What `--vs ponder` compares, printed with its table and kept in the results file. */
export const PEER_NOTES = [
  "Ponder runs `ponder start` (bench/peers/ponder) as a child process against the same JSON-RPC server (the chain's own process), over the same block range (endBlock = the history's last block), after Rhizome's runs; on Postgres in a fresh database of the same cluster, on PGlite in a fresh folder.",
  "Ponder's wallSeconds run from its first backfill log line ('Started fetching backfill JSON-RPC data' or 'Started backfill indexing') to its /ready endpoint answering 200 (polled every 50 ms); its build and database set-up before that are startupSeconds, as Rhizome's migrations and init() are outside its figure.",
  "events is the same count for both: the logs each indexer applied (Rhizome's indexer status, the sum of Ponder's ponder_indexing_completed_events), each checked equal to the chain's logs, and both indexes' proposals, votes, work_items, ragequits, members and share_events row counts checked equal to the chain's.",
  "Ponder's handlers project every event into tables like Rhizome's (collectives and settings, members with shares, voting power, delegate and profile, share events, delegations, applications, proposals with tallies and status, votes, timelock operations, work items with their state, objections, treasury flows and balances, ragequits); they do not decode proposal actions or classify proposals, nor compute the per-block ownership statistics (Gini, Nakamoto) Rhizome keeps.",
  "Ponder's peakRssMb is its whole process tree (PGlite included when it is the database); Rhizome's is its backfill's own process (PGlite included when it is the database). Neither counts the chain's process.",
];

export interface PeerEntry extends PeerResult {
  /** Rhizome's events/s on the same database divided by Ponder's. */
  ratio: number | null;
  target: number;
}

export const NOTES = [
  "The chain (Hardhat's EDR) and its JSON-RPC server run in a process of their own (bench/indexer/chain-process.ts), as a node runs apart from the indexers reading it, on the same machine and cores. peakRssMb is the backfill's process without the chain; rssBeforeMb is that process just before the backfill, so the difference is what the backfill added.",
  "Each backfill runs in a process of its own (bench/indexer/dense-run.ts, forked), as the service runs, so its peak is the indexer's own and not what generating the history left in the benchmark's heap; on PGlite that includes PGlite (databaseMb: what opening and migrating it added), on Postgres its own processes are not counted. The live measurement backfills PGlite once more in the benchmark's process, untimed, and follows the head from there.",
  "Each backfill is run several times (BENCH_RUNS, 3 by default), each on a fresh database; the figures are the median run's, with every run's events/s in runs. Ponder's likewise.",
  `The live figure is from evm_mine returning to the vote's row being visible (polled every 10 ms), with the votes mined at offsets spread evenly over the indexer's ${POLL_INTERVAL_MS} ms poll interval; its target is met when the slowest sample is within it.`,
];

/** The Postgres backfill again with undo records for every block, and its ratio to the plain one. */
export interface UndoWindowResult {
  wallSeconds: number;
  eventsPerSecond: number;
  ratio: number | null;
}

export interface Report {
  date: string;
  machine: { cpus: number; model: string; memory: string };
  /** Where the chain ran: in a process of its own on the same machine, serving JSON-RPC over HTTP. */
  chain: "own process";
  history: { blocks: number; events: Record<string, number>; total: number };
  results: BackfillResult[];
  live: LiveResult | null;
  /** Present when Postgres was measured. */
  undoWindow?: UndoWindowResult;
  /** Present after `--vs ponder`. */
  peers?: PeerEntry[];
  targets: typeof TARGETS;
  notes: string[];
  /** The sparse scenario's last run (`--scenario sparse`), kept when the dense one is written. */
  sparse?: SparseSection;
}

export function buildReport(
  census: Census,
  results: BackfillResult[],
  live: LiveResult | null,
  undoWindow: UndoWindowResult | null,
  peers?: PeerResult[],
): Report {
  const ratio = (peer: PeerResult) => {
    const own = results.find((r) => r.database === peer.database);
    return own ? Math.round((own.eventsPerSecond / peer.eventsPerSecond) * 100) / 100 : null;
  };
  return {
    date: new Date().toISOString(),
    machine: machine(),
    chain: "own process",
    history: { blocks: census.toBlock - census.fromBlock + 1, events: census.byKind, total: census.total },
    results,
    live,
    ...(undoWindow ? { undoWindow } : {}),
    ...(peers ? { peers: peers.map((p) => ({ ...p, ratio: ratio(p), target: TARGETS.vsPonder })) } : {}),
    targets: TARGETS,
    notes: peers ? [...NOTES, ...PEER_NOTES] : NOTES,
  };
}

const RESULTS = fileURLToPath(new URL("../results/indexer.json", import.meta.url));

async function readResults(): Promise<Partial<Report> | undefined> {
  try {
    return JSON.parse(await readFile(RESULTS, "utf8")) as Partial<Report>;
  } catch {
    return undefined;
  }
}

async function writeResults(results: Partial<Report>): Promise<string> {
  await mkdir(path.dirname(RESULTS), { recursive: true });
  // Formatted as the repository formats JSON, so `prettier --check .` stays clean after a run.
  const options = { ...(await resolveConfig(RESULTS)), filepath: RESULTS };
  await writeFile(RESULTS, await format(JSON.stringify(results, null, 2), options));
  return path.relative(process.cwd(), RESULTS);
}

/** Writes the dense scenario's report, keeping the sparse scenario's last section. */
export async function writeReport(report: Report): Promise<string> {
  const sparse = (await readResults())?.sparse;
  return writeResults(sparse ? { ...report, sparse } : report);
}

/**
 * Writes the sparse scenario's section, keeping the dense scenario's last report. A run of some
 * settings or databases only (`--settings`, BENCH_DATABASES) replaces their rows and keeps the
 * others of the last run on the same history, each with the date and load average of its own run.
 * Returns the file and the section as written.
 */
export async function writeSparseSection(section: SparseSection): Promise<{ file: string; section: SparseSection }> {
  const previous = (await readResults())?.sparse;
  const merged = previous ? mergeSparse(previous, section) : section;
  return { file: await writeResults({ ...(await readResults()), sparse: merged }), section: merged };
}

/** `section`'s rows over `previous`'s, when both measured the same history; else `section` alone. */
export function mergeSparse(previous: SparseSection, section: SparseSection): SparseSection {
  const sameHistory =
    previous.history.total === section.history.total &&
    previous.history.blocks === section.history.blocks &&
    previous.ponder === section.ponder;
  if (!sameHistory) return section;
  const ran = (e: { setting: string; database: string }) =>
    section.results.some((r) => r.setting === e.setting && r.database === e.database);
  const kept = previous.results
    .filter((e) => !ran(e))
    .map((e) => ({ ...e, date: e.date ?? previous.date, loadAverage: e.loadAverage ?? previous.loadAverage }));
  const settings = [...previous.settings];
  for (const setting of section.settings) {
    const at = settings.findIndex((s) => s.name === setting.name);
    if (at >= 0) settings[at] = setting;
    else settings.push(setting);
  }
  const order = (e: SparseEntry) =>
    [
      ["postgres", "pglite"].indexOf(e.database),
      settings.findIndex((s) => s.name === e.setting),
      e.indexer === "rhizome" ? 0 : 1,
    ] as const;
  const results = [...kept, ...section.results].sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  const references = [
    ...previous.references.filter((r) => !section.references.some((s) => s.database === r.database)),
    ...section.references,
  ];
  return { ...section, settings, references, results, ratios: sparseRatios(results) };
}

/** Targets of the sparse scenario, in every provider setting and on each database. */
export const SPARSE_TARGETS = {
  /** Rhizome's seconds to the head over Ponder's, at most. */
  timeVsPonder: 0.5,
  /** Rhizome's RPC calls over Ponder's, at most. */
  callsVsPonder: 1,
} as const;

/** A provider setting in front of the chain (test/helpers/rpc-server.ts's faults). */
export interface SparseSetting {
  name: string;
  label: string;
  /** A few words for the README's table. */
  short: string;
  faults: Partial<Faults>;
}

/** One indexer's run through one provider setting into one database. */
export interface SparseEntry {
  setting: string;
  database: "postgres" | "pglite";
  indexer: "rhizome" | "ponder";
  /** From the indexer's start (Rhizome: init(); Ponder: its first backfill log line) to the head. */
  seconds: number;
  calls: {
    /** Every call made: answered (refused ranges included), rate-limited, or lost to a 5xx. */
    total: number;
    /** Calls answered, by method. */
    byMethod: Record<string, number>;
    rateLimited: number;
    refusedRanges: number;
    serverErrors: number;
  };
  peakRssMb: number;
  events: number;
  /** When the run was made, and the one-minute load average before it (other work on the machine). */
  date?: string;
  loadAverage?: number;
  /** Rhizome's commits. */
  ranges?: number;
  /** Ponder's build and schema set-up before its backfill. */
  startupSeconds?: number;
  /** What Ponder was told of the provider: its `ethGetLogsBlockRange`. */
  ethGetLogsBlockRange?: number;
  check: string;
}

export interface SparseRatio {
  setting: string;
  database: "postgres" | "pglite";
  /** Rhizome's seconds over Ponder's. */
  time: number;
  /** Rhizome's calls over Ponder's. */
  calls: number;
  met: boolean;
}

export interface SparseSection {
  date: string;
  machine: { cpus: number; model: string; memory: string };
  /** The one-minute load average when the run started: other work on the machine. */
  loadAverage: number;
  history: { blocks: number; fromBlock: number; toBlock: number; events: Record<string, number>; total: number };
  settings: SparseSetting[];
  /** Each database's fresh index without a provider, which every Rhizome run's tables must equal. */
  references: { database: string; seconds: number; peakRssMb: number }[];
  ponder: string | null;
  results: SparseEntry[];
  ratios: SparseRatio[];
  targets: typeof SPARSE_TARGETS;
  notes: string[];
}

export const SPARSE_NOTES = [
  "Each run has a fresh provider in front of the chain (test/helpers/rpc-server.ts, served by the chain's process) and a fresh database; calls are the provider's counts: every JSON-RPC call, each call of a batch counted, those refused for a range or the rate limit included.",
  "Rhizome runs in a process of its own and is given no setting; its seconds run from the indexer's init() to its cursor at the head (migrations before are not counted). Ponder's run from its first backfill log line to /ready (its build and schema set-up are startupSeconds); it is given the provider's span cap as its documented ethGetLogsBlockRange option when there is one, as a user would, and no rate limit (Ponder 0.17 adapts its request rate by itself; maxRequestsPerSecond is no longer read).",
  "Ponder's ERC-20 deposit filter lists every treasury of the history up front (a topic filter cannot follow a factory); Rhizome finds the treasuries as the factory creates them.",
  "Rhizome's tables (every projection table, digested) equal a fresh index of the same chain without a provider, on the same database; Ponder's row counts equal the chain's.",
  "peakRssMb: Rhizome's process (PGlite included when it is the database); Ponder's process tree (likewise).",
];

export function buildSparseSection(input: {
  census: Census;
  settings: SparseSetting[];
  entries: SparseEntry[];
  references: SparseSection["references"];
  load: number;
  ponderVersion: string | null;
}): SparseSection {
  const { census, entries } = input;
  return {
    date: new Date().toISOString(),
    machine: machine(),
    loadAverage: Math.round(input.load * 100) / 100,
    history: {
      blocks: census.toBlock - census.fromBlock + 1,
      fromBlock: census.fromBlock,
      toBlock: census.toBlock,
      events: census.byKind,
      total: census.total,
    },
    settings: input.settings,
    references: input.references,
    ponder: input.ponderVersion,
    results: entries,
    ratios: sparseRatios(entries),
    targets: SPARSE_TARGETS,
    notes: SPARSE_NOTES,
  };
}

/** Rhizome over Ponder for each setting and database both ran. */
function sparseRatios(entries: SparseEntry[]): SparseRatio[] {
  const ratios: SparseRatio[] = [];
  for (const own of entries.filter((e) => e.indexer === "rhizome")) {
    const peer = entries.find(
      (e) => e.indexer === "ponder" && e.setting === own.setting && e.database === own.database,
    );
    if (!peer) continue;
    const time = Math.round((own.seconds / peer.seconds) * 100) / 100;
    const calls = Math.round((own.calls.total / peer.calls.total) * 100) / 100;
    ratios.push({
      setting: own.setting,
      database: own.database,
      time,
      calls,
      met: time <= SPARSE_TARGETS.timeVsPonder && calls <= SPARSE_TARGETS.callsVsPonder,
    });
  }
  return ratios;
}

/** The sparse section as a table: each setting, database and indexer, with Rhizome/Ponder. */
export function formatSparse(section: SparseSection): string {
  const byMethod = (calls: SparseEntry["calls"]) =>
    Object.entries(calls.byMethod)
      .map(([method, count]) => `${method.replace(/^eth_/, "")} ${n(count)}`)
      .join(", ");
  const rows = section.results.map((e) => {
    const ratio = section.ratios.find((r) => r.setting === e.setting && r.database === e.database);
    return [
      e.setting,
      e.database,
      e.indexer,
      e.seconds.toFixed(2),
      n(e.calls.total),
      n(e.calls.rateLimited),
      n(e.calls.refusedRanges),
      e.peakRssMb.toFixed(0),
      e.indexer === "rhizome" && ratio ? `${ratio.time.toFixed(2)}×` : "",
      e.indexer === "rhizome" && ratio ? `${ratio.calls.toFixed(2)}×` : "",
      e.indexer === "rhizome" && ratio ? met(ratio.met) : "",
      e.loadAverage === undefined ? "" : e.loadAverage.toFixed(2),
    ];
  });
  const lines = [
    "",
    `Sparse history: ${n(section.history.total)} events in ${n(section.history.blocks)} blocks ` +
      `(load average ${section.loadAverage} at the start, ${section.machine.cpus} × ${section.machine.model})`,
    ...section.settings.map((s) => `  ${s.name}: ${s.label}`),
    "",
    table(
      [
        "setting",
        "database",
        "indexer",
        "s to head",
        "calls",
        "429s",
        "refused",
        "peak MB",
        "time R/P",
        "calls R/P",
        "",
        "load",
      ],
      rows,
    ),
    "",
    `Targets: Rhizome/Ponder time ≤ ${SPARSE_TARGETS.timeVsPonder}×, calls ≤ ${SPARSE_TARGETS.callsVsPonder}×.`,
    ...section.results.map((e) => `  ${e.setting} ${e.database} ${e.indexer}: ${byMethod(e.calls)}`),
    ...section.references.map(
      (r) => `  reference (${r.database}, no provider): ${r.seconds.toFixed(2)} s, ${r.peakRssMb.toFixed(0)} MB`,
    ),
    "",
    ...section.notes.map((note) => `Note: ${note}`),
  ];
  return lines.join("\n");
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
      r.database === "postgres"
        ? `${r.peakRssMb.toFixed(1)} (≤ ${TARGETS.postgresPeakRssMb}: ${met(r.peakRssMb <= TARGETS.postgresPeakRssMb)})`
        : r.peakRssMb.toFixed(1),
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
      `  ${r.database}: ${d.ranges} commits; JSON-RPC calls ${rpcTotal.toFixed(2)} s in all, many at once, in ${r.wallSeconds.toFixed(2)} s (${rpc}); ` +
        `rows ${Object.entries(d.rows)
          .map(([t, c]) => `${t} ${n(c)}`)
          .join(", ")} (all match the chain)`,
    );
    lines.push(
      `    largest commit ${n(d.largestRange)} events; at the resident peak: V8 heap ${d.atPeak.heapUsedMb.toFixed(0)} MB in use, ` +
        `${d.atPeak.externalMb.toFixed(0)} MB outside it (array buffers ${d.atPeak.arrayBuffersMb.toFixed(0)} MB)`,
    );
    if (r.runs) lines.push(`    runs (events/s): ${r.runs.map(n).join(", ")}; the median run is shown`);
    for (const warning of d.warnings.slice(0, 5)) lines.push(`    indexer ${warning.slice(0, 220)}`);
    if (d.warnings.length > 5) lines.push(`    … and ${d.warnings.length - 5} more warnings`);
  }
  if (report.undoWindow) {
    const { eventsPerSecond, wallSeconds, ratio } = report.undoWindow;
    lines.push(
      "",
      `Within the undo window (Postgres, every block written with undo records for a reorg): ${n(eventsPerSecond)} events/s ` +
        `in ${wallSeconds.toFixed(2)} s, ${ratio ?? "?"} of the backfill of final history above`,
    );
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
  if (report.peers) {
    const rhizome = (db: string) => report.results.find((r) => r.database === db);
    lines.push(
      "",
      `Rhizome vs Ponder ${report.peers[0]?.version ?? ""} (same history, same blocks; target: Rhizome ≥ ${TARGETS.vsPonder}× Ponder's events/s)`,
      "",
      table(
        ["database", "indexer", "events", "wall s", "events/s", "peak RSS MB", "Rhizome/Ponder", ""],
        report.peers.flatMap((p) => {
          const own = rhizome(p.database);
          return [
            [
              p.database,
              "rhizome",
              n(own?.events ?? 0),
              own?.wallSeconds.toFixed(2) ?? "-",
              n(own?.eventsPerSecond ?? 0),
              own ? `${own.peakRssMb.toFixed(1)} (+${(own.peakRssMb - own.rssBeforeMb).toFixed(1)})` : "-",
              p.ratio === null ? "-" : `${p.ratio.toFixed(2)}×`,
              p.ratio === null ? "-" : met(p.ratio >= p.target),
            ],
            [
              p.database,
              `ponder`,
              n(p.events),
              p.wallSeconds.toFixed(2),
              n(p.eventsPerSecond),
              p.peakRssMb.toFixed(1),
              "",
              "",
            ],
          ];
        }),
      ),
      ...report.peers.map(
        (p) =>
          `  ponder ${p.database}: ${p.runs ? `runs (events/s) ${p.runs.map(n).join(", ")}, the median shown; ` : ""}` +
          `startup ${p.startupSeconds.toFixed(2)} s before its backfill; rows ${Object.entries(p.rows)
            .map(([t, c]) => `${t} ${n(c)}`)
            .join(", ")} (all match the chain and Rhizome)`,
      ),
    );
  }
  lines.push("", ...report.notes.map((note) => `Note: ${note}`));
  return lines.join("\n");
}

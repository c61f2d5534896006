/**
 * Rewrites the README's Performance section from the benchmark results in bench/results/, so
 * the figures a reader sees are exactly the last measured ones. `npm run readme:performance`.
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";

const README = new URL("../README.md", import.meta.url);
const START = "<!-- performance:start -->";
const END = "<!-- performance:end -->";

interface GasResults {
  rows: { action: string; rhizome: number; reference: number | null }[];
  date: string;
  machine: string;
  solc: string;
}

const TARGETS: Record<string, number> = {
  "create collective": 0.15,
  propose: 1.0,
  "castVote later": 1.05,
  queue: 1.0,
  "execute payment": 1.0,
  delegate: 1.0,
};

async function readJson<T>(name: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(new URL(`../bench/results/${name}`, import.meta.url), "utf8")) as T;
  } catch {
    return undefined;
  }
}

function gasSection(gas: GasResults): string {
  const number = (n: number) => n.toLocaleString("en-US");
  const lines = [
    `### Gas (\`npm run bench:gas\`, ${gas.date.slice(0, 10)}, ${gas.machine}, solc ${gas.solc})`,
    "",
    "Rhizome next to a plain OpenZeppelin 5 stack (ERC20Votes token, Governor with Settings, CountingSimple,",
    "Votes, QuorumFraction and TimelockControl, TimelockController) doing the same actions on the same chain.",
    "",
    "| action | Rhizome | reference | ratio | target |",
    "| --- | ---: | ---: | ---: | --- |",
  ];
  for (const row of gas.rows) {
    const ratio = row.reference === null ? "—" : (row.rhizome / row.reference).toFixed(3);
    const target = TARGETS[row.action];
    const verdict =
      target === undefined || row.reference === null
        ? ""
        : `≤ ${target.toFixed(2)}: ${row.rhizome / row.reference <= target ? "met" : "missed"}`;
    lines.push(
      `| ${row.action} | ${number(row.rhizome)} | ${row.reference === null ? "—" : number(row.reference)} | ${ratio} | ${verdict} |`,
    );
  }
  lines.push(
    "",
    "`create collective` compares one factory call (five clones, founders' shares minted and delegated) with the",
    "reference's three deployments. Votes, queue and execute are measured on each collective's second proposal.",
  );
  return lines.join("\n");
}

interface IndexerResults {
  date: string;
  machine: { cpus: number; model: string; memory: string };
  /** "own process" since the chain left the benchmark's process; absent before. */
  chain?: string;
  history: { blocks: number; total?: number };
  results: {
    database: string;
    events: number;
    wallSeconds: number;
    eventsPerSecond: number;
    peakRssMb: number;
    rssBeforeMb: number;
    databaseMb?: number;
    /** Events/s of every run when the figures are the median run's; absent before runs were repeated. */
    runs?: number[];
  }[];
  live: { p50Ms: number; maxMs: number };
  /** The Postgres backfill with undo records for every block; absent before the reorg window. */
  undoWindow?: { eventsPerSecond: number; wallSeconds: number; ratio: number | null };
  targets: {
    postgresEventsPerSecond: number;
    pgliteEventsPerSecond: number;
    liveMs: number;
    postgresPeakRssMb?: number;
  };
  peers?: {
    name: string;
    version: string;
    database: string;
    eventsPerSecond: number;
    wallSeconds: number;
    peakRssMb: number;
    ratio: number;
    target: number;
    runs?: number[];
  }[];
  /** The sparse scenario (`--scenario sparse`), absent before it was measured. */
  sparse?: SparseResults;
}

interface SparseResults {
  date: string;
  machine: { cpus: number; model: string };
  loadAverage: number;
  history: { blocks: number; total: number };
  settings: { name: string; label: string; short?: string }[];
  ponder: string | null;
  results: {
    setting: string;
    database: string;
    indexer: "rhizome" | "ponder";
    seconds: number;
    calls: { total: number; rateLimited: number };
    peakRssMb: number;
    ethGetLogsBlockRange?: number;
  }[];
  ratios: { setting: string; database: string; time: number; calls: number; met: boolean }[];
  targets: { timeVsPonder: number; callsVsPonder: number };
}

interface ApiRun {
  mode: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  ratio: number | null;
}

interface ApiResults {
  date: string;
  machine: { cpus: number; model: string; postgres?: string };
  seed: { members: number; proposals: number; votes: number; workItems: number };
  load: { connections: number; seconds: number; loadAverageBefore?: number[]; loadAverageAfter?: number[] };
  modes?: { name: string; cache: boolean; processes: number }[];
  routes: {
    route: string;
    runs?: ApiRun[];
    ceilingRps?: number | null;
    warmP99Ms?: number;
    votesSeqScan: boolean;
  }[];
  targets: { p99Ms: number };
}

function apiSection(run: ApiResults): string {
  const number = (n: number) => Math.round(n).toLocaleString("en-US");
  const modes = run.modes ?? [];
  const cell = (r: ApiResults["routes"][number], mode: string) => {
    const found = r.runs?.find((m) => m.mode === mode);
    if (!found) return "—";
    return `${number(found.rps)}/s, p99 ${found.p99Ms} ms${found.ratio === null ? "" : ` (${found.ratio}×)`}`;
  };
  const warmMet = run.routes.every((r) => (r.warmP99Ms ?? Infinity) <= run.targets.p99Ms);
  return [
    `### API under load (\`npm run bench:api\`, ${run.date.slice(0, 10)}, ${run.machine.cpus} × ${run.machine.model}, Postgres)`,
    "",
    `A collective of ${number(run.seed.members)} members, ${number(run.seed.proposals)} proposals, ${number(run.seed.votes)} votes and ${number(run.seed.workItems)} work items;`,
    `autocannon at ${run.load.connections} connections for ${run.load.seconds} s per route and way of serving, the API, Postgres and autocannon on the same two cores`,
    `(load average ${run.load.loadAverageBefore?.[0] ?? "?"} before, ${run.load.loadAverageAfter?.[0] ?? "?"} after).`,
    "Uncached: the response cache off, every request runs its queries; warm: the cache on between two blocks. Two processes: two API",
    "processes on one port (node:cluster), as two replicas behind a proxy. Each cell: requests/s, p99, and in brackets the requests/s",
    "over the ceiling, the same SQL sent straight through `pg` at the same concurrency with the API's pool (the first column).",
    "",
    `| route | SQL through pg | ${modes.map((m) => m.name).join(" | ")} | warm p99 ≤ ${run.targets.p99Ms} ms |`,
    `| --- | ---: | ${modes.map(() => "---:").join(" | ")} | --- |`,
    ...run.routes.map(
      (r) =>
        `| ${r.route} | ${r.ceilingRps ? `${number(r.ceilingRps)}/s` : "—"} | ${modes.map((m) => cell(r, m.name)).join(" | ")} | ${(r.warmP99Ms ?? Infinity) <= run.targets.p99Ms ? "met" : "missed"} |`,
    ),
    "",
    `Warm, p99 is at most ${run.targets.p99Ms} ms on every route: ${warmMet ? "met" : "missed"}. No route reads the votes table sequentially: ${run.routes.some((r) => r.votesSeqScan) ? "missed" : "met"}.`,
  ].join("\n");
}

/** Which runs the figures are the median of, when the benchmark repeated them. */
function runsLine(run: IndexerResults): string[] {
  const number = (n: number) => Math.round(n).toLocaleString("en-US");
  const repeated = [
    ...run.results.map((r) => ({ who: `Rhizome on ${r.database}`, runs: r.runs })),
    ...(run.peers ?? []).map((p) => ({ who: `Ponder on ${p.database}`, runs: p.runs })),
  ].filter((r): r is { who: string; runs: number[] } => r.runs !== undefined && r.runs.length > 1);
  if (repeated.length === 0) return [];
  return [
    "",
    `Each backfill ran ${repeated[0]?.runs.length ?? 0} times, each on a fresh database in a process of its own; the figures are the median run's (events/s of each run: ${repeated
      .map((r) => `${r.who} ${r.runs.map(number).join(", ")}`)
      .join("; ")}).`,
  ];
}

function indexerSection(run: IndexerResults): string {
  const number = (n: number) => Math.round(n).toLocaleString("en-US");
  const target = (database: string) =>
    database === "postgres" ? run.targets.postgresEventsPerSecond : run.targets.pgliteEventsPerSecond;
  const lines = [
    `### Indexing (\`npm run bench:indexer\`, ${run.date.slice(0, 10)}, ${run.machine.cpus} × ${run.machine.model})`,
    "",
    `A full backfill of a generated history (one collective, ${number(run.results[0]?.events ?? 0)} events in ${number(run.history.blocks)}`,
    "blocks: 2,000 proposals, over 50,000 votes, work items, exits, then empty blocks, so that the history is older than",
    "the indexer's reorg window, as it is on a live chain) from a local chain, into each database.",
    "",
    "| database | events/s | wall time | peak memory (before) | target |",
    "| --- | ---: | ---: | ---: | --- |",
    ...run.results.map((r) => {
      const memory =
        r.database === "postgres" && run.targets.postgresPeakRssMb !== undefined
          ? `; ≤ ${number(run.targets.postgresPeakRssMb)} MB: ${r.peakRssMb <= run.targets.postgresPeakRssMb ? "met" : "missed"}`
          : "";
      return `| ${r.database} | ${number(r.eventsPerSecond)} | ${r.wallSeconds.toFixed(1)} s | ${number(r.peakRssMb)} MB (${number(r.rssBeforeMb)} MB) | ≥ ${number(target(r.database))}: ${r.eventsPerSecond >= target(r.database) ? "met" : "missed"}${memory} |`;
    }),
    ...runsLine(run),
    "",
    `Following the head, a new vote is in the database ${run.live.p50Ms.toFixed(0)} ms (median; slowest ${run.live.maxMs.toFixed(0)} ms) after its block (target ${number(run.targets.liveMs)} ms: ${run.live.maxMs <= run.targets.liveMs ? "met" : "missed"}).`,
    ...run.results
      .filter((r) => r.databaseMb !== undefined)
      .map(
        (r) =>
          `Of PGlite's ${number(r.rssBeforeMb)} MB before its backfill, ${number(r.databaseMb ?? 0)} MB is PGlite itself (its WebAssembly Postgres started and migrated, in the indexer's process); the backfill added ${number(r.peakRssMb - r.rssBeforeMb)} MB at its peak.`,
      ),
    ...(run.undoWindow
      ? [
          `Within the reorg window, where every block is written with undo records, the same backfill into Postgres runs at ${number(run.undoWindow.eventsPerSecond)} events/s, ${run.undoWindow.ratio ?? "?"} of the figure above.`,
        ]
      : []),
    run.chain === "own process"
      ? "The chain runs in a process of its own, serving JSON-RPC over HTTP as a node would: its memory is not in the figures, but it shares the two cores."
      : "The chain runs in the benchmark's own process, so its memory is in the figures and it shares the two cores.",
  ];
  if (run.peers?.length) {
    lines.push(
      "",
      "Against Ponder on the same history and blocks, run right after (`npm run bench:indexer -- --vs ponder`):",
      "",
      "| database | Rhizome events/s | Ponder events/s | Rhizome ÷ Ponder | target | Rhizome memory | Ponder memory |",
      "| --- | ---: | ---: | ---: | --- | ---: | ---: |",
      ...run.peers.map((peer) => {
        const ours = run.results.find((r) => r.database === peer.database);
        return `| ${peer.database} | ${number(ours?.eventsPerSecond ?? 0)} | ${number(peer.eventsPerSecond)} (${peer.name} ${peer.version}) | ${peer.ratio.toFixed(2)}× | ≥ ${peer.target}×: ${peer.ratio >= peer.target ? "met" : "missed"} | ${ours ? `${number(ours.peakRssMb)} MB` : "—"} | ${number(peer.peakRssMb)} MB |`;
      }),
    );
  }
  if (run.sparse) lines.push("", sparseSection(run.sparse));
  return lines.join("\n");
}

function sparseSection(run: SparseResults): string {
  const number = (n: number) => Math.round(n).toLocaleString("en-US");
  const label = (name: string) => {
    const setting = run.settings.find((s) => s.name === name);
    return setting?.short ?? setting?.label ?? name;
  };
  const rows = run.results
    .filter((r) => r.indexer === "rhizome")
    .map((own) => {
      const peer = run.results.find(
        (r) => r.indexer === "ponder" && r.setting === own.setting && r.database === own.database,
      );
      const ratio = run.ratios.find((r) => r.setting === own.setting && r.database === own.database);
      return (
        `| ${label(own.setting)} | ${own.database} | ${own.seconds.toFixed(1)} s | ${peer ? `${peer.seconds.toFixed(1)} s` : "—"} | ` +
        `${number(own.calls.total)} | ${peer ? number(peer.calls.total) : "—"} | ${number(own.peakRssMb)} MB | ${peer ? `${number(peer.peakRssMb)} MB` : "—"} | ` +
        `${ratio ? `${ratio.time.toFixed(2)}× / ${ratio.calls.toFixed(2)}×: ${ratio.met ? "met" : "missed"}` : "—"} |`
      );
    });
  return [
    `A sparse history behind a hosted provider's limits (\`npm run bench:indexer -- --scenario sparse --vs ponder\`,`,
    `${run.date.slice(0, 10)}, load average ${run.loadAverage} at the start): ${number(run.history.total)} events of several collectives in`,
    `${number(run.history.blocks)} blocks two seconds apart, bursts around votes between long quiet stretches, read through a provider`,
    "in front of the chain: a block-span cap answered in a hosted provider's words, latency, a budget of calls per second",
    `answered with 429. Rhizome is given no setting; Ponder ${run.ponder ?? ""} is given the span cap as its \`ethGetLogsBlockRange\`.`,
    "Seconds from start to head, and every JSON-RPC call made as the provider counts them; Rhizome's tables equal a fresh",
    "index of the same chain without the provider.",
    "",
    `| provider | database | Rhizome | Ponder | Rhizome calls | Ponder calls | Rhizome memory | Ponder memory | time / calls vs Ponder (≤ ${run.targets.timeVsPonder}× / ≤ ${run.targets.callsVsPonder}×) |`,
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...rows,
  ].join("\n");
}

const gas = await readJson<GasResults>("gas.json");
const indexer = await readJson<IndexerResults>("indexer.json");
const api = await readJson<ApiResults>("api.json");
const sections = [
  gas ? gasSection(gas) : "No gas results yet: run `npm run bench:gas`.",
  indexer ? indexerSection(indexer) : "No indexing results yet: run `npm run bench:indexer`.",
  api ? apiSection(api) : "No API results yet: run `npm run bench:api`.",
];
const readme = await readFile(README, "utf8");
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
const updated = `${readme.slice(0, start + START.length)}\n${sections.join("\n\n")}\n${readme.slice(end)}`;
// Formatted as `npm run format` would, so the check stays green.
const options = (await resolveConfig(fileURLToPath(README))) ?? {};
await writeFile(README, await format(updated, { ...options, filepath: fileURLToPath(README) }));
console.log("README.md: Performance section rewritten from bench/results/");

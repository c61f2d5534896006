/**
 * The benchmark's output: bench/results/gas.json and the table printed with each row's
 * rhizome/reference ratio and, where the project has one, its target.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";

export interface Row {
  action: string;
  rhizome: number;
  /** `null` for an action the reference stack has no counterpart for. */
  reference: number | null;
}

/** The highest rhizome/reference ratio each row aims at. */
export const TARGETS: Readonly<Record<string, number>> = {
  "create collective": 0.15,
  propose: 1.0,
  "castVote later": 1.05,
  // One member, one vote reads the voter's member votes too; two houses also write the members' tally.
  "castVote later, one member, one vote": 1.05,
  "castVote later, two houses": 1.1,
  queue: 1.0,
  "execute payment": 1.0,
  delegate: 1.0,
  // Relayed: what a relay pays for a member's signed vote or delegation (the signer's first signature).
  castVoteBySig: 1.0,
  // The shares' EIP-712 domain name is read from storage (a clone has no immutables of its own);
  // OpenZeppelin's token keeps its domain separator in its code.
  delegateBySig: 1.05,
};

const RESULTS = new URL("results/gas.json", import.meta.url);

export async function writeResults(rows: Row[]): Promise<string> {
  const require = createRequire(import.meta.url);
  const solc = (require("solc/package.json") as { version: string }).version;
  const machine = `${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.platform()} ${os.arch()}, Node ${process.version}`;
  const json = { rows, date: new Date().toISOString(), solc, machine };
  await mkdir(new URL(".", RESULTS), { recursive: true });
  await writeFile(RESULTS, `${JSON.stringify(json, null, 2)}\n`);
  return RESULTS.pathname;
}

/** The table, one line per row; every row with a target says whether it is met. */
export function formatTable(rows: Row[]): string {
  const gas = (n: number | null) => (n === null ? "—" : n.toLocaleString("en-US"));
  const header = ["action", "rhizome", "reference", "ratio", "target", ""];
  const lines = [header];
  for (const { action, rhizome, reference } of rows) {
    const ratio = reference === null ? null : rhizome / reference;
    const target = TARGETS[action];
    const status = target === undefined || ratio === null ? "" : ratio <= target ? "met" : "missed";
    lines.push([
      action,
      gas(rhizome),
      gas(reference),
      ratio === null ? "—" : ratio.toFixed(3),
      target === undefined ? "" : `≤ ${target.toFixed(2)}`,
      status,
    ]);
  }
  const widths = header.map((_, column) => Math.max(...lines.map((line) => line[column]?.length ?? 0)));
  const align = (cell: string, column: number) =>
    column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0);
  const format = (line: string[]) => line.map(align).join("  ").trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [format(header), rule, ...lines.slice(1).map(format)].join("\n");
}

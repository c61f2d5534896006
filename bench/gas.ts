/**
 * `npm run bench:gas`: what Rhizome's actions cost next to the same actions on a plain
 * OpenZeppelin stack (ERC20Votes token, Governor, TimelockController as the Contracts Wizard
 * makes them). Both stacks are deployed on one in-process Hardhat chain with the same
 * settings and holders, each action's gas is read from its receipt, the rows go to
 * bench/results/gas.json and a table is printed. A measurement, not a test: missed targets
 * are reported and the exit code is 0; only a failure to measure exits non-zero.
 */
import { referenceStack } from "./reference.js";
import { formatTable, writeResults, type Row } from "./report.js";
import { rhizomeStack } from "./rhizome.js";
import { RHIZOME_ONLY_ACTIONS, measureRhizomeOnly } from "./rhizome-only.js";
import { SHARED_ACTIONS, runScenario } from "./scenario.js";
import { startBench } from "./setup.js";

const bench = await startBench();
const rhizome = await rhizomeStack(bench);
const reference = await referenceStack(bench);
const rhizomeGas = await runScenario(bench, rhizome);
const referenceGas = await runScenario(bench, reference);
const rhizomeOnly = await measureRhizomeOnly(bench, rhizome);
// The same votes where a collective counts one vote per member, or in two houses; the reference
// column is OpenZeppelin's vote by token weight, the only rule it has.
const RULES = { members: "one member, one vote", both: "two houses" } as const;
const ruleRows: Row[] = [];
for (const [rule, words] of Object.entries(RULES) as [keyof typeof RULES, string][]) {
  const gas = await runScenario(bench, await rhizomeStack(bench, rule));
  for (const action of ["castVote first", "castVote later"] as const) {
    ruleRows.push({
      action: `${action}, ${words}`,
      rhizome: Number(gas[action]),
      reference: Number(referenceGas[action]),
    });
  }
}
await bench.connection.close();

const rows: Row[] = [
  ...SHARED_ACTIONS.map((action) => ({
    action,
    rhizome: Number(rhizomeGas[action]),
    reference: Number(referenceGas[action]),
  })),
  ...ruleRows,
  ...rhizomeOnly.map(({ action, gas }) => ({ action, rhizome: Number(gas), reference: null })),
];
const file = await writeResults(rows);

const measured = new Set(rows.map((row) => row.action));
const pending = RHIZOME_ONLY_ACTIONS.filter((action) => !measured.has(action));
console.log(`\nGas used per transaction: Rhizome vs. the OpenZeppelin reference stack\n`);
console.log(formatTable(rows));
console.log(
  [
    "",
    "ratio = rhizome / reference; a target is the highest ratio the row aims at.",
    "create collective, reference: its 3 deployments added up. Rhizome's figure also mints and delegates the",
    `${bench.holders.length} founders' shares; the reference needs ${reference.setupGas.toLocaleString("en-US")} gas more ` +
      "for that and its timelock roles (bench/reference.ts), a ratio of " +
      `${(Number(rhizome.createGas) / Number(reference.createGas + reference.setupGas)).toFixed(3)} with it counted.`,
    "Votes, queue and execute are measured on each collective's second proposal, after a first full round.",
    ...(pending.length > 0 ? [`Rhizome-only rows not measured yet: ${pending.join(", ")}.`] : []),
    `Written to ${file}`,
  ].join("\n"),
);

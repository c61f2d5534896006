/**
 * `npm run build`, which `npm start`, `npm run serve`, `npm run deploy`, the benchmarks and `npm
 * test` run first: brings each build output up to date with its sources. A step whose inputs
 * (the files it reads, by content) are those of its last successful run, and whose outputs are
 * still there, is skipped, so a fresh clone builds everything once and a second `npm start`
 * builds nothing. `--force` runs every step.
 *
 * Steps, in order: the contracts (Hardhat 3, then the generated @rhizome/contracts sources) and
 * the web client (Vite), which bundles @rhizome/contracts. `--quiet` (what `npm start` uses) keeps
 * the tools' own output to itself unless a step fails.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { generateContractsPackage } from "./generate-contracts-package.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Where each step's input hash is kept: a build cache, gone with node_modules (a new set-up builds afresh). */
const stampDir = path.join(root, "node_modules", ".cache", "rhizome-build");

interface Step {
  name: string;
  /** Files and folders (recursively) whose contents decide the output. */
  inputs: string[];
  /** Folders under `inputs` that are outputs or caches, not inputs. */
  ignore?: string[];
  /** Files the step writes; a missing one means the step runs. */
  outputs: string[];
  run(): Promise<void>;
}

const quiet = process.argv.includes("--quiet");

/**
 * Runs `command` from the repository root, failing on a non-zero exit. Quiet, its output is held
 * back and printed only if it fails (the compiler's warnings about OpenZeppelin's code are noise
 * to someone starting the demo).
 */
function exec(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) return resolve();
      if (quiet) process.stderr.write(output);
      reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const steps: Step[] = [
  {
    name: "contracts",
    inputs: [
      "contracts",
      "bench/reference",
      "hardhat.config.ts",
      "package-lock.json",
      "scripts/generate-contracts-package.ts",
      "packages/contracts/deployments",
    ],
    outputs: [
      "artifacts/contracts/CollectiveFactory.sol/CollectiveFactory.json",
      "packages/contracts/src/generated/artifacts.ts",
      "packages/contracts/src/generated/deployments.ts",
    ],
    async run() {
      await exec(bin("hardhat"), ["build"]);
      const written = await generateContractsPackage();
      if (!quiet)
        console.log(`@rhizome/contracts: ${written.contracts} contracts, ${written.errors} custom errors written`);
    },
  },
  {
    name: "web",
    inputs: ["apps/web", "packages/contracts/src", "packages/contracts/package.json", "package-lock.json"],
    ignore: ["apps/web/dist", "apps/web/node_modules"],
    outputs: ["apps/web/dist/index.html"],
    run: () => exec("npm", ["run", "build", "--silent", "-w", "@rhizome/web"]),
  },
];

/** Every file under `input` (or `input` itself), as paths relative to the root, sorted. */
async function filesOf(input: string, ignore: string[]): Promise<string[]> {
  const full = path.join(root, input);
  const info = await stat(full).catch(() => undefined);
  if (!info) return [];
  if (!info.isDirectory()) return [input];
  const entries = await readdir(full, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !ignore.some((folder) => file === folder || file.startsWith(`${folder}${path.sep}`)))
    .sort();
}

/** A hash of the step's inputs: each file's path and contents. */
async function inputHash(step: Step): Promise<string> {
  const hash = createHash("sha256");
  for (const input of step.inputs) {
    for (const file of await filesOf(input, step.ignore ?? [])) {
      hash.update(`${file}\0`);
      hash.update(await readFile(path.join(root, file)));
      hash.update("\0");
    }
  }
  return hash.digest("hex");
}

async function build(force: boolean): Promise<void> {
  await mkdir(stampDir, { recursive: true });
  const current: string[] = [];
  for (const step of steps) {
    const stamp = path.join(stampDir, `${step.name}.sha256`);
    const before = await inputHash(step);
    const built = step.outputs.every((output) => existsSync(path.join(root, output)));
    if (!force && built && (await readFile(stamp, "utf8").catch(() => "")) === before) {
      current.push(step.name);
      continue;
    }
    const started = performance.now();
    console.log(`Building ${step.name}…`);
    // A failed or interrupted step must run again next time, whatever it left behind.
    await rm(stamp, { force: true });
    await step.run();
    // The hash read before the step: a source edited while it ran is built again next time.
    await writeFile(stamp, before);
    console.log(`Built ${step.name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  if (current.length > 0) console.log(`Up to date: ${current.join(", ")}`);
}

try {
  await build(process.argv.includes("--force"));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

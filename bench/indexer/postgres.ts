/**
 * A throwaway Postgres cluster for the benchmark, started and stopped with the CI's script
 * (.ci/postgres.sh). It is stopped when the benchmark ends, fails or is interrupted.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const script = fileURLToPath(new URL("../../.ci/postgres.sh", import.meta.url));

export interface Postgres {
  url: string;
  /** Stops the cluster and removes its folder; safe to call more than once. */
  stop(): void;
}

export async function startPostgres(): Promise<Postgres> {
  const dir = mkdtempSync(path.join(tmpdir(), "rhizome-bench-pg-"));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", stop);
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    execFileSync("bash", [script, "stop", dir], { stdio: "ignore" });
  };
  const interrupted = (signal: NodeJS.Signals) => {
    stop();
    process.kill(process.pid, signal);
  };
  process.on("exit", stop);
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const { stdout } = await promisify(execFile)("bash", [script, "start", dir]);
    const url = stdout.trim().split("\n").at(-1) ?? "";
    if (!url.startsWith("postgres://")) throw new Error(`.ci/postgres.sh printed no URL: ${stdout}`);
    return { url, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

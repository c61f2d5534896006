/**
 * The service as a child process, started as `npm run serve` starts it (node with tsx's loader:
 * tsx's own CLI kills a child that is slow to acknowledge a signal), with the environment given.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface ServiceProcess {
  child: ChildProcess;
  /** Where its API listens, once it does. */
  url: string;
  exited: Promise<number | null>;
  /** Everything it wrote, stdout and stderr. */
  output(): string;
  kill(signal?: NodeJS.Signals): void;
}

/**
 * Starts the service with `env` over this process's environment; resolves once its API listens,
 * or rejects with what it wrote if it exits first.
 */
export async function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "apps/indexer/src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", LOG_LEVEL: "info", RATE_LIMIT_PER_MINUTE: "1000000", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", () => {
      const listening = /"api":"(http:\/\/[^"]+)\/api"/.exec(output);
      if (listening?.[1]) resolve(listening[1]);
    });
    void exited.then((code) => reject(new Error(`The service exited (${code}) before listening:\n${output}`)));
  });
  return {
    child,
    url,
    exited,
    output: () => output,
    kill: (signal = "SIGKILL") => void child.kill(signal),
  };
}

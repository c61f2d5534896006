/**
 * Runs one of Rhizome's measured runs in a process of its own, as the service runs, so its peak
 * memory is its own: not what generating the history, or an earlier run, left in the benchmark's
 * heap (which makes V8 let the heap grow further before it collects). Ponder's figure is its own
 * process tree, measured the same way. The child script answers the job it is sent with
 * `{ result }` or `{ error }` and exits.
 */
import { fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

export async function inOwnProcess<J, R>(script: URL, job: J, what: string): Promise<R> {
  const child = fork(fileURLToPath(script), [], {
    // The same Node, loading TypeScript as the benchmark's own process does.
    execArgv: ["--import", import.meta.resolve("tsx")],
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = once(child, "exit");
  try {
    const answer = new Promise<{ result?: R; error?: string }>((resolve, reject) => {
      child.once("message", (message) => resolve(message as { result?: R; error?: string }));
      child.once("exit", (code, signal) => reject(new Error(`${what} exited (${signal ?? code}) without a result`)));
    });
    child.send(job as object);
    const { result, error } = await answer;
    if (!result) throw new Error(`${what} failed: ${error ?? "no result"}`);
    return result;
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  }
}

/** In the child: answers the job the parent sends with `run`'s result, then exits. */
export function answerJobs<J, R>(run: (job: J) => Promise<R>, script: string): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error(`${script} runs as a child of the benchmark`);
  process.once("message", (job: J) => {
    void run(job).then(
      (result) => send({ result }, () => process.exit(0)),
      (error: unknown) =>
        send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1)),
    );
  });
}

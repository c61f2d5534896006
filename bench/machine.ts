/** The machine a benchmark ran on, as its results record it. */
import os from "node:os";

export function machine(): { cpus: number; model: string; memory: string } {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? "unknown",
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
  };
}

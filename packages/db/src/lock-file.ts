/**
 * The writer's lock beside PGlite's folder, which PGlite does not lock itself. The file names its
 * owner by pid and by when that process started (Linux: the boot and the start time from
 * /proc/<pid>/stat), because a pid outlives its process: after a SIGKILL the file stays, and its pid
 * may soon belong to some other process (in a container, the next indexer is often given the same
 * pid). A lock whose pid is gone, or now names a process that started at another time, is stale.
 */
import { randomBytes } from "node:crypto";
import { link, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DatabaseLockedError } from "./errors.js";

/** What the lock file holds: `{"pid":…,"started":…}`. Earlier versions wrote the pid alone. */
interface LockOwner {
  pid: number;
  /** When the process started, where the system says (see `processStarted`). */
  started?: string | undefined;
}

/** Takes the lock file for `dataDir`, or throws DatabaseLockedError naming the live owner. */
export async function takeLockFile(file: string, dataDir: string): Promise<void> {
  const self: LockOwner = { pid: process.pid, started: await processStarted(process.pid) };
  // Written aside, then linked into place: the lock appears whole or not at all, so a reader
  // never takes one being written for a broken, stale one.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await writeFile(draft, JSON.stringify(self));
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(draft, file);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const owner = parseOwner(await readFile(file, "utf8").catch(() => ""));
      if (owner && (await holds(owner))) {
        throw new DatabaseLockedError(`Another indexer (pid ${owner.pid}) is writing to ${dataDir}; stop it first.`);
      }
      // The owner is gone, or its pid now names another process: the lock is stale.
      await rm(file, { force: true });
    }
    throw new DatabaseLockedError(`Could not take the lock on ${dataDir}`);
  } finally {
    await rm(draft, { force: true });
  }
}

/** Removes the lock file if it is this process's (a lock taken over as stale is someone else's). */
export async function releaseLockFile(file: string): Promise<void> {
  const owner = parseOwner(await readFile(file, "utf8").catch(() => ""));
  if (owner?.pid === process.pid) await rm(file, { force: true });
}

function parseOwner(text: string): LockOwner | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const parsed = JSON.parse(trimmed) as Partial<LockOwner>;
    if (typeof parsed.pid === "number" && Number.isInteger(parsed.pid) && parsed.pid > 0) {
      return { pid: parsed.pid, started: typeof parsed.started === "string" ? parsed.started : undefined };
    }
  } catch {
    // Not a lock this or an earlier version wrote: nobody holds it.
  }
  return undefined;
}

/** Whether the process `owner` names is alive and is the one that wrote the lock. */
async function holds(owner: LockOwner): Promise<boolean> {
  if (!isAlive(owner.pid)) return false;
  if (owner.started !== undefined) {
    const started = await processStarted(owner.pid);
    // Where the system cannot say (not Linux), the pid is all there is to go by.
    return started === undefined || started === owner.started;
  }
  // The pid alone, from an earlier version: its writer was Node, running the indexer.
  const program = await processProgram(owner.pid);
  return program === undefined || /^node/i.test(path.basename(program));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

let bootId: Promise<string | undefined> | undefined;

/**
 * When process `pid` started, as this boot's id and the start time in clock ticks since boot
 * (field 22 of /proc/<pid>/stat): the same for the process's whole life, and different for any
 * later process given the same pid. Undefined where there is no /proc.
 */
async function processStarted(pid: number): Promise<string | undefined> {
  bootId ??= readFile("/proc/sys/kernel/random/boot_id", "utf8").then(
    (text) => text.trim(),
    () => undefined,
  );
  const [boot, stat] = await Promise.all([bootId, readFile(`/proc/${pid}/stat`, "utf8").catch(() => undefined)]);
  if (boot === undefined || stat === undefined) return undefined;
  // The command's name (field 2) is in parentheses and may hold spaces: count from the last one.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = fields[22 - 3];
  return ticks ? `${boot}/${ticks}` : undefined;
}

/** The program process `pid` runs (its argv[0]), or undefined where there is no /proc. */
async function processProgram(pid: number): Promise<string | undefined> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => undefined);
  return cmdline?.split("\0")[0];
}

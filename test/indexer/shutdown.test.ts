/**
 * `npm run serve` stopped as a process manager stops it: SIGTERM under load answers every request
 * that had reached it and exits 0 with the database's lock released, as it does while it still
 * waits for the chain; a second signal exits at once with 143.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { collectiveFixture, type Fixture } from "../helpers/collective.js";
import { freshDatabaseUrl } from "../helpers/database.js";
import { serveProvider, type RpcServer } from "../helpers/rpc-server.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** One GET on a connection of its own: its status, or the error that ended it. */
function get(url: string): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
      res.on("error", (error) => resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }));
    });
    req.on("error", (error) => resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }));
    req.end();
  });
}

describe(`stopping the service (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  let f: Fixture;
  let rpc: RpcServer;
  afterAll(async () => {
    for (const task of cleanup.reverse()) await task();
  });

  /**
   * Starts `npm run serve`'s program as that script does (node with tsx's loader: tsx's own CLI
   * kills a child that is slow to acknowledge a signal); resolves with the API's address once it
   * listens.
   */
  async function serve(
    database?: Record<string, string>,
    env: Record<string, string> = {},
  ): Promise<{
    child: ChildProcess;
    url: string;
    exited: Promise<number | null>;
    database: Record<string, string>;
    printed: (pattern: RegExp) => Promise<void>;
  }> {
    f ??= await collectiveFixture();
    if (!rpc) {
      rpc = await serveProvider(f.connection.provider);
      cleanup.push(() => rpc.close());
    }
    if (!database) {
      const dir = await mkdtemp(path.join(tmpdir(), "rhizome-shutdown-"));
      cleanup.push(() => rm(dir, { recursive: true, force: true }));
      database = { DATABASE_URL: (await freshDatabaseUrl()) ?? "", DATA_DIR: path.join(dir, "db") };
    }
    const child = spawn(process.execPath, ["--import", "tsx", "apps/indexer/src/main.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        RPC_URL: rpc.url,
        ...database,
        FACTORY_ADDRESS: f.deployment.factory,
        START_BLOCK: String(f.deployment.startBlock),
        CONFIRMATIONS: "0",
        PORT: "0",
        LOG_LEVEL: "info",
        RATE_LIMIT_PER_MINUTE: "100000",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    cleanup.push(async () => child.kill("SIGKILL"));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const printed = (pattern: RegExp) =>
      expect.poll(() => pattern.test(output), { timeout: 30_000, interval: 20 }).toBe(true);
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout?.on("data", () => {
        const listening = /"api":"(http:\/\/[^"]+)\/api"/.exec(output);
        if (listening?.[1]) resolve(listening[1]);
      });
      child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
      void exited.then((code) => reject(new Error(`The service exited (${code}) before listening:\n${output}`)));
    });
    return { child, url, exited, database, printed };
  }

  const ready = (url: string) =>
    expect.poll(async () => (await get(`${url}/readyz`)).status, { timeout: 30_000, interval: 100 }).toBe(200);

  it("answers every request that reached it before SIGTERM, then exits 0", async () => {
    const { child, url, exited, database } = await serve();
    const route = `${url}/api/collectives/${f.modules.governor}/proposals`;
    await ready(url);
    const inFlight = Array.from({ length: 60 }, () => get(route));
    await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill("SIGTERM");
    const results = await Promise.all(inFlight);
    // Each request was answered in full, or refused a connection once the server had stopped
    // listening; none was cut off or failed.
    for (const result of results) {
      if (result.status !== undefined) expect(result.status).toBe(200);
      else expect(result.error).toBe("ECONNREFUSED");
    }
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    expect(await exited).toBe(0);
    // The writer's lock is released: another service opens the same database and serves.
    const again = await serve(database);
    await ready(again.url);
    expect((await get(`${again.url}/api/collectives/${f.modules.governor}`)).status).toBe(200);
    again.child.kill("SIGTERM");
    expect(await again.exited).toBe(0);
  });

  it("exits 0 on SIGTERM while it waits for a chain that does not answer", async () => {
    // Nothing listens on port 9 (discard) here: every request to the chain is refused.
    const { child, url, exited, printed } = await serve(undefined, { RPC_URL: "http://127.0.0.1:9" });
    await printed(/the chain does not answer; the API serves meanwhile/);
    expect((await get(`${url}/readyz`)).status).toBe(503);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("exits at once with 143 on a second SIGTERM", async () => {
    const { child, exited, printed } = await serve();
    child.kill("SIGTERM");
    // Two signals sent at once may reach the process as one: the second goes once the first is taken.
    await printed(/"msg":"stopping/);
    child.kill("SIGTERM");
    expect(await exited).toBe(143);
  });
});

/**
 * The `npm start` smoke test: the one command a newcomer runs, as a child process in its own
 * process group on free ports. It must come up with the demo, answer the API, serve the page,
 * and on Ctrl-C (SIGINT to the group, as a terminal sends it) stop with nothing left running.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser, screenshot } from "./helpers/browser.js";
import { freePort } from "./helpers/stack.js";
import { see } from "./helpers/ui.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const READY = /Rhizome is running \(ready in ([\d.]+) s\)/;

/** Whether any process of group `pgid` is still alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
async function until(condition: () => boolean | Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("npm start", () => {
  let child: ChildProcess;
  let pgid: number;
  let output = "";
  let exited: Promise<string>;
  let url: string;
  let chainPort: number;
  let apiPort: number;
  let folder: string;
  let dataDir: string;

  beforeAll(async () => {
    [chainPort, apiPort] = [await freePort(), await freePort()];
    folder = await mkdtemp(path.join(tmpdir(), "rhizome-smoke-"));
    dataDir = path.join(folder, "db");
    const started = performance.now();
    child = spawn("npm", ["start"], {
      cwd: ROOT,
      detached: true, // its own process group, which the test signals as a terminal would
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        CHAIN_PORT: String(chainPort),
        PORT: String(apiPort),
        DATA_DIR: dataDir,
        DATABASE_URL: "",
      },
    });
    pgid = child.pid ?? 0;
    exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(signal ?? `exit ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await until(() => READY.test(output) || child.exitCode !== null, 120_000, "npm start is ready");
    if (!READY.test(output)) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
    const printed = Number(READY.exec(output)?.[1]);
    const wall = ((performance.now() - started) / 1000).toFixed(1);
    console.info(`[e2e] npm start: ready in ${printed} s as it prints (${wall} s from spawn, npm and tsx included)`);
    expect(printed).toBeLessThan(60);
    url = `http://127.0.0.1:${apiPort}`;
    expect(output).toContain(`Open  ${url}`);
    // The suite runs after a build: a start rebuilds nothing that is current.
    expect(output).toContain("Up to date: contracts, web");
    expect(output).not.toContain("Building");
  }, 150_000);

  afterAll(async () => {
    if (pgid && groupAlive(pgid)) process.kill(-pgid, "SIGKILL");
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("answers the API: ready, with the demo's collectives", async () => {
    const ready = (await (await fetch(`${url}/readyz`)).json()) as { ready: boolean; chainId: number };
    expect(ready).toMatchObject({ ready: true, chainId: 31337 });
    const collectives = (await (await fetch(`${url}/api/collectives`)).json()) as { items: { name: string }[] };
    expect(collectives.items.map((c) => c.name).sort()).toEqual(["Mycel", "Rizom"]);
  });

  it.skipIf(!browserAvailable("smoke.test.ts (the page in Chromium)"))(
    "serves the page: Rizom in Chromium",
    async () => {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        await page.goto(url);
        await see(page.getByRole("link", { name: "Rizom", exact: true }));
        await see(page.getByRole("link", { name: "Mycel", exact: true }));
        await screenshot(page, "smoke");
      } finally {
        await browser.close();
      }
    },
  );

  it("stops on Ctrl-C with nothing left running and its ports free", async () => {
    process.kill(-pgid, "SIGINT");
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve("still running"), 30_000));
    // npm itself ends by the signal it got; what it ran must end by itself, cleanly and soon.
    expect(["exit 0", "SIGINT"], output).toContain(await Promise.race([exited, timeout]));
    await until(() => !groupAlive(pgid), 10_000, `process group ${pgid} is gone`);
    expect(await portFree(chainPort)).toBe(true);
    expect(await portFree(apiPort)).toBe(true);
    // The indexer closed its database: PGlite's lock file beside the folder is gone.
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });
});

/**
 * `npm run deploy -- --network localhost` against a real `hardhat node` in its own process: the
 * implementations and the factory land on the chain and their addresses are written down.
 */
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createPublicClient, http } from "viem";
import { collectiveFactoryAbi, type Deployment } from "@rhizome/contracts";

const hardhat = path.resolve("node_modules/.bin/hardhat");

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function waitForRpc(url: string, node: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (node.exitCode !== null) throw new Error(`hardhat node exited with ${node.exitCode}`);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("hardhat node did not start");
}

describe("deployment to a named network", () => {
  const cleanup: (() => Promise<unknown> | unknown)[] = [];
  afterAll(async () => {
    for (const task of cleanup.reverse()) await task();
  });

  it("deploys the implementations and the factory and records where they are", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // Its own process group, so stopping it stops every process it started.
    const node = spawn(hardhat, ["node", "--hostname", "127.0.0.1", "--port", String(port)], {
      stdio: "ignore",
      detached: true,
    });
    cleanup.push(() => node.pid && process.kill(-node.pid, "SIGKILL"));
    await waitForRpc(url, node);
    const dir = await mkdtemp(path.join(tmpdir(), "rhizome-deploy-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));

    const { stdout } = await promisify(execFile)(hardhat, ["run", "scripts/deploy.ts", "--network", "localhost"], {
      env: { ...process.env, LOCALHOST_RPC_URL: url, DEPLOYMENTS_DIR: dir },
    });
    expect(stdout).toContain("Deploying Rhizome to localhost");

    const deployment = JSON.parse(await readFile(path.join(dir, "31337.json"), "utf8")) as Deployment;
    const client = createPublicClient({ transport: http(url) });
    for (const address of [deployment.factory, ...Object.values(deployment.implementations)]) {
      expect((await client.getCode({ address }))?.length ?? 0).toBeGreaterThan(2);
    }
    const read = (functionName: "collectiveCount" | "sharesImplementation" | "workImplementation") =>
      client.readContract({ address: deployment.factory, abi: collectiveFactoryAbi, functionName });
    expect(await read("collectiveCount")).toBe(0n);
    expect(await read("sharesImplementation")).toBe(deployment.implementations.shares);
    expect(await read("workImplementation")).toBe(deployment.implementations.work);
    expect(deployment.chainId).toBe(31337);
  });
});

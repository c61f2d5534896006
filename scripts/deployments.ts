/**
 * Records a deployment where @rhizome/contracts picks it up (packages/contracts/deployments/
 * <chainId>.json) and regenerates the package's deployments module.
 */
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import type { Deployment } from "@rhizome/contracts";

const root = new URL("../", import.meta.url);

export async function writeDeployment(deployment: Deployment): Promise<void> {
  const file = new URL(`packages/contracts/deployments/${deployment.chainId}.json`, root);
  const json = `${JSON.stringify(deployment, null, 2)}\n`;
  const current = await readFile(file, "utf8").catch(() => "");
  if (current === json) return;
  await writeFile(file, json);
  await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/generate-contracts-package.ts"], {
    cwd: root.pathname,
  });
}

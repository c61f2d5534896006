/**
 * Records a deployment where @rhizome/contracts picks it up (packages/contracts/deployments/
 * <chainId>.json) and regenerates the package's deployments module.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Deployment } from "@rhizome/contracts";
import { generateContractsPackage } from "./generate-contracts-package.js";

const root = fileURLToPath(new URL("../", import.meta.url));

/** Writes `deployment` into `dir` (the package's deployments folder by default); returns the file. */
export async function writeDeployment(deployment: Deployment, dir?: string): Promise<string> {
  const folder = dir ?? path.join(root, "packages/contracts/deployments");
  const file = path.join(folder, `${deployment.chainId}.json`);
  const json = `${JSON.stringify(deployment, null, 2)}\n`;
  if ((await readFile(file, "utf8").catch(() => "")) === json) return file;
  await mkdir(folder, { recursive: true });
  await writeFile(file, json);
  if (!dir) await generateContractsPackage();
  return file;
}

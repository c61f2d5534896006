/**
 * `npm start`: the whole product on this machine. A local chain on 127.0.0.1:8545, Rhizome
 * deployed to it, the demo collective with its history, the indexer on PGlite and its API, then
 * one URL and the dev accounts. Ctrl-C stops everything.
 */
import { performance } from "node:perf_hooks";
import { network } from "hardhat";
import { pino } from "pino";
import { deployRhizome } from "@rhizome/contracts";
import { loadConfig, startService } from "@rhizome/indexer";
import { localClients, DEV_MNEMONIC } from "./demo/clients.js";
import { buildDemo, PEOPLE } from "./demo/rizom.js";
import { writeDeployment } from "./deployments.js";

const started = performance.now();
const chainPort = Number(process.env.CHAIN_PORT ?? 8545);
const log = pino({ level: process.env.LOG_LEVEL ?? "warn" });

const server = await network.createServer({}, "127.0.0.1", chainPort);
try {
  await server.listen();
} catch (error) {
  const inUse = (error as NodeJS.ErrnoException).code === "EADDRINUSE" || /EADDRINUSE/.test(String(error));
  console.error(inUse ? `Port ${chainPort} is in use: stop the other chain, or set CHAIN_PORT.` : String(error));
  process.exit(1);
}
const rpcUrl = `http://127.0.0.1:${chainPort}`;
const clients = localClients(rpcUrl);
const [deployer] = clients.wallets;
if (!deployer) throw new Error("The local chain has no accounts");
await clients.publicClient.request({ method: "hardhat_setLoggingEnabled" as never, params: [false] as never });

process.stdout.write("Deploying Rhizome and the demo collective… ");
const deployment = await deployRhizome({ publicClient: clients.publicClient, walletClient: deployer });
await writeDeployment(deployment);
await buildDemo(clients, deployment);
process.stdout.write("done\n");

const config = loadConfig({
  ...process.env,
  RPC_URL: rpcUrl,
  FACTORY_ADDRESS: deployment.factory,
  START_BLOCK: String(deployment.startBlock),
  CONFIRMATIONS: process.env.CONFIRMATIONS ?? "2",
});
let service;
try {
  service = await startService(config, log);
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  await server.close();
  process.exit(1);
}
await service.indexer.syncToHead();
const seconds = ((performance.now() - started) / 1000).toFixed(1);

console.log(`
Rhizome is running (ready in ${seconds} s)

  Open  ${service.url}
  API   ${service.url}/api  ·  docs ${service.url}/api/docs
  Chain ${rpcUrl} (chain id 31337)

Dev accounts (mnemonic "${DEV_MNEMONIC}"):
${clients.wallets
  .slice(1, PEOPLE.length + 1)
  .map((w, i) => `  ${(PEOPLE[i] ?? "").padEnd(4)} ${w.account.address}`)
  .join("\n")}

Press Ctrl-C to stop.`);

const stop = async () => {
  await service.stop();
  await server.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());

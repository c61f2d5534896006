/**
 * `npm start`: the whole product on this machine. A local chain on 127.0.0.1:8545 (CHAIN_PORT),
 * Rhizome deployed to it, the demo collective with its history, the indexer on PGlite and its
 * API with the web client (PORT, 42069 by default), then one URL and the dev accounts. Ctrl-C
 * stops everything.
 */
import { performance } from "node:perf_hooks";
import { createLogger, type LoggerOptions } from "@rhizome/indexer";
import { DEV_MNEMONIC } from "./demo/clients.js";
import { PEOPLE } from "./demo/rizom.js";
import { startStack, type Stack } from "./demo/stack.js";

const started = performance.now();
// The chain is local, but DATABASE_URL may still carry a password: no line shows it.
const log = createLogger({
  level: (process.env.LOG_LEVEL ?? "warn") as LoggerOptions["level"],
  secrets: [process.env.DATABASE_URL],
});

let stack: Stack;
let deploying = false;
try {
  stack = await startStack({
    chainPort: Number(process.env.CHAIN_PORT ?? 8545),
    recordDeployment: true,
    log,
    onChain: () => {
      deploying = true;
      process.stdout.write("Deploying Rhizome and the demo collective… ");
    },
  });
} catch (error) {
  if (deploying) process.stdout.write("failed\n");
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
process.stdout.write("done\n");
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const relayerLine = stack.relayer
  ? `Relayer ${stack.relayer} (dev account 19) pays the gas of members' signed votes, delegations and objections.\n\n`
  : "";
console.log(`
Rhizome is running (ready in ${seconds} s)

  Open  ${stack.url}
  API   ${stack.url}/api  ·  docs ${stack.url}/api/docs
  Chain ${stack.rpcUrl} (chain id 31337)

Dev accounts (mnemonic "${DEV_MNEMONIC}"):
${stack.clients.wallets
  .slice(1, PEOPLE.length + 1)
  .map((w, i) => `  ${(PEOPLE[i] ?? "").padEnd(4)} ${w.account.address}`)
  .join("\n")}

${relayerLine}Press Ctrl-C to stop.`);

// One Ctrl-C reaches this process more than once: from the terminal, to the whole process group,
// and relayed by npm and tsx. The first one stops everything; the others must not kill the
// process halfway through closing the database.
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => {
    console.error("Rhizome did not stop within 15 s; exiting anyway.");
    process.exit(1);
  }, 15_000).unref();
  await stack.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());

/**
 * The chain's own process, as a node runs apart from the indexers that read it: generates the
 * history on an EDR chain here (history.ts), serves it over HTTP JSON-RPC (the tests' server,
 * test/helpers/rpc-server.ts, without faults) and tells the benchmark's process (serve.ts) where
 * it is and what it holds, over IPC. Runs until that process lets go of it.
 */
import type { Address, Hex } from "viem";
import type { CollectiveModules, Deployment } from "@rhizome/contracts";
import { serveProvider } from "../../test/helpers/rpc-server.js";
import type { Census } from "./census.js";
import { describeHistory, generateHistory } from "./history.js";

/** What the benchmark's process learns of the history: where to read it and what to expect. */
export interface ServedChain {
  url: string;
  deployment: Deployment;
  modules: CollectiveModules;
  token: Address;
  census: Census;
  /** The private keys of the live phase's proposer and voters, for the benchmark to sign with. */
  live: { proposer: Hex; voters: Hex[] };
}

const send = process.send?.bind(process);
if (!send) throw new Error("bench/indexer/chain-process.ts runs as a child of the benchmark (serve.ts)");
// The benchmark is done with the chain, or gone: nothing here is worth keeping.
process.once("disconnect", () => process.exit());

const history = await generateHistory();
console.log(describeHistory(history));
const server = await serveProvider(history.connection.provider);
const served: ServedChain = {
  url: server.url,
  deployment: history.deployment,
  modules: history.modules,
  token: history.token,
  census: history.census,
  live: {
    proposer: history.live.proposer.privateKey,
    voters: history.live.voters.map((v) => v.privateKey),
  },
};
send(served);

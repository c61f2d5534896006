/**
 * The chain's own process, as a node runs apart from the indexers that read it: generates the
 * history on an EDR chain here (history.ts, or sparse-history.ts when BENCH_SCENARIO=sparse),
 * serves it over HTTP JSON-RPC (the tests' server, test/helpers/rpc-server.ts, without faults)
 * and tells the benchmark's process (serve.ts) where it is and what it holds, over IPC. Runs until
 * that process lets go of it.
 *
 * On the benchmark's request it also starts providers in front of the chain: more servers of the
 * same chain, each with a hosted provider's limits (a span cap, a request budget, latency), and
 * reports their counts of calls; so a provider's work is done here, not in the indexer's process.
 */
import type { Address, Hex } from "viem";
import type { CollectiveModules, Deployment } from "@rhizome/contracts";
import { serveProvider, type Faults, type RpcServer } from "../../test/helpers/rpc-server.js";
import type { Census } from "./census.js";
import { describeHistory, generateHistory } from "./history.js";
import { describeSparseHistory, generateSparseHistory } from "./sparse-history.js";

export type Scenario = "dense" | "sparse";

/** What the benchmark's process learns of the history: where to read it and what to expect. */
export interface ServedChain {
  scenario: Scenario;
  url: string;
  deployment: Deployment;
  /** The (first) collective's modules: the one the live phase votes in. */
  modules: CollectiveModules;
  /** Every collective of the history. */
  collectives: CollectiveModules[];
  token: Address;
  census: Census;
  /** The private keys of the live phase's proposer and voters, for the benchmark to sign with. */
  live: { proposer: Hex; voters: Hex[] };
}

export type ProviderStats = RpcServer["stats"];

/** What the benchmark's process asks of this one, each with an id its answer carries back. */
export type ChainRequest =
  | { kind: "provider"; id: number; faults: Partial<Faults> }
  | { kind: "stats"; id: number; provider: string }
  | { kind: "close"; id: number; provider: string };

export type ChainMessage =
  | { kind: "served"; served: ServedChain }
  | { kind: "answer"; id: number; url?: string; stats?: ProviderStats; error?: string };

const send = process.send?.bind(process);
if (!send) throw new Error("bench/indexer/chain-process.ts runs as a child of the benchmark (serve.ts)");
// The benchmark is done with the chain, or gone: nothing here is worth keeping.
process.once("disconnect", () => process.exit());

const scenario: Scenario = process.env.BENCH_SCENARIO === "sparse" ? "sparse" : "dense";
let served: ServedChain;
let provider: Parameters<typeof serveProvider>[0];
if (scenario === "sparse") {
  const history = await generateSparseHistory();
  console.log(describeSparseHistory(history));
  provider = history.connection.provider;
  const first = history.contexts[0];
  if (!first) throw new Error("The sparse history has no collective");
  const weighty = first.members.filter((m) => m.active && !m.delegated);
  served = {
    scenario,
    url: (await serveProvider(provider)).url,
    deployment: history.deployment,
    modules: first.modules,
    collectives: history.collectives,
    token: history.token,
    census: history.census,
    live: {
      proposer: (weighty[0] ?? first.members[0])?.account.privateKey ?? "0x",
      voters: weighty.slice(1, 11).map((m) => m.account.privateKey),
    },
  };
} else {
  const history = await generateHistory();
  console.log(describeHistory(history));
  provider = history.connection.provider;
  served = {
    scenario,
    url: (await serveProvider(provider)).url,
    deployment: history.deployment,
    modules: history.modules,
    collectives: [history.modules],
    token: history.token,
    census: history.census,
    live: {
      proposer: history.live.proposer.privateKey,
      voters: history.live.voters.map((v) => v.privateKey),
    },
  };
}

const providers = new Map<string, RpcServer>();
process.on("message", (message: ChainRequest) => {
  const answer = async (): Promise<ChainMessage> => {
    switch (message.kind) {
      case "provider": {
        const server = await serveProvider(provider, message.faults);
        providers.set(server.url, server);
        return { kind: "answer", id: message.id, url: server.url };
      }
      case "stats": {
        const server = providers.get(message.provider);
        if (!server) throw new Error(`No provider at ${message.provider}`);
        return { kind: "answer", id: message.id, stats: structuredClone(server.stats) };
      }
      case "close": {
        const server = providers.get(message.provider);
        providers.delete(message.provider);
        await server?.close();
        return { kind: "answer", id: message.id };
      }
    }
  };
  void answer()
    .catch((error: unknown): ChainMessage => ({ kind: "answer", id: message.id, error: String(error) }))
    .then((reply) => send(reply));
});
send({ kind: "served", served } satisfies ChainMessage);

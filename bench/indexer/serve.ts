/**
 * Serves the in-process chain over HTTP JSON-RPC for the indexer: the tests' RPC server
 * (test/helpers/rpc-server.ts) without faults, whose answers cost one JSON.stringify.
 */
import { serveProvider, type EthereumProvider, type RpcServer } from "../../test/helpers/rpc-server.js";

export type Served = Pick<RpcServer, "url" | "close">;

export function serveChain(provider: EthereumProvider): Promise<Served> {
  return serveProvider(provider);
}

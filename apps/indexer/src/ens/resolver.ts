/**
 * Primary ENS names, read from Ethereum mainnet through ENS_RPC_URL as other governance
 * front-ends do: viem's getEnsName, which asks ENS's Universal Resolver for the address's reverse
 * record and only answers a name that resolves back to the same address.
 */
import { createPublicClient, http, type Address } from "viem";
import { mainnet } from "viem/chains";
import { getEnsName } from "viem/ens";

/** An account's primary ENS name, or null when it has none; rejects when the lookup fails. */
export type EnsResolver = (address: Address) => Promise<string | null>;

/** How long one JSON-RPC request to ENS_RPC_URL may take before it fails. */
export const ENS_RPC_TIMEOUT_MS = 5_000;

/**
 * The resolver over the mainnet JSON-RPC at `rpcUrl`. Lookups made at once go in one JSON-RPC
 * batch, and a failure is not retried: the cache in front (ens/names.ts) retries it later.
 * Offchain answers (CCIP-read) are not followed: a resolver could otherwise have the service fetch
 * any URL it names, from inside the service's network; a name served that way reads as none.
 */
export function mainnetEnsResolver(rpcUrl: string, timeoutMs = ENS_RPC_TIMEOUT_MS): EnsResolver {
  const client = createPublicClient({
    chain: mainnet,
    transport: http(rpcUrl, { batch: true, retryCount: 0, timeout: timeoutMs }),
    ccipRead: false,
  });
  return (address) => getEnsName(client, { address });
}

/**
 * The wallet setup: one chain (the local Hardhat chain unless VITE_CHAIN_* say otherwise),
 * injected wallets found by EIP-6963 plus plain window.ethereum, and on chain 31337 the dev
 * accounts as one-click wallets.
 */
import { defineChain } from "viem";
import { hardhat } from "viem/chains";
import { createConfig, http, injected, type CreateConnectorFn } from "wagmi";
import { DEV_PEOPLE, devProvider } from "./devAccounts";

const env = import.meta.env as Record<string, string | undefined>;
// The service relays the chain's JSON-RPC on its own origin (POST /rpc; Vite's dev server
// proxies it too), so the same build works against whatever chain the service follows.
const rpcUrl = env.VITE_RPC_URL ?? `${globalThis.location?.origin ?? "http://127.0.0.1:42069"}/rpc`;
const chainId = Number(env.VITE_CHAIN_ID ?? hardhat.id);

export const chain =
  chainId === hardhat.id
    ? defineChain({ ...hardhat, rpcUrls: { default: { http: [rpcUrl] } } })
    : defineChain({
        id: chainId,
        name: env.VITE_CHAIN_NAME ?? `Chain ${chainId}`,
        nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
        rpcUrls: { default: { http: [rpcUrl] } },
      });

export const isLocalChain = chain.id === hardhat.id;

/** Connector id of a dev account: `dev-ada`. */
export const devConnectorId = (name: string) => `dev-${name.toLowerCase()}`;

const devConnectors: CreateConnectorFn[] = isLocalChain
  ? DEV_PEOPLE.map((name, i) =>
      injected({
        target: {
          id: devConnectorId(name),
          name: `${name} (dev account)`,
          provider: devProvider(i + 1, chain, rpcUrl),
        },
        shimDisconnect: true,
      }),
    )
  : [];

export const wagmiConfig = createConfig({
  chains: [chain],
  // EIP-6963 wallets are discovered by wagmi itself; `injected()` covers a plain window.ethereum.
  multiInjectedProviderDiscovery: true,
  connectors: [injected(), ...devConnectors],
  transports: { [chain.id]: http(rpcUrl) },
});

declare module "wagmi" {
  interface Register {
    config: typeof wagmiConfig;
  }
}

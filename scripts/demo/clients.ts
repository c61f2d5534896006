/** The local chain's dev accounts as viem clients, the demo's relayer key, and time travel on it. */
import {
  createPublicClient,
  createWalletClient,
  http,
  toHex,
  type Account,
  type Chain,
  type Hex,
  type Transport,
  type WalletClient,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";

/** Hardhat's well-known development mnemonic: these accounts hold test ETH only. */
export const DEV_MNEMONIC = "test test test test test test test test test test test junk";

export type Wallet = WalletClient<Transport, Chain, Account>;

/**
 * The dev account that relays members' signed actions in the demo: the last of the twenty, which no
 * demo member uses, funded with the chain's test ETH.
 */
export const RELAYER_INDEX = 19;

/** The relayer's private key (a well-known test key), as RELAYER_PRIVATE_KEY takes it. */
export function relayerKey(): Hex {
  const key = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: RELAYER_INDEX }).getHdKey().privateKey;
  if (!key) throw new Error("The development mnemonic gave no key");
  return toHex(key);
}

export function localClients(rpcUrl: string, accounts = 20) {
  const chain = { ...hardhat, rpcUrls: { default: { http: [rpcUrl] } } };
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ chain, transport, cacheTime: 0 });
  const wallets: Wallet[] = Array.from({ length: accounts }, (_, i) =>
    createWalletClient({ chain, transport, account: mnemonicToAccount(DEV_MNEMONIC, { addressIndex: i }) }),
  );
  const increaseTime = async (seconds: number) => {
    await publicClient.request({ method: "evm_increaseTime" as never, params: [seconds] as never });
    await publicClient.request({ method: "evm_mine" as never, params: [] as never });
  };
  return { publicClient, wallets, increaseTime };
}

export type LocalClients = ReturnType<typeof localClients>;

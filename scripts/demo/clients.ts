/** The local chain's dev accounts as viem clients, and time travel on it. */
import {
  createPublicClient,
  createWalletClient,
  http,
  type Account,
  type Chain,
  type Transport,
  type WalletClient,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";

/** Hardhat's well-known development mnemonic: these accounts hold test ETH only. */
export const DEV_MNEMONIC = "test test test test test test test test test test test junk";

export type Wallet = WalletClient<Transport, Chain, Account>;

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

/**
 * The local chain's dev accounts as one-click wallets: an EIP-1193 provider per person that
 * signs with a viem local account from Hardhat's public dev mnemonic and sends raw
 * transactions to the local node. Only offered when the app runs against chain 31337.
 */
import { createWalletClient, http, numberToHex, type Chain, type EIP1193Provider, type Hex } from "viem";
import { mnemonicToAccount, type HDAccount } from "viem/accounts";

/** Hardhat's well-known mnemonic: these keys are public and hold value only on a local chain. */
export const DEV_MNEMONIC = "test test test test test test test test test test test junk";

/** The demo's people, at address indexes 1..13 as in scripts/demo/rizom.ts. */
export const DEV_PEOPLE = [
  "Ada",
  "Bo",
  "Cai",
  "Dee",
  "Eli",
  "Fen",
  "Gus",
  "Hal",
  "Ivy",
  "Jo",
  "Kim",
  "Lu",
  "Mo",
] as const;

interface TransactionRequest {
  to?: Hex;
  data?: Hex;
  value?: Hex;
  gas?: Hex;
}

/** Which dev account the user chose, so a reload reconnects that one and only that one. */
const CHOSEN_KEY = "rhizome.devAccount";
const chosen = () => globalThis.localStorage?.getItem(CHOSEN_KEY);

/**
 * A provider that answers account requests itself, signs locally and forwards reads to `rpcUrl`. */
export function devProvider(addressIndex: number, chain: Chain, rpcUrl: string): EIP1193Provider {
  let account: HDAccount | undefined;
  const accountOf = () => (account ??= mnemonicToAccount(DEV_MNEMONIC, { addressIndex }));
  const transport = http(rpcUrl)({ chain });
  const request = async ({ method, params }: { method: string; params?: unknown }): Promise<unknown> => {
    const args = (params ?? []) as unknown[];
    switch (method) {
      // Like a real wallet, it exposes its account only once the user has chosen it.
      case "eth_accounts":
        return chosen() === String(addressIndex) ? [accountOf().address] : [];
      case "eth_requestAccounts":
        globalThis.localStorage?.setItem(CHOSEN_KEY, String(addressIndex));
        return [accountOf().address];
      case "wallet_revokePermissions":
        if (chosen() === String(addressIndex)) globalThis.localStorage?.removeItem(CHOSEN_KEY);
        return null;
      case "eth_chainId":
        return numberToHex(chain.id);
      case "wallet_switchEthereumChain":
        return null;
      case "wallet_requestPermissions":
      case "wallet_getPermissions":
        return [{ parentCapability: "eth_accounts" }];
      case "eth_sendTransaction": {
        const tx = args[0] as TransactionRequest;
        const wallet = createWalletClient({ account: accountOf(), chain, transport: http(rpcUrl) });
        return wallet.sendTransaction({
          ...(tx.to ? { to: tx.to } : {}),
          ...(tx.data ? { data: tx.data } : {}),
          ...(tx.value ? { value: BigInt(tx.value) } : {}),
          ...(tx.gas ? { gas: BigInt(tx.gas) } : {}),
        });
      }
      case "personal_sign":
        return accountOf().signMessage({ message: { raw: args[0] as Hex } });
      case "eth_signTypedData_v4":
        return accountOf().signTypedData(JSON.parse(args[1] as string));
      default:
        // Any other request is passed to the node as the page sent it: its method is not known
        // here, so viem's typed request cannot be named for it.
        return transport.request({ method, params } as never);
    }
  };
  return { request, on: () => undefined, removeListener: () => undefined } as unknown as EIP1193Provider;
}

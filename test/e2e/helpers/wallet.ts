/**
 * An injected test wallet: an EIP-1193 provider put into every page of a browser context. It
 * announces itself by EIP-6963 and as window.ethereum; each request is handed to Node, which
 * answers account requests, signs as one dev account with a viem local account and sends raw
 * transactions to the local chain, and forwards everything else to the chain's JSON-RPC.
 */
import { randomUUID } from "node:crypto";
import type { BrowserContext } from "playwright-core";
import { createWalletClient, defineChain, http, numberToHex, type Address, type Hex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import { DEV_MNEMONIC } from "../../../scripts/demo/clients.js";

export const WALLET_NAME = "Rhizome Test Wallet";
/** The other network the wallet knows (Ethereum), to be on the wrong one; it sends nothing there. */
export const OTHER_CHAIN = 1;
const BINDING = "__rhizomeTestWallet";
const ICON =
  "data:image/svg+xml;base64," +
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#1f6f50"/></svg>',
  ).toString("base64");

interface RpcError {
  code: number;
  message: string;
  data?: unknown;
}
type Answer = { result: unknown } | { error: RpcError };

interface TransactionRequest {
  from?: Address;
  to?: Address;
  data?: Hex;
  value?: Hex;
  gas?: Hex;
}

/** The page side: a provider whose `request` calls the Node binding, announced the two usual ways. */
const pageScript = (info: object) => `(() => {
  const listeners = new Map();
  const provider = {
    isRhizomeTestWallet: true,
    async request({ method, params }) {
      const answer = await window.${BINDING}(method, params ?? []);
      if ("error" in answer) throw Object.assign(new Error(answer.error.message), answer.error);
      // A network switch, asked by the page or by the test as its user, is told to the page.
      if (method === "wallet_switchEthereumChain")
        for (const listener of listeners.get("chainChanged") ?? []) listener(params[0].chainId);
      return answer.result;
    },
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return provider;
    },
    removeListener(event, listener) {
      listeners.set(event, (listeners.get(event) ?? []).filter((l) => l !== listener));
      return provider;
    },
  };
  const detail = Object.freeze({ info: Object.freeze(${JSON.stringify(info)}), provider });
  const announce = () => window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail }));
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
  window.ethereum = provider;
})();`;

async function forward(rpcUrl: string, method: string, params: unknown[]): Promise<Answer> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: RpcError };
  return body.error ? { error: body.error } : { result: body.result ?? null };
}

/** Installs the wallet in `context`, signing as dev account `addressIndex`; returns its address. */
export async function installTestWallet(
  context: BrowserContext,
  { rpcUrl, addressIndex }: { rpcUrl: string; addressIndex: number },
): Promise<Address> {
  const account = mnemonicToAccount(DEV_MNEMONIC, { addressIndex });
  const chain = defineChain({ ...hardhat, rpcUrls: { default: { http: [rpcUrl] } } });
  const wallet = createWalletClient({ account, chain, transport: http(rpcUrl) });
  const permissions = () => [
    { parentCapability: "eth_accounts", caveats: [{ type: "restrictReturnedAccounts", value: [account.address] }] },
  ];
  // Like a real wallet, it shows its account to the page only once the user has connected.
  let connected = false;
  // The network it is on: the local chain, or (switched to by a test as its user) another one.
  let current: number = chain.id;
  const unauthorized: Answer = { error: { code: 4100, message: "Connect the wallet first." } };

  const handle = async (method: string, params: unknown[]): Promise<Answer> => {
    switch (method) {
      case "eth_requestAccounts":
        connected = true;
        return { result: [account.address] };
      case "eth_accounts":
        return { result: connected ? [account.address] : [] };
      case "wallet_requestPermissions":
        connected = true;
        return { result: permissions() };
      case "wallet_getPermissions":
        return { result: connected ? permissions() : [] };
      case "wallet_revokePermissions":
        connected = false;
        return { result: null };
      case "eth_chainId":
        return { result: numberToHex(current) };
      case "wallet_switchEthereumChain": {
        const wanted = Number((params[0] as { chainId: Hex }).chainId);
        if (wanted !== chain.id && wanted !== OTHER_CHAIN)
          return { error: { code: 4902, message: `The test wallet knows chains ${chain.id} and ${OTHER_CHAIN}.` } };
        current = wanted;
        return { result: null };
      }
      case "eth_sendTransaction": {
        if (!connected) return unauthorized;
        if (current !== chain.id)
          return { error: { code: 4901, message: `The test wallet sends nothing on chain ${current}.` } };
        const tx = params[0] as TransactionRequest;
        if (tx.from && tx.from.toLowerCase() !== account.address.toLowerCase())
          return { error: { code: 4100, message: `The test wallet signs only as ${account.address}.` } };
        const hash = await wallet.sendTransaction({
          ...(tx.to ? { to: tx.to } : {}),
          ...(tx.data ? { data: tx.data } : {}),
          ...(tx.value ? { value: BigInt(tx.value) } : {}),
          ...(tx.gas ? { gas: BigInt(tx.gas) } : {}),
        });
        return { result: hash };
      }
      case "personal_sign":
        if (!connected) return unauthorized;
        return { result: await account.signMessage({ message: { raw: params[0] as Hex } }) };
      case "eth_signTypedData_v4":
        if (!connected) return unauthorized;
        return { result: await account.signTypedData(JSON.parse(params[1] as string) as never) };
      default:
        return forward(rpcUrl, method, params);
    }
  };

  await context.exposeFunction(BINDING, async (method: string, params: unknown[]): Promise<Answer> => {
    try {
      return await handle(method, params);
    } catch (error) {
      const e = error as { code?: number; shortMessage?: string; message?: string };
      return {
        error: { code: typeof e.code === "number" ? e.code : -32603, message: e.shortMessage ?? String(e.message) },
      };
    }
  });
  const info = { uuid: randomUUID(), name: WALLET_NAME, icon: ICON, rdns: "dev.rhizome.testwallet" };
  await context.addInitScript({ content: pageScript(info) });
  return account.address;
}

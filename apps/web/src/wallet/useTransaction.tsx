/**
 * One transaction's life as the UI shows it: waiting for the wallet → pending (with its hash)
 * → confirmed or failed. Every call is simulated first, so a contract's custom error is
 * decoded and said in plain words before the wallet is even asked; nothing is asked of a wallet
 * on another network.
 */
import { useState } from "react";
import type { Abi, Address, ContractFunctionArgs, ContractFunctionName, Hash, TransactionReceipt } from "viem";
import { useConfig } from "wagmi";
import {
  getAccount,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
  type SimulateContractParameters,
} from "wagmi/actions";
import { explainError } from "../lib/errors";
import { chain } from "./config";

export type TxState =
  | { status: "idle" }
  | { status: "signing" }
  /** Signed and taken by the service's relay, which has not sent it yet. */
  | { status: "queued" }
  | { status: "pending"; hash: Hash }
  | { status: "confirmed"; hash: Hash }
  | { status: "failed"; message: string; hash?: Hash };

type Mutability = "nonpayable" | "payable";

/**
 * A call of a function that writes, typed by its ABI: a function the contract does not have, or
 * arguments of the wrong shape, fail to compile.
 */
export interface ContractCall<
  abi extends Abi = Abi,
  functionName extends ContractFunctionName<abi, Mutability> = ContractFunctionName<abi, Mutability>,
> {
  address: Address;
  abi: abi;
  functionName: functionName;
  args: ContractFunctionArgs<abi, Mutability, functionName>;
  value?: bigint;
}

export function useTransaction() {
  const config = useConfig();
  const [state, setState] = useState<TxState>({ status: "idle" });

  /** Sends `call`, or what `prepare` builds; resolves with the receipt once confirmed, false if not. */
  async function send<const abi extends Abi, functionName extends ContractFunctionName<abi, Mutability>>(
    call: ContractCall<abi, functionName> | (() => Promise<ContractCall<abi, functionName>>),
  ): Promise<TransactionReceipt | false> {
    const account = getAccount(config);
    if (account.isConnected && account.chainId !== chain.id) {
      // Nothing is sent: a wallet on another network would sign for that network.
      setState({
        status: "failed",
        message: `Your wallet is on another network: switch it to ${chain.name} and send again.`,
      });
      return false;
    }
    setState({ status: "signing" });
    let hash: Hash | undefined;
    try {
      const resolved = typeof call === "function" ? await call() : call;
      // The call was checked against its ABI where it was built (ContractCall's generics); wagmi's
      // generics cannot follow an ABI that is itself a type parameter, so it goes on as any ABI's call.
      const { request } = await simulateContract(config, resolved as SimulateContractParameters);
      hash = await writeContract(config, request);
      setState({ status: "pending", hash });
      const receipt = await waitForTransactionReceipt(config, { hash });
      if (receipt.status !== "success") {
        setState({ status: "failed", hash, message: "The transaction was mined but reverted." });
        return false;
      }
      setState({ status: "confirmed", hash });
      return receipt;
    } catch (error) {
      setState({ status: "failed", message: explainError(error), ...(hash ? { hash } : {}) });
      return false;
    }
  }

  return {
    state,
    send,
    busy: state.status === "signing" || state.status === "pending",
    reset: () => setState({ status: "idle" }),
  };
}

/** The state of a transaction, announced to screen readers as it changes. */
export function TxStatus({ state, done = "Confirmed." }: { state: TxState; done?: string }) {
  const short = (hash: Hash) => `${hash.slice(0, 10)}…`;
  return (
    <p role="status" aria-live="polite" className={`tx tx-${state.status}`}>
      {state.status === "signing" && "Waiting for your wallet…"}
      {state.status === "queued" && "Signed: the relay sends it for you, with its gas…"}
      {state.status === "pending" && `Pending: transaction ${short(state.hash)} sent, waiting for a block…`}
      {state.status === "confirmed" && `${done} (transaction ${short(state.hash)})`}
      {state.status === "failed" && `Failed: ${state.message}`}
    </p>
  );
}

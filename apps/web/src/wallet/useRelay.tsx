/**
 * Signed actions sent through the service's relay, which pays their gas: the wallet signs the typed
 * data (eth_signTypedData_v4, no transaction, no ETH needed), the page posts it to /api/relay, and
 * the relay's status is followed until it is mined or fails, shown as a transaction is (TxState).
 * When the service has no relay, or refuses this one (out of funds, a quota reached), the member
 * sends it themselves: `direct` says so, and the page offers it.
 */
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { Hash, PublicClient } from "viem";
import type { Api } from "@rhizome/client";
import { ApiError, getJson, sendJson } from "../lib/api";
import { explainError } from "../lib/errors";
import type { TxState } from "./useTransaction";

/** How often a relay's status is read while it is on its way. */
const POLL_MS = 1_000;
/** Refusals after which the member can still send it themselves, and is offered to. */
const SEND_IT_YOURSELF = new Set([
  "RelayerOutOfFunds",
  "MemberQuotaReached",
  "CollectiveQuotaReached",
  "GasBudgetSpent",
]);

/** Whether the service relays signed actions (GET /api/relay); false while unknown or on error. */
export function useRelayInfo() {
  const info = useQuery({
    queryKey: ["relay"],
    queryFn: ({ signal }) => getJson<Api.RelayInfo>("/relay", {}, signal),
    staleTime: 60_000,
  });
  return info.data?.enabled === true;
}

const postRelay = (body: Api.RelayBody) => sendJson<Api.Relay>("POST", "/relay", body);

/**
 * A signature's deadline: an hour after the chain's latest block, by the chain's clock (a local
 * chain moved forward in time runs ahead of this computer's).
 */
export async function hourFromNow(publicClient: PublicClient): Promise<bigint> {
  return (await publicClient.getBlock()).timestamp + 3_600n;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function useRelayedAction() {
  const [state, setState] = useState<TxState>({ status: "idle" });
  /** The relay cannot take it: the member should send it themselves (the page offers a button). */
  const [direct, setDirect] = useState(false);

  /** Signs with `sign` (the wallet), relays it, and follows it; resolves true once mined. */
  async function relay(sign: () => Promise<Api.RelayBody>): Promise<boolean> {
    setState({ status: "signing" });
    try {
      let relayed = await postRelay(await sign());
      while (relayed.status === "queued" || relayed.status === "sent") {
        setState(relayed.txHash ? { status: "pending", hash: relayed.txHash as Hash } : { status: "queued" });
        await pause(POLL_MS);
        relayed = await getJson<Api.Relay>(`/relay/${relayed.id}`);
      }
      const hash = relayed.txHash ? { hash: relayed.txHash as Hash } : {};
      if (relayed.status === "mined") {
        setState({ status: "confirmed", hash: relayed.txHash as Hash });
        return true;
      }
      setState({ status: "failed", message: relayed.error ?? "The relay could not send it.", ...hash });
      return false;
    } catch (error) {
      if (error instanceof ApiError && (SEND_IT_YOURSELF.has(error.code) || error.code === "RelayOff")) setDirect(true);
      setState({ status: "failed", message: error instanceof ApiError ? error.message : explainError(error) });
      return false;
    }
  }

  return {
    state,
    relay,
    direct,
    setDirect,
    busy: state.status === "signing" || state.status === "queued" || state.status === "pending",
  };
}

/**
 * Under the form's button: whether it goes through the relay (signed, no gas) or from the member's
 * wallet, and the button that switches, one click away; offered on its own when the relay refuses.
 */
export function RelayChoice({ on, relayed }: { on: boolean; relayed: ReturnType<typeof useRelayedAction> }) {
  if (!on) return null;
  return (
    <p className="muted">
      {relayed.direct
        ? "You send it yourself, and pay its gas. "
        : "You sign it in your wallet and the service's relay sends it: no gas, no ETH needed. "}
      <button type="button" className="secondary" onClick={() => relayed.setDirect(!relayed.direct)}>
        {relayed.direct ? "Use the relay" : "Send it myself"}
      </button>
    </p>
  );
}

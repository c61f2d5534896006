/** Connecting a wallet: discovered wallets, the local dev accounts, and the wrong-network prompt. */
import { useAccount, useConnect, useDisconnect, useSwitchChain } from "wagmi";
import { shortAddress } from "../lib/format";
import { explainError } from "../lib/errors";
import { chain, isLocalChain } from "./config";

export function WalletPanel() {
  const { address, chainId, connector, isConnected } = useAccount();
  const { connectors, connect, isPending, error } = useConnect();
  const { disconnect } = useDisconnect();
  const { switchChain, isPending: switching } = useSwitchChain();

  if (isConnected && address) {
    const wrong = chainId !== chain.id;
    return (
      <div className="wallet">
        <span title={address}>
          {connector?.name ?? "Wallet"}: <strong>{shortAddress(address)}</strong>
        </span>
        <button type="button" className="secondary" onClick={() => disconnect()}>
          Disconnect
        </button>
        {wrong && (
          <p role="alert" className="warning">
            Your wallet is on another network. Rhizome runs on {chain.name} (chain {chain.id}).{" "}
            <button type="button" disabled={switching} onClick={() => switchChain({ chainId: chain.id })}>
              Switch to {chain.name}
            </button>
          </p>
        )}
      </div>
    );
  }

  const devConnectors = connectors.filter((c) => c.id.startsWith("dev-"));
  const wallets = connectors.filter((c) => !c.id.startsWith("dev-"));
  // `injected` without a discovered wallet has nothing behind it; offer it only when window.ethereum exists.
  const hasWindowEthereum = typeof window !== "undefined" && "ethereum" in window;
  const offered = wallets.filter((c) => c.id !== "injected" || (hasWindowEthereum && wallets.length === 1));

  return (
    <div className="wallet">
      {offered.map((c) => (
        <button
          type="button"
          key={c.uid}
          disabled={isPending}
          onClick={() => connect({ connector: c, chainId: chain.id })}
        >
          Connect {c.name}
        </button>
      ))}
      {offered.length === 0 && !isLocalChain && <span>No wallet found in this browser.</span>}
      {isLocalChain && devConnectors.length > 0 && (
        <details className="dev-accounts">
          <summary>Dev accounts</summary>
          <ul className="plain">
            {devConnectors.map((c) => (
              <li key={c.uid}>
                <button type="button" disabled={isPending} onClick={() => connect({ connector: c, chainId: chain.id })}>
                  {c.name.replace(" (dev account)", "")}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {error && (
        <p role="alert" className="error">
          {explainError(error)}
        </p>
      )}
    </div>
  );
}

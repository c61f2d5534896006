/** Connecting a wallet: discovered wallets, the local dev accounts, and the wrong-network prompt. */
import { useEffect, useRef } from "react";
import { useAccount, useConnect, useDisconnect, useSwitchChain } from "wagmi";
import { Account } from "../components/Account";
import { useLocation } from "../app/router";
import { explainError } from "../lib/errors";
import { chain, isLocalChain } from "./config";

export function WalletPanel() {
  const { address, chainId, connector, isConnected } = useAccount();
  const { connectors, connect, isPending, error } = useConnect();
  const { disconnect } = useDisconnect();
  const { switchChain, isPending: switching } = useSwitchChain();
  // On a collective's pages, the account goes by its name there.
  const { path } = useLocation();
  const collective = /^\/c\/(0x[0-9a-fA-F]{40})(?:\/|$)/.exec(path)?.[1];
  // The button pressed to connect or disconnect goes away with the state it was for: the focus
  // follows to what replaces it (who is connected, or the ways to connect) instead of the body.
  const panel = useRef<HTMLDivElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (!asked.current || isPending) return;
    asked.current = false;
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    panel.current?.querySelector<HTMLElement>("[data-focus-after-change]")?.focus();
  }, [isConnected, isPending]);
  const connectWith = (connector: (typeof connectors)[number]) => {
    asked.current = true;
    connect({ connector, chainId: chain.id });
  };

  if (isConnected && address) {
    const wrong = chainId !== chain.id;
    return (
      <div className="wallet" ref={panel}>
        <span title={address} tabIndex={-1} data-focus-after-change>
          {connector?.name ?? "Wallet"}:{" "}
          <strong>
            <Account address={address} collective={collective} />
          </strong>
        </span>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            asked.current = true;
            disconnect();
          }}
        >
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
    <div className="wallet" ref={panel}>
      {offered.map((c, i) => (
        <button
          type="button"
          key={c.uid}
          disabled={isPending}
          onClick={() => connectWith(c)}
          {...(i === 0 ? { "data-focus-after-change": true } : {})}
        >
          Connect {c.name}
        </button>
      ))}
      {offered.length === 0 && !isLocalChain && <span>No wallet found in this browser.</span>}
      {isLocalChain && devConnectors.length > 0 && (
        <details
          className="dev-accounts"
          onKeyDown={(e) => {
            // Escape closes the menu and gives the focus back to its toggle, as menus do.
            if (e.key !== "Escape" || !e.currentTarget.open) return;
            e.currentTarget.open = false;
            e.currentTarget.querySelector("summary")?.focus();
          }}
        >
          <summary {...(offered.length === 0 ? { "data-focus-after-change": true } : {})}>Dev accounts</summary>
          <ul className="plain">
            {devConnectors.map((c) => (
              <li key={c.uid}>
                <button type="button" disabled={isPending} onClick={() => connectWith(c)}>
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

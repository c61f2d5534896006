/**
 * An account as people know it, wherever the app shows one: the name its owner chose in the
 * collective, else its ENS name, else its short address (lib/names.ts); the full address on hover
 * and a button that copies it. A name is someone else's text: React renders it as text, inside
 * <bdi> so that right-to-left characters in it cannot reorder what is around it.
 */
import { useEffect, useState } from "react";
import { Link } from "../app/router";
import { useAccountName } from "../lib/names";

/**
 * A picture from the member's profile, only ever an http(s) link (lib/names.ts): fixed in size,
 * decorative (the name beside it says who it is), fetched without telling its host which page
 * asked, and gone if it does not load (the service's CSP allows the page's own images only).
 */
function Avatar({ src }: { src: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) return null;
  return (
    <img
      className="avatar"
      src={src}
      alt=""
      width={20}
      height={20}
      referrerPolicy="no-referrer"
      loading="lazy"
      decoding="async"
      onError={() => setFailed(true)}
    />
  );
}

/** Copies the address; says so to screen readers. Not offered where the browser has no clipboard (plain HTTP). */
export function CopyAddress({ address }: { address: string }) {
  const [said, setSaid] = useState("");
  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setSaid(""), 2_000);
    return () => clearTimeout(timer);
  }, [said]);
  if (typeof navigator === "undefined" || !navigator.clipboard) return null;
  return (
    <>
      <button
        type="button"
        className="copy"
        aria-label="Copy address"
        title="Copy address"
        onClick={() =>
          void navigator.clipboard.writeText(address).then(
            () => setSaid("Address copied"),
            () => setSaid("The address could not be copied"),
          )
        }
      >
        <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="12" height="12">
          {said === "Address copied" ? (
            <path d="M2 8.5 6 12.5 14 3.5" fill="none" stroke="currentColor" strokeWidth="2" />
          ) : (
            <>
              <rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
              <path
                d="M11 3V2.5A1.5 1.5 0 0 0 9.5 1h-7A1.5 1.5 0 0 0 1 2.5v7A1.5 1.5 0 0 0 2.5 11H3"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.5"
              />
            </>
          )}
        </svg>
      </button>
      <span className="visually-hidden" aria-live="polite">
        {said}
      </span>
    </>
  );
}

export interface AccountProps {
  address: string;
  /** The collective whose profile names it; outside one, only its short address is shown. */
  collective?: string | undefined;
  /** Where the name links to, if anywhere (the member's page). */
  to?: string;
  /** Offer to copy the address (yes, by default). */
  copy?: boolean;
}

export function Account({ address, collective, to, copy = true }: AccountProps) {
  const label = useAccountName(collective, address);
  const text = <bdi>{label.text}</bdi>;
  return (
    <span className="account" title={address}>
      {label.avatar && <Avatar key={label.avatar} src={label.avatar} />}
      {to ? <Link to={to}>{text}</Link> : text}
      {copy && <CopyAddress address={address} />}
    </span>
  );
}

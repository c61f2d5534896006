/** A collective's header and its section navigation, around each of its pages. */
import type { ReactNode } from "react";
import { useCollective } from "../lib/queries";
import { Link, useLocation } from "./router";

const SECTIONS = [
  ["", "Home"],
  ["/members", "Members & ownership"],
  ["/proposals", "Proposals"],
  ["/work", "Work"],
  ["/apply", "Apply to join"],
  ["/stake", "My stake"],
] as const;

export function CollectiveLayout({ address, children }: { address: string; children: ReactNode }) {
  const collective = useCollective(address);
  const { path } = useLocation();
  const base = `/c/${address}`;
  return (
    <>
      <div className="collective-head">
        <p className="eyebrow">Collective</p>
        <h1>
          {collective.data
            ? `${collective.data.name} (${collective.data.symbol})`
            : collective.isError
              ? "Unknown collective"
              : "…"}
        </h1>
        {collective.isError && (
          <p role="alert" className="error">
            {collective.error.message}
          </p>
        )}
        <nav aria-label="Collective" className="tabs">
          {SECTIONS.map(([suffix, label]) => {
            const to = base + suffix;
            const current = suffix === "" ? path === to : path.startsWith(to);
            return (
              <Link key={suffix} to={to} aria-current={current ? "page" : undefined}>
                {label}
              </Link>
            );
          })}
        </nav>
      </div>
      {collective.data && children}
    </>
  );
}

/** A collective's header and its section navigation, around each of its pages. */
import type { ReactNode } from "react";
import { useAccountName } from "../lib/names";
import { useCollective } from "../lib/queries";
import { useDocumentTitle } from "./pageChange";
import { Link, useLocation } from "./router";

const SECTIONS = [
  ["", "Home"],
  ["/members", "Members & ownership"],
  ["/proposals", "Proposals"],
  ["/work", "Work"],
  ["/apply", "Apply to join"],
  ["/stake", "My stake"],
] as const;

/** The page's own name, for the document's title: its section, or the proposal or member (as named) it shows. */
function pageName(base: string, path: string, member: string): string {
  const rest = path.slice(base.length);
  if (rest === "/proposals/new") return "New proposal";
  if (rest.startsWith("/proposals/")) return "Proposal";
  if (rest.startsWith("/members/")) return `Member ${member}`;
  const section = SECTIONS.find(([suffix]) => suffix === rest);
  return section ? section[1] : "Not found";
}

export function CollectiveLayout({ address, children }: { address: string; children: ReactNode }) {
  const collective = useCollective(address);
  const { path } = useLocation();
  const base = `/c/${address}`;
  const name = collective.data?.name ?? (collective.isError ? "Unknown collective" : "Collective");
  const member = useAccountName(
    address,
    path.startsWith(`${base}/members/`) ? path.slice(`${base}/members/`.length) : "",
  );
  useDocumentTitle(`${pageName(base, path, member.text)} · ${name}`);
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

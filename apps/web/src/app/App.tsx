/** The app shell: providers, header with the wallet, live updates, and the routes. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { WagmiProvider } from "wagmi";
import { ErrorBoundary } from "../components/ErrorBoundary";
import { InboxLink } from "../components/InboxLink";
import { useLiveUpdates } from "../lib/live";
import { wagmiConfig } from "../wallet/config";
import { WalletPanel } from "../wallet/WalletPanel";
import { CollectiveLayout } from "./CollectiveLayout";
import { useDocumentTitle, useFocusAfterNavigation } from "./pageChange";
import { Link, match, useLocation } from "./router";

const Collectives = lazy(() => import("../pages/Collectives"));
const CollectiveHome = lazy(() => import("../pages/CollectiveHome"));
const Members = lazy(() => import("../pages/Members"));
const MemberProfile = lazy(() => import("../pages/MemberProfile"));
const Proposals = lazy(() => import("../pages/Proposals"));
const ProposalDetail = lazy(() => import("../pages/ProposalDetail"));
const NewProposal = lazy(() => import("../pages/NewProposal"));
const WorkBoard = lazy(() => import("../pages/WorkBoard"));
const Apply = lazy(() => import("../pages/Apply"));
const Stake = lazy(() => import("../pages/Stake"));
const NetworkMap = lazy(() => import("../pages/NetworkMap"));
const CreateCollective = lazy(() => import("../pages/CreateCollective"));
const Inbox = lazy(() => import("../pages/Inbox"));

/** The pages under /c/:address, each from the path's named segments. */
const COLLECTIVE_ROUTES: [string, (p: Record<string, string>) => ReactNode][] = [
  ["/c/:address", (p) => <CollectiveHome address={p.address ?? ""} />],
  ["/c/:address/members", (p) => <Members address={p.address ?? ""} />],
  ["/c/:address/members/:account", (p) => <MemberProfile address={p.address ?? ""} account={p.account ?? ""} />],
  ["/c/:address/proposals", (p) => <Proposals address={p.address ?? ""} />],
  ["/c/:address/proposals/new", (p) => <NewProposal address={p.address ?? ""} />],
  ["/c/:address/proposals/:id", (p) => <ProposalDetail address={p.address ?? ""} id={p.id ?? ""} />],
  ["/c/:address/work", (p) => <WorkBoard address={p.address ?? ""} />],
  ["/c/:address/apply", (p) => <Apply address={p.address ?? ""} />],
  ["/c/:address/stake", (p) => <Stake address={p.address ?? ""} />],
];

/** The titles of the pages outside a collective. */
const TITLES: Record<string, string> = {
  "/": "Collectives",
  "": "Collectives",
  "/network": "Network",
  "/new": "Create a collective",
  "/inbox": "Inbox",
};

/** The page for a path, inside the collective's layout when it is under /c/:address. */
function Routes() {
  const { path } = useLocation();
  // A collective's pages are titled by its layout, which knows the collective's name.
  const inCollective = COLLECTIVE_ROUTES.some(([pattern]) => match(pattern, path));
  useDocumentTitle(inCollective ? null : (TITLES[path] ?? "Not found"));
  if (path === "/" || path === "") return <Collectives />;
  if (path === "/network") return <NetworkMap />;
  if (path === "/new") return <CreateCollective />;
  if (path === "/inbox") return <Inbox />;
  for (const [pattern, page] of COLLECTIVE_ROUTES) {
    const params = match(pattern, path);
    if (params) {
      // "new" is not a proposal id: the literal route is listed before the parameterised one.
      return <CollectiveLayout address={params.address ?? ""}>{page(params)}</CollectiveLayout>;
    }
  }
  return (
    <section>
      <h1>Not found</h1>
      <p>
        Nothing lives at {path}. <Link to="/">See the collectives</Link>.
      </p>
    </section>
  );
}

function Shell() {
  useLiveUpdates();
  const { path } = useLocation();
  const main = useFocusAfterNavigation<HTMLElement>(path);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <nav aria-label="Main">
          <Link to="/" className="brand">
            Rhizome
          </Link>
          <Link to="/">Collectives</Link>
          <Link to="/network">Network</Link>
          <InboxLink />
        </nav>
        <WalletPanel />
      </header>
      {/* Focusable by script (after a navigation) and as the skip link's target, not by Tab. */}
      <main id="main" tabIndex={-1} ref={main}>
        <ErrorBoundary resetKey={path}>
          <Suspense fallback={<p role="status">Loading…</p>}>
            <Routes />
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}

export function App() {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } }));
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <Shell />
      </QueryClientProvider>
    </WagmiProvider>
  );
}

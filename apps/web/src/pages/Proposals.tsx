/** Proposals by state and kind, newest first. */
import { PROPOSAL_KINDS, PROPOSAL_STATES } from "@rhizome/client";
import { useState } from "react";
import { Link } from "../app/router";
import { Account } from "../components/Account";
import { CommentCount } from "../components/Discussion";
import { More } from "../components/More";
import { Empty, QueryState } from "../components/QueryState";
import { formatTime, proposalTitle } from "../lib/format";
import { useProposalPages } from "../lib/queries";

export default function Proposals({ address }: { address: string }) {
  const [state, setState] = useState("");
  const [kind, setKind] = useState("");
  const proposals = useProposalPages(address, { ...(state ? { state } : {}), ...(kind ? { kind } : {}) });
  return (
    <section>
      <div className="row">
        <h2>Proposals</h2>
        <Link className="button" to={`/c/${address}/proposals/new`}>
          New proposal
        </Link>
      </div>
      <div className="filters">
        <label>
          State{" "}
          <select value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">any</option>
            {PROPOSAL_STATES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Kind{" "}
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">any</option>
            {PROPOSAL_KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
      </div>
      <QueryState query={proposals}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No proposals match.</Empty>
          ) : (
            <ul className="cards">
              {page.items.map((p) => (
                <li key={p.proposalId} className="card">
                  <h3>
                    <Link to={`/c/${address}/proposals/${p.proposalId}`}>{proposalTitle(p.description)}</Link>
                  </h3>
                  <p>
                    <span className={`badge state-${p.state}`}>{p.state}</span> <span className="badge">{p.kind}</span>{" "}
                    by <Account address={p.proposer} collective={address} /> · {p.voteCount} votes · voting ends{" "}
                    {formatTime(p.deadline)} · <CommentCount count={p.commentCount} />
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <More query={proposals} what="proposals" />
    </section>
  );
}

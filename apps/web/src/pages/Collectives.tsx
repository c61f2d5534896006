/** The collectives: search by name, sort by size or age, principles and size at a glance. */
import { useDeferredValue, useState } from "react";
import { Link } from "../app/router";
import { More } from "../components/More";
import { Empty, QueryState } from "../components/QueryState";
import { formatShares } from "../lib/format";
import { useCollectives } from "../lib/queries";

export default function Collectives() {
  const [q, setQ] = useState("");
  const [sort, setSort] = useState<"size" | "newest">("size");
  const search = useDeferredValue(q.trim());
  const collectives = useCollectives({ ...(search ? { q: search } : {}), sort });
  return (
    <section>
      <div className="row">
        <h1>Collectives</h1>
        <Link className="button" to="/new">
          Create a collective
        </Link>
      </div>
      <p className="lead">
        Groups who own their work together: members hold shares, propose and vote, and can leave with their part.
      </p>
      <div className="filters">
        <label>
          Search by name <input type="search" value={q} maxLength={100} onChange={(e) => setQ(e.target.value)} />
        </label>
        <label>
          Sort{" "}
          <select value={sort} onChange={(e) => setSort(e.target.value as "size" | "newest")}>
            <option value="size">most members first</option>
            <option value="newest">newest first</option>
          </select>
        </label>
      </div>
      <QueryState query={collectives}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{search ? `No collective's name contains “${search}”.` : "No collectives yet."}</Empty>
          ) : (
            <ul className="cards">
              {page.items.map((c) => (
                <li key={c.address} className="card">
                  <h2>
                    <Link to={`/c/${c.address}`}>{c.name}</Link> <span className="muted">{c.symbol}</span>
                  </h2>
                  <p>
                    {c.memberCount} members · {formatShares(c.totalShares)} shares · {c.proposalCount} proposals ·{" "}
                    {c.workCount} work items
                  </p>
                  <ul className="chips" aria-label="Principles">
                    {c.principles.map((p) => (
                      <li key={p.index}>{p.name}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <More query={collectives} what="collectives" />
    </section>
  );
}

/** Members and ownership: who holds what, how concentrated it is, and how that changed; members found by name. */
import { useState } from "react";
import { Account } from "../components/Account";
import { BarChart, LineChart } from "../components/charts";
import { More } from "../components/More";
import { Empty, QueryState } from "../components/QueryState";
import { formatPercent, formatShares, formatTime } from "../lib/format";
import { useAccountNames } from "../lib/names";
import { useMembers, useOwnership, useOwnershipHistory } from "../lib/queries";
import { useDebounced } from "../lib/useDebounced";

/** How long the search waits for typing to pause before it asks the API. */
const SEARCH_DELAY_MS = 300;

export default function Members({ address }: { address: string }) {
  const ownership = useOwnership(address);
  const history = useOwnershipHistory(address);
  const [q, setQ] = useState("");
  const search = useDebounced(q.trim(), SEARCH_DELAY_MS);
  const members = useMembers(address, search || undefined);
  const holders = useAccountNames(address, ownership.data?.holders.items.map((h) => h.account) ?? []);
  return (
    <div className="grid">
      <section>
        <h2>Concentration</h2>
        <QueryState query={ownership}>
          {(o) => (
            <>
              <dl className="numbers">
                <div>
                  <dt>Holders</dt>
                  <dd>{o.now.holders}</dd>
                </div>
                <div>
                  <dt>Largest 10% hold</dt>
                  <dd>{formatPercent(o.now.topHoldersShare)}</dd>
                </div>
                <div>
                  <dt>Gini</dt>
                  <dd>{o.now.gini.toFixed(2)}</dd>
                </div>
                <div>
                  <dt>Nakamoto coefficient</dt>
                  <dd>{o.now.nakamoto}</dd>
                </div>
              </dl>
              <p className="muted">
                Gini is 0 when everyone holds the same and nears 1 when one holds all. The Nakamoto coefficient is the
                fewest holders who together hold more than half.
              </p>
              <h3>Distribution</h3>
              {o.holders.items.length === 0 ? (
                <Empty>No one holds shares.</Empty>
              ) : (
                <BarChart
                  label="Share of the supply per holder"
                  bars={o.holders.items.map((h) => ({
                    label: holders.get(h.account.toLowerCase())?.text ?? h.account,
                    title: h.account,
                    value: h.share,
                  }))}
                  format={(v) => formatPercent(v)}
                />
              )}
            </>
          )}
        </QueryState>
      </section>
      <section>
        <h2>History</h2>
        <QueryState query={history}>
          {(page) =>
            page.items.length < 2 ? (
              <Empty>Not enough changes yet to draw a history.</Empty>
            ) : (
              <LineChart
                label="Gini and the largest 10%'s share over time"
                yMax={1}
                formatX={(x) => formatTime(x)}
                formatY={(y) => y.toFixed(2)}
                step
                series={[
                  { name: "Gini", color: "#7a3e9d", points: page.items.map((p) => ({ x: p.timestamp, y: p.gini })) },
                  {
                    name: "Largest 10%'s share",
                    color: "#1f6f50",
                    points: page.items.map((p) => ({ x: p.timestamp, y: p.topHoldersShare })),
                  },
                ]}
              />
            )
          }
        </QueryState>
      </section>
      <section className="wide">
        <h2 id="members-heading">Members</h2>
        <div className="filters">
          <label>
            Find a member by name or address{" "}
            <input type="search" value={q} maxLength={64} spellCheck={false} onChange={(e) => setQ(e.target.value)} />
          </label>
        </div>
        <QueryState query={members}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty>
                {search ? `No member's name contains “${search}”, and no address starts with it.` : "No members yet."}
              </Empty>
            ) : (
              <div className="scroll">
                <table aria-labelledby="members-heading">
                  <thead>
                    <tr>
                      <th scope="col">Member</th>
                      <th scope="col">Shares</th>
                      <th scope="col">Of supply</th>
                      <th scope="col">Voting power</th>
                      <th scope="col">Delegates to</th>
                      <th scope="col">Joined</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((m) => (
                      <tr key={m.account}>
                        <td>
                          <Account address={m.account} collective={address} to={`/c/${address}/members/${m.account}`} />
                          {m.memberCollective && <span className="badge"> collective</span>}
                          {m.leftAt !== null && <span className="badge"> left</span>}
                        </td>
                        <td>{formatShares(m.shares)}</td>
                        <td>{formatPercent(m.shareOfSupply)}</td>
                        <td>{formatShares(m.votingPower)}</td>
                        <td>
                          {m.delegate === null ? (
                            "—"
                          ) : m.delegate === m.account ? (
                            "self"
                          ) : (
                            <Account address={m.delegate} collective={address} />
                          )}
                        </td>
                        <td>{m.joinedAt === null ? "—" : formatTime(m.joinedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </QueryState>
        <More query={members} what="members" />
      </section>
    </div>
  );
}

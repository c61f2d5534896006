/** One member: shares over time, votes with reasons, work and delegations. */
import { LineChart } from "../components/charts";
import { Empty, QueryState } from "../components/QueryState";
import { formatPercent, formatShares, formatTime, proposalTitle, shortAddress } from "../lib/format";
import { useMember } from "../lib/queries";
import { Link } from "../app/router";

export default function MemberProfile({ address, account }: { address: string; account: string }) {
  const member = useMember(address, account);
  return (
    <QueryState query={member}>
      {(m) => (
        <div className="grid">
          <section>
            <h2 title={m.account}>Member {shortAddress(m.account)}</h2>
            <dl className="numbers">
              <div>
                <dt>Shares</dt>
                <dd>
                  {formatShares(m.shares)} ({formatPercent(m.shareOfSupply)})
                </dd>
              </div>
              <div>
                <dt>Voting power</dt>
                <dd>{formatShares(m.votingPower)}</dd>
              </div>
              <div>
                <dt>Delegates to</dt>
                <dd>{m.delegate === null ? "no one" : m.delegate === m.account ? "self" : shortAddress(m.delegate)}</dd>
              </div>
            </dl>
            {m.profileUri && (
              <p>
                Profile:{" "}
                <a href={m.profileUri} rel="noreferrer noopener">
                  {m.profileUri}
                </a>
              </p>
            )}
            {m.shareHistory.items.length > 1 && (
              <LineChart
                label="Shares over time"
                yMax={Math.max(...m.shareHistory.items.map((e) => Number(e.balance)))}
                formatX={formatTime}
                series={[
                  {
                    name: "Shares",
                    color: "#1f6f50",
                    points: m.shareHistory.items.map((e) => ({ x: e.timestamp, y: Number(e.balance) })),
                  },
                ]}
              />
            )}
          </section>
          <section>
            <h2>Votes</h2>
            {m.votes.items.length === 0 ? (
              <Empty>No votes yet.</Empty>
            ) : (
              <ul>
                {m.votes.items.map((v) => (
                  <li key={v.txHash + v.proposalId}>
                    <strong>{v.support}</strong> on{" "}
                    <Link to={`/c/${address}/proposals/${v.proposalId}`}>{proposalTitle(v.description)}</Link>
                    {v.reason && <q>{v.reason}</q>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section>
            <h2>Work</h2>
            {m.work.items.length === 0 ? (
              <Empty>No work yet.</Empty>
            ) : (
              <ul>
                {m.work.items.map((w) => (
                  <li key={w.workId}>
                    {w.title} — {w.state}, {formatShares(w.reward)} shares
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section>
            <h2>Delegations</h2>
            {m.delegations.items.length === 0 ? (
              <Empty>No delegations.</Empty>
            ) : (
              <ul>
                {m.delegations.items.map((d) => (
                  <li key={`${d.blockNumber}-${d.delegator}-${d.toDelegate}`}>
                    {formatTime(d.timestamp)}: {shortAddress(d.delegator)} delegated to {shortAddress(d.toDelegate)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </QueryState>
  );
}

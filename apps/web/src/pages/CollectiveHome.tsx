/** A collective's home: principles, key numbers, rules in words and recent activity. */
import { Link } from "../app/router";
import { Account } from "../components/Account";
import { Asset } from "../components/Asset";
import { Empty, QueryState } from "../components/QueryState";
import { formatDuration, formatEth, formatShares, formatTime, proposalTitle } from "../lib/format";
import { useCollective, useProposals, useTreasury, useWork } from "../lib/queries";

export default function CollectiveHome({ address }: { address: string }) {
  const collective = useCollective(address);
  const proposals = useProposals(address, { limit: 5 });
  const work = useWork(address, { limit: 5 });
  const treasury = useTreasury(address);
  return (
    <QueryState query={collective}>
      {(c) => (
        <div className="grid">
          <section>
            <h2>Principles</h2>
            <ol className="principles">
              {c.principles.map((p) => (
                <li key={p.index}>{p.name}</li>
              ))}
            </ol>
          </section>
          <section>
            <h2>Key numbers</h2>
            <dl className="numbers">
              <div>
                <dt>Members</dt>
                <dd>{c.stats.members}</dd>
              </div>
              <div>
                <dt>Shares</dt>
                <dd>{formatShares(c.stats.totalShares)}</dd>
              </div>
              <div>
                <dt>Treasury</dt>
                <dd>{formatEth(c.stats.treasuryEth)}</dd>
              </div>
              <div>
                <dt>Open proposals</dt>
                <dd>
                  {c.stats.openProposals} of {c.stats.proposals}
                </dd>
              </div>
              <div>
                <dt>Open work</dt>
                <dd>
                  {c.stats.openWork} of {c.stats.work}
                </dd>
              </div>
            </dl>
          </section>
          <section>
            <h2>Rules</h2>
            <ul>
              <li>
                {c.settings.proposalThreshold === "0"
                  ? "Anyone may make a proposal"
                  : `A proposal needs ${formatShares(c.settings.proposalThreshold)} vote${c.settings.proposalThreshold === "1" ? "" : "s"} to be made`}
                ; voting opens after {formatDuration(c.settings.votingDelay)} and lasts{" "}
                {formatDuration(c.settings.votingPeriod)}.
              </li>
              <li>
                {c.settings.countingRule === "members" ? (
                  <>
                    One member, one vote: it passes with more members for than against, and {c.settings.quorumPercent}%
                    of the members voting for or abstaining.
                  </>
                ) : c.settings.countingRule === "both" ? (
                  <>
                    Two houses: it passes only with more for than against both by shares and by members, and{" "}
                    {c.settings.quorumPercent}% of the shares and of the members voting for or abstaining.
                  </>
                ) : (
                  <>
                    It passes with more for than against, and {c.settings.quorumPercent}% of the shares voting for or
                    abstaining.
                  </>
                )}
              </li>
              <li>
                A passed proposal waits {formatDuration(c.settings.timelockDelay)} before it runs, so those who disagree
                can leave; it expires if not run within {formatDuration(c.settings.executionWindow)}.
              </li>
              <li>
                While it waits, objections from {c.settings.vetoPercent}% of the{" "}
                {c.settings.countingRule === "members" ? "members" : "shares"} cancel it (the members&apos; veto).
              </li>
              <li>
                Delivered work can be objected to for {formatDuration(c.settings.reviewWindow)}; objections from{" "}
                {c.settings.objectionThreshold}% of the shares dispute it.
              </li>
            </ul>
          </section>
          <section>
            <h2>Recent proposals</h2>
            <QueryState query={proposals}>
              {(page) =>
                page.items.length === 0 ? (
                  <Empty>No proposals yet.</Empty>
                ) : (
                  <ul>
                    {page.items.slice(0, 5).map((p) => (
                      <li key={p.proposalId}>
                        <Link to={`/c/${address}/proposals/${p.proposalId}`}>{proposalTitle(p.description)}</Link>{" "}
                        <span className={`badge state-${p.state}`}>{p.state}</span>
                      </li>
                    ))}
                  </ul>
                )
              }
            </QueryState>
          </section>
          <section>
            <h2>Recent work</h2>
            <QueryState query={work}>
              {(page) =>
                page.items.length === 0 ? (
                  <Empty>No work yet.</Empty>
                ) : (
                  <ul>
                    {page.items.slice(0, 5).map((w) => (
                      <li key={w.workId}>
                        {w.title} <span className={`badge work-${w.state}`}>{w.state}</span>
                      </li>
                    ))}
                  </ul>
                )
              }
            </QueryState>
          </section>
          <section>
            <h2>Treasury</h2>
            <QueryState query={treasury}>
              {(t) => (
                <>
                  <p>
                    Holds{" "}
                    {t.balances.items.length === 0
                      ? "nothing yet"
                      : t.balances.items.map((b, i) => (
                          <span key={b.token}>
                            {i > 0 && ", "}
                            <Asset token={b.token} amount={b.balance} />
                          </span>
                        ))}
                    .
                  </p>
                  {t.flows.items.length === 0 ? (
                    <Empty>No movements yet.</Empty>
                  ) : (
                    <ul>
                      {t.flows.items.slice(0, 5).map((f) => (
                        <li key={`${f.txHash}-${f.logIndex}`}>
                          {formatTime(f.timestamp)}: {f.kind} of{" "}
                          <Asset token={f.token} amount={f.amount.replace("-", "")} />{" "}
                          {f.amount.startsWith("-") ? "to" : "from"}{" "}
                          <Account address={f.counterparty} collective={address} />
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              )}
            </QueryState>
          </section>
        </div>
      )}
    </QueryState>
  );
}

/** One member: shares over time, votes with reasons, work and delegations; your own profile link. */
import { sharesAbi } from "@rhizome/contracts";
import type { Api } from "@rhizome/client";
import { useMemo, useState } from "react";
import type { Address } from "viem";
import { useAccount } from "wagmi";
import { Link } from "../app/router";
import { LineChart } from "../components/charts";
import { FieldError } from "../components/FieldError";
import { invalidProps, useFocusFirstInvalid } from "../components/fieldErrors";
import { More } from "../components/More";
import { Empty, QueryState } from "../components/QueryState";
import { formatPercent, formatShares, formatTime, proposalTitle, safeHref, shortAddress } from "../lib/format";
import { useCollective, useMember, useMemberVotePages } from "../lib/queries";
import { validateProfile } from "../lib/validation";
import { TxStatus, useTransaction } from "../wallet/useTransaction";

/** The member's own profile link, set on chain with Shares.setProfile; empty clears it. */
function EditProfile({ shares, current }: { shares: Address; current: string | null }) {
  const [uri, setUri] = useState(current ?? "");
  const [error, setError] = useState("");
  const errors = useMemo(() => ({ profile: error }), [error]);
  const formRef = useFocusFirstInvalid<HTMLFormElement>(errors);
  const tx = useTransaction();
  return (
    <form
      ref={formRef}
      className="panel"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (tx.busy) return;
        const result = validateProfile(uri);
        if (!result.ok) return setError(result.errors.profile ?? "");
        setError("");
        void tx.send({ address: shares, abi: sharesAbi, functionName: "setProfile", args: [result.value] });
      }}
    >
      <h3>Your profile</h3>
      <label>
        Link to your profile (https:// or ipfs://; empty to clear)
        <input type="url" value={uri} {...invalidProps("profile", errors)} onChange={(e) => setUri(e.target.value)} />
      </label>
      <FieldError name="profile" errors={errors} />
      <button type="submit" aria-disabled={tx.busy}>
        Save profile
      </button>
      <TxStatus state={tx.state} done="Profile saved." />
    </form>
  );
}

/** The member's votes with reasons, newest first, page by page. */
function Votes({ address, member }: { address: string; member: Api.MemberDetail }) {
  const votes = useMemberVotePages(address, member.account, member.votes);
  const items = votes.data?.items ?? member.votes.items;
  return (
    <section>
      <h2>Votes</h2>
      {items.length === 0 ? (
        <Empty>No votes yet.</Empty>
      ) : (
        <ul>
          {items.map((v) => (
            <li key={v.txHash + v.proposalId}>
              <strong>{v.support}</strong> on{" "}
              <Link to={`/c/${address}/proposals/${v.proposalId}`}>{proposalTitle(v.description)}</Link>
              {v.reason && (
                <>
                  : <q>{v.reason}</q>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <More query={votes} what="votes" />
    </section>
  );
}

export default function MemberProfile({ address, account }: { address: string; account: string }) {
  const member = useMember(address, account);
  const collective = useCollective(address);
  const { address: me } = useAccount();
  const shares = collective.data?.modules.shares as Address | undefined;
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
                {safeHref(m.profileUri) ? (
                  <a href={safeHref(m.profileUri)} rel="noreferrer noopener">
                    {m.profileUri}
                  </a>
                ) : (
                  <span title="Not a link this page opens">{m.profileUri}</span>
                )}
              </p>
            )}
            {shares && me?.toLowerCase() === m.account.toLowerCase() && BigInt(m.shares) > 0n && (
              <EditProfile shares={shares} current={m.profileUri} />
            )}
            {m.shareHistory.items.length > 1 && (
              <LineChart
                label="Shares over time"
                yMax={Math.max(...m.shareHistory.items.map((e) => Number(e.balance)))}
                formatX={formatTime}
                formatY={(y) => y.toLocaleString("en-US")}
                step
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
          <Votes address={address} member={m} />
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

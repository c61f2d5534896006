/** One member: shares over time, votes with reasons, work and delegations; your own profile (name and links). */
import { sharesAbi } from "@rhizome/contracts";
import type { Api } from "@rhizome/client";
import { useState } from "react";
import type { Address } from "viem";
import { useAccount } from "wagmi";
import { Link } from "../app/router";
import { Account, CopyAddress } from "../components/Account";
import { LineChart } from "../components/charts";
import { FieldError } from "../components/FieldError";
import { invalidProps, useFocusFirstInvalid } from "../components/fieldErrors";
import { More } from "../components/More";
import { Empty, QueryState } from "../components/QueryState";
import { formatPercent, formatShares, formatTime, proposalTitle, safeHref } from "../lib/format";
import { useCollective, useMember, useMemberVotePages } from "../lib/queries";
import { validateProfile } from "../lib/validation";
import { TxStatus, useTransaction } from "../wallet/useTransaction";

/** A member's profile as indexed: what the form starts from. */
interface Profile {
  name: string | null;
  avatar: string | null;
  uri: string | null;
}

/**
 * The member's own profile, set on chain with Shares.setProfile as a whole: a display name, a
 * picture link and a profile link; an empty field clears it. The fields start from the profile as
 * indexed, so that changing one of them keeps the others.
 */
function EditProfile({ shares, current }: { shares: Address; current: Profile }) {
  const [name, setName] = useState(current.name ?? "");
  const [avatar, setAvatar] = useState(current.avatar ?? "");
  const [uri, setUri] = useState(current.uri ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
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
        const result = validateProfile({ name, avatar, uri });
        if (!result.ok) return setErrors(result.errors);
        setErrors({});
        const { value } = result;
        void tx.send({
          address: shares,
          abi: sharesAbi,
          functionName: "setProfile",
          args: [value.name, value.avatar, value.uri],
        });
      }}
    >
      <h3>Your profile</h3>
      <label>
        Your name, as others see it (at most 64 bytes; empty for none)
        <input
          type="text"
          value={name}
          autoComplete="nickname"
          {...invalidProps("name", errors)}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <FieldError name="name" errors={errors} />
      <label>
        Link to a picture of you (https:// or ipfs://; empty for none)
        <input
          type="url"
          value={avatar}
          {...invalidProps("avatar", errors)}
          onChange={(e) => setAvatar(e.target.value)}
        />
      </label>
      <FieldError name="avatar" errors={errors} />
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
            <h2>
              Member <Account address={m.account} collective={address} copy={false} />
            </h2>
            <p className="muted">
              <code>{m.account}</code> <CopyAddress address={m.account} />
            </p>
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
                <dd>
                  {m.delegate === null ? (
                    "no one"
                  ) : m.delegate === m.account ? (
                    "self"
                  ) : (
                    <Account address={m.delegate} collective={address} />
                  )}
                </dd>
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
              <EditProfile shares={shares} current={{ name: m.name, avatar: m.avatarUri, uri: m.profileUri }} />
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
                    {formatTime(d.timestamp)}: <Account address={d.delegator} collective={address} /> delegated to{" "}
                    <Account address={d.toDelegate} collective={address} />
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

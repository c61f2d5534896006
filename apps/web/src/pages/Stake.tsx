/** My stake: shares and votes, delegating, and leaving with a preview of the payout. */
import {
  bindingDelegates,
  exitableTokens,
  networkExits,
  releaseBindingDelegates,
  sharesAbi,
  signDelegation,
  treasuryAbi,
  type BindingDelegate,
} from "@rhizome/contracts";
import { useQuery } from "@tanstack/react-query";
import { getWalletClient } from "wagmi/actions";
import type { Api } from "@rhizome/client";
import { useMemo, useState } from "react";
import { zeroAddress, type Address, type PublicClient } from "viem";
import { useAccount, useConfig, usePublicClient } from "wagmi";
import { Account } from "../components/Account";
import { Asset, AssetName } from "../components/Asset";
import { FieldError } from "../components/FieldError";
import { invalidProps, useFocusFirstInvalid } from "../components/fieldErrors";
import { QueryState } from "../components/QueryState";
import { formatPercent, formatShares, formatTime, proposalTitle, shortAddress } from "../lib/format";
import { api, forVotesFromIndex } from "../lib/api";
import { useCollective, useExitAssets, useMember, useMemberVotes, useNetwork, useProposals } from "../lib/queries";
import { exitLocks, ragequitPayout } from "../lib/ragequit";
import { validateDelegate, validateRagequit } from "../lib/validation";
import { delegationBody } from "../lib/relayBodies";
import { hourFromNow, RelayChoice, useRelayedAction, useRelayInfo } from "../wallet/useRelay";
import { TxStatus, useTransaction } from "../wallet/useTransaction";

function Delegation({ collective, shares, member }: { collective: string; shares: Address; member: Api.MemberDetail }) {
  const [to, setTo] = useState("");
  const [error, setError] = useState("");
  const errors = useMemo(() => ({ delegate: error }), [error]);
  const formRef = useFocusFirstInvalid<HTMLFormElement>(errors);
  const tx = useTransaction();
  const relayed = useRelayedAction();
  const relayOn = useRelayInfo();
  const viaRelay = relayOn && !relayed.direct;
  const config = useConfig();
  const publicClient = usePublicClient();
  const busy = tx.busy || relayed.busy;
  /** Delegates to `delegatee`: signed and relayed (no gas) when the service relays, else sent. */
  const delegate = (delegatee: Address) => {
    if (!viaRelay)
      return void tx.send({ address: shares, abi: sharesAbi, functionName: "delegate", args: [delegatee] });
    void relayed.relay(async () => {
      const expiry = await hourFromNow(publicClient as PublicClient);
      const walletClient = await getWalletClient(config);
      return delegationBody(
        collective as Address,
        await signDelegation(
          { publicClient: publicClient as PublicClient, walletClient },
          { shares, delegatee, expiry },
        ),
      );
    });
  };
  const self = member.delegate === null || member.delegate === member.account;
  return (
    <section>
      <h2>Delegation</h2>
      <p>
        {self ? (
          "Your shares vote through you."
        ) : (
          <>
            Your shares vote through <Account address={member.delegate ?? ""} collective={collective} />.
          </>
        )}
      </p>
      <form
        ref={formRef}
        className="panel"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          const result = validateDelegate(to);
          if (!result.ok) return setError(result.errors.delegate ?? "");
          setError("");
          delegate(result.value);
        }}
      >
        <label>
          Delegate your votes to{" "}
          <input
            value={to}
            placeholder="0x…"
            spellCheck={false}
            onChange={(e) => setTo(e.target.value)}
            {...invalidProps("delegate", errors)}
          />
        </label>
        <FieldError name="delegate" errors={errors} />
        <button type="submit" aria-disabled={busy}>
          Delegate
        </button>
        {!self && (
          <button
            type="button"
            className="secondary"
            aria-disabled={busy}
            onClick={() => !busy && delegate(member.account as Address)}
          >
            Undelegate (vote yourself)
          </button>
        )}
        <RelayChoice on={relayOn} relayed={relayed} />
        <TxStatus state={relayed.state.status !== "idle" && tx.state.status === "idle" ? relayed.state : tx.state} />
      </form>
    </section>
  );
}

/**
 * The delegates whose *for* votes bind the member's shares (their delegate's, or the one they took
 * their votes back from while its proposals could still run). Those whose proposals have all ended
 * are released by the Leave button, one transaction each before the exit; the others say why the
 * member must wait.
 */
function DelegateBinds({ collective, bound }: { collective: string; bound: BindingDelegate[] }) {
  if (bound.length === 0) return null;
  return (
    <div role="alert" className="warning">
      {bound.map((b) => (
        <p key={b.delegate}>
          Your shares voted through <Account address={b.delegate} collective={collective} />, whose votes for{" "}
          {b.proposalIds.length === 1 ? "a proposal" : `${b.proposalIds.length} proposals`} bind them too.{" "}
          {b.releasable
            ? "Those proposals have all ended: leaving first releases them (one more transaction to confirm)."
            : "You can leave once each of them is executed, fails, is defeated or expires."}
        </p>
      ))}
    </div>
  );
}

function Ragequit({
  collective,
  member,
  me,
}: {
  collective: Api.CollectiveDetail;
  member: Api.MemberDetail;
  me: Address;
}) {
  const treasury = useExitAssets(collective.address);
  // Tokens the last attempt left out because sending them fails: shown beside the outcome.
  const [leftOut, setLeftOut] = useState<Address[]>([]);
  const votes = useMemberVotes(collective.address, me);
  const proposals = useProposals(collective.address);
  const publicClient = usePublicClient();
  const config = useConfig();
  const held = BigInt(member.shares);
  const [raw, setRaw] = useState(member.shares);
  const [error, setError] = useState("");
  const errors = useMemo(() => ({ shares: error }), [error]);
  const formRef = useFocusFirstInvalid<HTMLFormElement>(errors);
  const tx = useTransaction();
  const governor = collective.modules.governor as Address;
  const bound = useQuery({
    queryKey: ["binding-delegates", collective.address, me, tx.state.status],
    queryFn: () =>
      bindingDelegates(publicClient as PublicClient, {
        governor,
        shares: collective.modules.shares as Address,
        member: me,
        forVotes: forVotesFromIndex,
      }),
    enabled: publicClient !== undefined,
  });
  // The collectives this one is a member of: an exit takes the same part of its shares there.
  const network = useNetwork();
  const holdings = useMemo(() => {
    const names = new Map((network.data?.nodes ?? []).map((n) => [n.address, n.name]));
    return (network.data?.edges ?? [])
      .filter((e) => e.from === collective.address && BigInt(e.shares) > 0n)
      .map((e) => ({ collective: e.to, name: names.get(e.to) ?? shortAddress(e.to), held: BigInt(e.shares) }));
  }, [network.data, collective.address]);
  const supply = BigInt(collective.stats.totalShares);
  const burn = /^[0-9]+$/.test(raw.trim()) ? BigInt(raw.trim()) : 0n;
  const payout = treasury.data ? ragequitPayout(treasury.data.assets, burn, supply) : [];
  const locks = useMemo(() => {
    if (!votes.data || !proposals.data) return [];
    const byId = new Map(proposals.data.items.map((p) => [p.proposalId, p]));
    return exitLocks(votes.data.items, byId, collective.settings);
  }, [votes.data, proposals.data, collective.settings]);
  return (
    <section>
      <h2>Leave (ragequit)</h2>
      <p>Burn some or all of your shares for the same part of the treasury.</p>
      <DelegateBinds collective={collective.address} bound={bound.data ?? []} />
      {locks.length > 0 && (
        <div role="alert" className="warning">
          <p>
            You cannot leave yet: you voted for proposals that can still run. You can leave once each is executed or
            expires:
          </p>
          <ul>
            {locks.map((l) => (
              <li key={l.proposalId}>
                {proposalTitle(l.description)} ({l.state}) — at the latest {formatTime(l.until)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form
        ref={formRef}
        className="panel"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (tx.busy) return;
          const result = validateRagequit(raw, held);
          if (!result.ok) return setError(result.errors.shares ?? "");
          setError("");
          const candidates = (treasury.data?.assets ?? [])
            .map((b) => b.token as Address)
            .filter((t) => t !== zeroAddress);
          setLeftOut([]);
          void tx
            .send(async () => {
              // A delegate's for votes that bind these shares and have all ended are released first.
              await releaseBindingDelegates(
                { publicClient: publicClient as PublicClient, walletClient: await getWalletClient(config) },
                { governor, treasury: collective.modules.treasury as Address, forVotes: forVotesFromIndex },
              );
              const forVotes = await forVotesFromIndex({ governor, voter: me });
              // A token whose transfer reverts would make the whole exit revert: leave it out.
              const { tokens, refused } = await exitableTokens(publicClient as PublicClient, {
                account: me,
                treasury: collective.modules.treasury as Address,
                shares: result.value,
                tokens: candidates,
                forVotes,
              });
              setLeftOut(refused.map((r) => r.token));
              // The collectives this one is a member of, read now if the page has not yet: leaving
              // without passing through them would leave the member's part of them behind.
              const edges = (network.data ?? (await api.network())).edges;
              const memberOf = edges.filter((e) => e.from === collective.address && BigInt(e.shares) > 0n);
              if (memberOf.length > 0) {
                // Through each: its own tokens, and the proofs of this collective's votes there,
                // are read from the index and the chain.
                const others = await Promise.all(
                  memberOf.map(async (e) => {
                    const [detail, assets] = await Promise.all([api.collective(e.to), api.treasury(e.to)]);
                    return {
                      treasury: detail.modules.treasury as Address,
                      tokens: assets.balances.items.map((b) => b.token as Address).filter((t) => t !== zeroAddress),
                    };
                  }),
                );
                const through = await networkExits(publicClient as PublicClient, {
                  treasury: collective.modules.treasury as Address,
                  network: others,
                  forVotes: forVotesFromIndex,
                });
                return {
                  address: collective.modules.treasury as Address,
                  abi: treasuryAbi,
                  functionName: "ragequitAcross",
                  args: [result.value, tokens, forVotes, me, through],
                } as const;
              }
              return {
                address: collective.modules.treasury as Address,
                abi: treasuryAbi,
                functionName: "ragequit",
                args: [result.value, tokens, forVotes],
              } as const;
            })
            // Once the shares are burnt, the preview must not keep promising a payout for them.
            .then((ok) => ok && setRaw(""));
        }}
      >
        <label>
          Shares to burn (you hold {formatShares(held)})
          <input
            inputMode="numeric"
            value={raw}
            onChange={(e) => setRaw(e.target.value)}
            {...invalidProps("shares", errors)}
          />
        </label>
        <FieldError name="shares" errors={errors} />
        <QueryState query={treasury}>
          {(assets) => (
            <>
              <table>
                <caption>
                  You would receive (
                  {supply > 0n ? formatPercent(Number((burn * 1_000_000n) / supply) / 1_000_000, 2) : "0%"} of the
                  treasury)
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Asset</th>
                    <th scope="col">Treasury holds</th>
                    <th scope="col">Your part</th>
                  </tr>
                </thead>
                <tbody>
                  {payout.map((p) => (
                    <tr key={p.token}>
                      <td>
                        <AssetName token={p.token} />
                      </td>
                      <td>
                        <Asset token={p.token} amount={p.balance} />
                      </td>
                      <td>
                        <Asset token={p.token} amount={p.amount} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {holdings.length > 0 && (
                <table>
                  <caption>And from the collectives {collective.name} is a member of, paid by them</caption>
                  <thead>
                    <tr>
                      <th scope="col">Collective</th>
                      <th scope="col">{collective.name} holds</th>
                      <th scope="col">Your part</th>
                    </tr>
                  </thead>
                  <tbody>
                    {holdings.map((h) => (
                      <tr key={h.collective}>
                        <td>{h.name}</td>
                        <td>{formatShares(h.held)} shares</td>
                        <td>
                          {formatShares(supply > 0n ? (h.held * burn) / supply : 0n)} shares, taken out in its assets
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {assets.spam.length > 0 && (
                <p className="hint">
                  Left out: {assets.spam.length}
                  {assets.moreSpam ? "+" : ""} {assets.spam.length === 1 && !assets.moreSpam ? "asset" : "assets"}{" "}
                  marked as spam (their deposits claim more than any token can hold).
                </p>
              )}
            </>
          )}
        </QueryState>
        <button type="submit" className="danger" disabled={held === 0n} aria-disabled={tx.busy}>
          Burn shares and leave
        </button>
        {leftOut.length > 0 && (
          <p role="status">
            Left out of your exit, because sending {leftOut.length === 1 ? "it" : "them"} fails:{" "}
            {leftOut.map((token, i) => (
              <span key={token}>
                {i > 0 && ", "}
                <AssetName token={token} />
              </span>
            ))}
            .
          </p>
        )}
        <TxStatus state={tx.state} done="You have left with your part." />
      </form>
    </section>
  );
}

export default function Stake({ address }: { address: string }) {
  const { address: me } = useAccount();
  const collective = useCollective(address);
  const member = useMember(address, me);
  if (!me) return <p>Connect a wallet to see your stake.</p>;
  if (member.isError)
    return (
      <p>
        <Account address={me} collective={address} /> is not a member of this collective. You can apply to join.
      </p>
    );
  return (
    <QueryState query={member}>
      {(m) => (
        <div className="grid">
          <section>
            <h2>Your stake</h2>
            <dl className="numbers">
              <div>
                <dt>Shares</dt>
                <dd>{formatShares(m.shares)}</dd>
              </div>
              <div>
                <dt>Of the supply</dt>
                <dd>{formatPercent(m.shareOfSupply)}</dd>
              </div>
              <div>
                <dt>Voting power</dt>
                <dd>{formatShares(m.votingPower)}</dd>
              </div>
            </dl>
          </section>
          {collective.data && (
            <Delegation collective={address} shares={collective.data.modules.shares as Address} member={m} />
          )}
          {collective.data && <Ragequit collective={collective.data} member={m} me={me} />}
        </div>
      )}
    </QueryState>
  );
}

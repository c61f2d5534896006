/** One proposal: tally, quorum, actions in words, timeline, votes with reasons, and voting. */
import {
  cancelCall,
  castVoteCall,
  collectiveGovernorAbi,
  executeCall,
  queueCall,
  signVote,
  type ProposalActions,
  type Support,
} from "@rhizome/contracts";
import type { Api } from "@rhizome/client";
import { useState } from "react";
import { zeroAddress, type Address, type Hex, type PublicClient } from "viem";
import { useAccount, useConfig, usePublicClient } from "wagmi";
import { getWalletClient } from "wagmi/actions";
import { Account } from "../components/Account";
import { Asset } from "../components/Asset";
import { FieldError } from "../components/FieldError";
import { errorId } from "../components/fieldErrors";
import { More } from "../components/More";
import { Empty, QueryState } from "../components/QueryState";
import { Tally } from "../components/Tally";
import { Thread } from "../components/Thread";
import { describeRevertData } from "../lib/errors";
import { formatShares, formatTime, proposalTitle } from "../lib/format";
import { useCollective, useProposal, useProposalVotes } from "../lib/queries";
import { voteBody } from "../lib/relayBodies";
import { RelayChoice, useRelayedAction, useRelayInfo } from "../wallet/useRelay";
import { TxStatus, useTransaction } from "../wallet/useTransaction";

const TIMELINE_WORDS: Record<Api.TimelineEvent, string> = {
  created: "Proposed",
  votingStarts: "Voting opens",
  votingEnds: "Voting closes",
  queued: "Queued",
  eta: "Can run from",
  executed: "Executed",
  failed: "Execution failed",
  canceled: "Canceled",
  vetoed: "Vetoed by members",
  expired: "Expired",
};

/**
 * An action in words, as the API says it, except that a payment or a work item's payment in a
 * token reads in the token's own units and symbol ("Pay 250 tEUR to 0x90F7…b906").
 */
function ActionWords({ action, collective }: { action: Api.Action; collective: string }) {
  const args = action.args ?? {};
  if (action.function === "pay" && args.token && args.token !== zeroAddress && args.amount && args.to)
    return (
      <>
        Pay <Asset token={args.token} amount={args.amount} /> to <Account address={args.to} collective={collective} />
      </>
    );
  if (action.function === "commission" && args.paymentToken && args.paymentAmount && BigInt(args.paymentAmount) > 0n)
    return (
      <>
        {action.summary}, paid <Asset token={args.paymentToken} amount={args.paymentAmount} /> when settled
      </>
    );
  return <>{action.summary}</>;
}

function VoteForm({ governor, proposal }: { governor: Address; proposal: Api.ProposalDetail }) {
  const { isConnected } = useAccount();
  const [support, setSupport] = useState<Support | "">("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  const tx = useTransaction();
  const relayed = useRelayedAction();
  const relayOn = useRelayInfo();
  const viaRelay = relayOn && !relayed.direct;
  const config = useConfig();
  const publicClient = usePublicClient();
  if (proposal.state !== "active") return null;
  return (
    <form
      className="panel"
      onSubmit={(event) => {
        event.preventDefault();
        if (tx.busy || relayed.busy) return;
        if (!support) {
          setError("Choose for, against or abstain.");
          // The first choice takes the focus, so the message is read where it can be acted on.
          event.currentTarget.querySelector<HTMLInputElement>('input[name="support"]')?.focus();
          return;
        }
        setError("");
        const proposalId = BigInt(proposal.proposalId);
        const why = reason.trim() || undefined;
        if (viaRelay) {
          // Signed in the wallet (no gas) and sent by the service's relay.
          void relayed.relay(async () =>
            voteBody(
              governor,
              await signVote(
                { publicClient: publicClient as PublicClient, walletClient: await getWalletClient(config) },
                { governor, proposalId, support, reason: why },
              ),
            ),
          );
          return;
        }
        // Without a reason, `castVote`, which costs less gas.
        void tx.send(
          castVoteCall({
            governor,
            proposalId: BigInt(proposal.proposalId),
            support,
            reason: reason.trim() || undefined,
          }),
        );
      }}
    >
      <fieldset aria-describedby={error ? errorId("support") : undefined}>
        <legend>Your vote</legend>
        {(["for", "against", "abstain"] as const satisfies readonly Support[]).map((s) => (
          <label key={s} className="radio">
            <input type="radio" name="support" value={s} checked={support === s} onChange={() => setSupport(s)} /> {s}
          </label>
        ))}
      </fieldset>
      <label>
        Reason (optional)
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
      </label>
      <FieldError name="support" errors={{ support: error }} alert />
      <button type="submit" disabled={!isConnected} aria-disabled={tx.busy || relayed.busy}>
        {isConnected ? "Cast vote" : "Connect a wallet to vote"}
      </button>
      <RelayChoice on={relayOn} relayed={relayed} />
      <TxStatus
        state={relayed.state.status !== "idle" && tx.state.status === "idle" ? relayed.state : tx.state}
        done="Your vote is recorded."
      />
    </form>
  );
}

/** The proposal as the governor names it to `queue`, `execute` and `cancel`: its actions and description. */
function actionsOf(proposal: Api.ProposalDetail): ProposalActions {
  return {
    targets: proposal.actions.map((a) => a.target as Address),
    values: proposal.actions.map((a) => BigInt(a.value)),
    calldatas: proposal.actions.map((a) => a.calldata as Hex),
    description: proposal.description,
  };
}

/** Queue a passed proposal, or execute a queued one once its time has come. */
function RunActions({ governor, proposal }: { governor: Address; proposal: Api.ProposalDetail }) {
  const { isConnected } = useAccount();
  const tx = useTransaction();
  const step = proposal.state === "succeeded" ? "queue" : proposal.state === "queued" ? "execute" : null;
  // After an execute the proposal is no longer queued, but its outcome stays in view.
  if (!step && tx.state.status === "idle") return null;
  const ready = step === "queue" || (proposal.eta !== null && proposal.now >= proposal.eta);
  const actions = actionsOf(proposal);
  return (
    <div className="panel">
      {step === "queue" && <p>The proposal passed. Queue it to start the grace period before it runs.</p>}
      {step === "execute" && (
        <p>
          {ready ? "The grace period is over: anyone can run it." : `It can run from ${formatTime(proposal.eta ?? 0)}.`}
        </p>
      )}
      {step && (
        <button
          type="button"
          disabled={!isConnected || !ready}
          aria-disabled={tx.busy}
          onClick={() =>
            !tx.busy &&
            void tx.send(step === "queue" ? queueCall({ governor, actions }) : executeCall({ governor, actions }))
          }
        >
          {step === "queue" ? "Queue" : "Execute"}
        </button>
      )}
      <TxStatus state={tx.state} />
    </div>
  );
}

/**
 * Members' veto: while a passed proposal waits in the timelock, any member may object to it with
 * a reason; objections from the veto threshold of the shares cancel it for good.
 */
function Veto({ governor, proposal }: { governor: Address; proposal: Api.ProposalDetail }) {
  const { isConnected } = useAccount();
  const [reason, setReason] = useState("");
  const tx = useTransaction();
  const open = proposal.state === "queued" && proposal.eta !== null && proposal.now < proposal.eta;
  if (!open && !proposal.vetoed && proposal.vetoVotes === "0" && tx.state.status === "idle") return null;
  return (
    <div className="panel">
      <h4>Objections</h4>
      <p>
        {formatShares(proposal.vetoVotes)} of {proposal.vetoQuorum === null ? "…" : formatShares(proposal.vetoQuorum)}{" "}
        needed to cancel it.
        {proposal.vetoed && " Members vetoed it during the grace period: it will not run."}
      </p>
      {open && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (tx.busy) return;
            void tx
              .send({
                address: governor,
                abi: collectiveGovernorAbi,
                functionName: "veto",
                args: [BigInt(proposal.proposalId), reason.trim()],
              })
              .then((ok) => ok && setReason(""));
          }}
        >
          <p>
            Until it can run ({formatTime(proposal.eta ?? 0)}), members who cannot live with it may object: with enough
            objections it is cancelled.
          </p>
          <label>
            Why you object (optional)
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
          </label>
          <button type="submit" disabled={!isConnected} aria-disabled={tx.busy}>
            Object to it
          </button>
        </form>
      )}
      <TxStatus state={tx.state} done="Your objection is recorded." />
      {proposal.vetoes.length > 0 && (
        <ul>
          {proposal.vetoes.map((v) => (
            <li key={v.txHash + v.voter}>
              <Account address={v.voter} collective={governor} /> objected with {formatShares(v.weight)}
              {v.reason && (
                <>
                  : <q>{v.reason}</q>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The proposer may withdraw their proposal until its vote opens, as the governor allows. */
function CancelProposal({ governor, proposal }: { governor: Address; proposal: Api.ProposalDetail }) {
  const { address } = useAccount();
  const tx = useTransaction();
  const pending = proposal.state === "pending";
  // Once sent, the outcome stays in view though the live update has already made the proposal canceled.
  if (tx.state.status === "idle" && (!pending || address?.toLowerCase() !== proposal.proposer.toLowerCase()))
    return null;
  return (
    <div className="panel">
      {pending && (
        <>
          <p>Voting opens after {formatTime(proposal.snapshot)}. Until then, as its proposer, you can withdraw it.</p>
          <button
            type="button"
            aria-disabled={tx.busy}
            onClick={() => !tx.busy && void tx.send(cancelCall({ governor, actions: actionsOf(proposal) }))}
          >
            Cancel proposal
          </button>
        </>
      )}
      <TxStatus state={tx.state} done="The proposal is canceled." />
    </div>
  );
}

export default function ProposalDetail({ address, id }: { address: string; id: string }) {
  const proposal = useProposal(address, id);
  const collective = useCollective(address);
  return (
    <QueryState query={proposal}>
      {(p) => (
        <article className="grid">
          <section className="wide">
            <h2>{proposalTitle(p.description)}</h2>
            <p>
              <span className={`badge state-${p.state}`}>{p.state}</span> <span className="badge">{p.kind}</span>{" "}
              proposed by <Account address={p.proposer} collective={address} /> on {formatTime(p.createdAt)}
            </p>
            {p.state === "failed" && (
              <p className="error" role="status">
                Its execution failed and nothing it asked for happened:{" "}
                {describeRevertData((p.failureReason ?? "0x") as Hex)} It is over for good, so no one who voted for it
                is kept from leaving.
              </p>
            )}
            {p.description.includes("\n") && (
              <p className="pre">
                {p.description.slice(p.description.indexOf("\n") + 1).replace(/#proposer=0x[0-9a-fA-F]{40}$/, "")}
              </p>
            )}
          </section>
          <section>
            <h3>What it does</h3>
            <ol>
              {p.actions.map((a, i) => (
                <li key={i}>
                  <ActionWords action={a} collective={address} />
                </li>
              ))}
            </ol>
          </section>
          <section>
            <h3>Tally</h3>
            <Tally proposal={p} />
            {collective.data && <VoteForm governor={collective.data.modules.governor as Address} proposal={p} />}
            {collective.data && <RunActions governor={collective.data.modules.governor as Address} proposal={p} />}
            {collective.data && <Veto governor={collective.data.modules.governor as Address} proposal={p} />}
            {collective.data && <CancelProposal governor={collective.data.modules.governor as Address} proposal={p} />}
          </section>
          <section>
            <h3>Timeline</h3>
            <ol className="timeline">
              {p.timeline.map((t) => (
                <li key={t.event} className={t.past ? "past" : "future"}>
                  {TIMELINE_WORDS[t.event]}: {formatTime(t.timestamp)}
                  {t.past ? "" : " (to come)"}
                </li>
              ))}
            </ol>
          </section>
          <Votes address={address} proposal={p} />
          <Thread address={address} kind="proposal" id={p.proposalId} wide />
        </article>
      )}
    </QueryState>
  );
}

/** The votes with their reasons, newest first, page by page. */
function Votes({ address, proposal }: { address: string; proposal: Api.ProposalDetail }) {
  const votes = useProposalVotes(address, proposal.proposalId, proposal.votes);
  const items = votes.data?.items ?? proposal.votes.items;
  return (
    <section>
      <h3>Votes</h3>
      {items.length === 0 ? (
        <Empty>No votes yet.</Empty>
      ) : (
        <ul>
          {items.map((v) => (
            <li key={v.txHash + v.voter}>
              <Account address={v.voter} collective={address} /> voted <strong>{v.support}</strong> with{" "}
              {proposal.countingRule === "members"
                ? `${formatShares(v.weight)} member vote${v.weight === "1" ? "" : "s"}`
                : formatShares(v.weight)}
              {v.memberWeight !== null && ` (${formatShares(v.memberWeight)} by members)`}
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

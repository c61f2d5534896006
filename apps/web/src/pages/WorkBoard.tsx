/** The work board by state and principle: take a bounty, deliver, object, settle. */
import { signObjection, workAbi } from "@rhizome/contracts";
import { WORK_STATES, type Api } from "@rhizome/client";
import { useMemo, useState } from "react";
import { zeroAddress, type Address, type PublicClient } from "viem";
import { useAccount, useBlock, useConfig, usePublicClient } from "wagmi";
import { getWalletClient } from "wagmi/actions";
import { Account } from "../components/Account";
import { Asset } from "../components/Asset";
import { FieldError } from "../components/FieldError";
import { invalidProps, useFocusFirstInvalid } from "../components/fieldErrors";
import { CommentCount, FoldedThread } from "../components/Discussion";
import { More } from "../components/More";
import { Empty, QueryState } from "../components/QueryState";
import { formatShares, formatTime, safeHref } from "../lib/format";
import { useCollective, useWorkPages } from "../lib/queries";
import { objectionBody } from "../lib/relayBodies";
import { hourFromNow, RelayChoice, useRelayedAction, useRelayInfo } from "../wallet/useRelay";
import { TxStatus, useTransaction, type ContractCall } from "../wallet/useTransaction";

/** What a member does to a work item from the board. */
type WorkFunction = "take" | "deliver" | "object" | "settle";

function WorkActions({
  governor,
  work,
  item,
  now,
}: {
  governor: Address;
  work: Address;
  item: Api.WorkItem;
  now: number;
}) {
  const { address: me } = useAccount();
  const tx = useTransaction();
  // An objection is signed and relayed (no gas) when the service relays; the rest are sent.
  const relayed = useRelayedAction();
  const relayOn = useRelayInfo();
  const config = useConfig();
  const publicClient = usePublicClient();
  const busy = tx.busy || relayed.busy;
  const [text, setText] = useState("");
  const [error, setError] = useState("");
  const errors = useMemo(() => ({ [`work-${item.workId}-text`]: error }), [error, item.workId]);
  const formRef = useFocusFirstInvalid<HTMLDivElement>(errors);
  const id = BigInt(item.workId);
  if (!me) return null;
  const mine = item.contributor.toLowerCase() === me.toLowerCase();
  const send = (call: ContractCall<typeof workAbi, WorkFunction>) => !busy && void tx.send(call);
  const object = (reason: string) =>
    !busy &&
    void relayed.relay(async () =>
      objectionBody(
        governor,
        await signObjection(
          { publicClient: publicClient as PublicClient, walletClient: await getWalletClient(config) },
          { work, id, reason, deadline: await hourFromNow(publicClient as PublicClient) },
        ),
      ),
    );
  const field = `work-${item.workId}-text`;
  const withText = (functionName: "deliver" | "object", label: string) => (
    <form
      className="inline"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return setError(`${label} is required.`);
        setError("");
        if (functionName === "object" && relayOn && !relayed.direct) return void object(text.trim());
        send({ address: work, abi: workAbi, functionName, args: [id, text.trim()] });
      }}
    >
      <label>
        {label} <input value={text} onChange={(e) => setText(e.target.value)} {...invalidProps(field, errors)} />
      </label>
      <button type="submit" aria-disabled={tx.busy}>
        {functionName === "deliver" ? "Deliver" : "Object"}
      </button>
    </form>
  );
  return (
    <div className="actions" ref={formRef}>
      {item.state === "commissioned" && item.contributor === zeroAddress && (
        <button
          type="button"
          aria-disabled={tx.busy}
          onClick={() => send({ address: work, abi: workAbi, functionName: "take", args: [id] })}
        >
          Take this bounty
        </button>
      )}
      {item.state === "commissioned" && mine && withText("deliver", "Link to the delivery")}
      {item.state === "delivered" &&
        item.reviewEnds !== null &&
        now < item.reviewEnds &&
        !mine &&
        withText("object", "Why you object")}
      {item.state === "delivered" && item.reviewEnds !== null && now > item.reviewEnds && (
        <button
          type="button"
          aria-disabled={tx.busy}
          onClick={() => send({ address: work, abi: workAbi, functionName: "settle", args: [id] })}
        >
          Settle
        </button>
      )}
      <FieldError name={field} errors={errors} alert />
      {item.state === "delivered" && !mine && <RelayChoice on={relayOn} relayed={relayed} />}
      <TxStatus state={relayed.state.status !== "idle" && tx.state.status === "idle" ? relayed.state : tx.state} />
    </div>
  );
}

export default function WorkBoard({ address }: { address: string }) {
  const [state, setState] = useState("");
  const [principle, setPrinciple] = useState("");
  const collective = useCollective(address);
  const work = useWorkPages(address, { ...(state ? { state } : {}), ...(principle ? { principle } : {}) });
  const module = collective.data?.modules.work as Address | undefined;
  // The review window closes by the chain's clock, which can run ahead of this computer's (a
  // local chain moved forward in time): the latest block's time, or the wall clock if later.
  const block = useBlock({ watch: true });
  const now = Math.max(Date.now() / 1000, Number(block.data?.timestamp ?? 0n));
  return (
    <section>
      <h2>Work</h2>
      <div className="filters">
        <label>
          State{" "}
          <select value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">any</option>
            {WORK_STATES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Principle{" "}
          <select value={principle} onChange={(e) => setPrinciple(e.target.value)}>
            <option value="">any</option>
            {collective.data?.principles.map((p) => (
              <option key={p.index} value={p.index}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState query={work}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No work matches.</Empty>
          ) : (
            <ul className="cards">
              {page.items.map((w) => (
                <li key={w.workId} className="card" id={`work-${w.workId}`}>
                  <h3>{w.title}</h3>
                  <p>
                    <span className={`badge work-${w.state}`}>{w.state}</span> under “
                    {w.principleName ?? `principle ${w.principle}`}” · {formatShares(w.reward)} shares
                    {BigInt(w.paymentAmount) > 0n && (
                      <>
                        {" + "}
                        <Asset token={w.paymentToken} amount={w.paymentAmount} />
                      </>
                    )}{" "}
                    · <CommentCount count={w.commentCount} />
                  </p>
                  <p>
                    {w.contributor === zeroAddress ? (
                      "Open bounty: any member may take it."
                    ) : (
                      <>
                        Contributor <Account address={w.contributor} collective={address} />
                      </>
                    )}
                    {w.specUri && safeHref(w.specUri) && (
                      <>
                        {" "}
                        ·{" "}
                        <a href={safeHref(w.specUri)} rel="noreferrer noopener">
                          spec
                        </a>
                      </>
                    )}
                    {w.deliveryUri && safeHref(w.deliveryUri) && (
                      <>
                        {" "}
                        ·{" "}
                        <a href={safeHref(w.deliveryUri)} rel="noreferrer noopener">
                          delivery
                        </a>
                      </>
                    )}
                  </p>
                  {w.state === "delivered" && w.reviewEnds !== null && (
                    <p>
                      Review until {formatTime(w.reviewEnds)}; objections {formatShares(w.objectionWeight)} of{" "}
                      {w.objectionQuorum ? formatShares(w.objectionQuorum) : "?"} needed to dispute.
                    </p>
                  )}
                  {module && <WorkActions governor={address as Address} work={module} item={w} now={now} />}
                  <FoldedThread address={address} kind="work" id={String(w.workId)} count={w.commentCount} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <More query={work} what="work items" />
    </section>
  );
}

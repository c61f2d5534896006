/** Applying to join: a pitch and the shares requested; your applications and withdrawing them. */
import { sharesAbi } from "@rhizome/contracts";
import { useState } from "react";
import type { Address } from "viem";
import { useAccount } from "wagmi";
import { Account } from "../components/Account";
import { FieldError } from "../components/FieldError";
import { invalidProps, useFocusFirstInvalid } from "../components/fieldErrors";
import { CommentCount, FoldedThread } from "../components/Discussion";
import { More } from "../components/More";
import { Empty, QueryState } from "../components/QueryState";
import { formatShares, formatTime } from "../lib/format";
import { useApplications, useCollective } from "../lib/queries";
import { validateApplication } from "../lib/validation";
import { TxStatus, useTransaction } from "../wallet/useTransaction";

export default function Apply({ address }: { address: string }) {
  const collective = useCollective(address);
  const applications = useApplications(address, { status: "open" });
  const { address: me } = useAccount();
  const [form, setForm] = useState({ shares: "", pitch: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstInvalid<HTMLFormElement>(errors);
  const tx = useTransaction();
  const withdraw = useTransaction();
  const shares = collective.data?.modules.shares as Address | undefined;
  return (
    <div className="grid">
      <section>
        <h2>Apply to join</h2>
        <form
          ref={formRef}
          className="panel"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (tx.busy) return;
            const result = validateApplication(form);
            if (!result.ok) return setErrors(result.errors);
            setErrors({});
            if (shares)
              void tx
                .send({
                  address: shares,
                  abi: sharesAbi,
                  functionName: "applyForMembership",
                  args: [result.value.shares, result.value.pitch],
                })
                .then((ok) => ok && setForm({ shares: "", pitch: "" }));
          }}
        >
          <label>
            Shares you ask for
            <input
              inputMode="numeric"
              value={form.shares}
              {...invalidProps("shares", errors)}
              onChange={(e) => setForm({ ...form, shares: e.target.value })}
            />
          </label>
          <FieldError name="shares" errors={errors} />
          <label>
            Your pitch: who you are and what you bring
            <textarea
              rows={4}
              value={form.pitch}
              {...invalidProps("pitch", errors)}
              onChange={(e) => setForm({ ...form, pitch: e.target.value })}
            />
          </label>
          <FieldError name="pitch" errors={errors} />
          {/* Not disabled while sending, so the focus stays on it until the answer comes. */}
          <button type="submit" disabled={!me} aria-disabled={tx.busy}>
            {me ? "Apply" : "Connect a wallet to apply"}
          </button>
          <TxStatus state={tx.state} done="Your application is in: a member can now sponsor it." />
        </form>
      </section>
      <section>
        <h2>Open applications</h2>
        <QueryState query={applications}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty>No open applications.</Empty>
            ) : (
              <ul>
                {page.items.map((a) => (
                  <li key={a.applicationId} id={`application-${a.applicationId}`}>
                    #{a.applicationId} <Account address={a.applicant} collective={address} /> asks for{" "}
                    {formatShares(a.requestedShares)} shares ({formatTime(a.submittedAt)}): <q>{a.pitch}</q>{" "}
                    <CommentCount count={a.commentCount} />
                    {me && shares && a.applicant.toLowerCase() === me.toLowerCase() && (
                      <button
                        type="button"
                        className="secondary"
                        disabled={withdraw.busy}
                        onClick={() =>
                          void withdraw.send({
                            address: shares,
                            abi: sharesAbi,
                            functionName: "withdrawApplication",
                            args: [BigInt(a.applicationId)],
                          })
                        }
                      >
                        Withdraw
                      </button>
                    )}
                    <FoldedThread
                      address={address}
                      kind="application"
                      id={String(a.applicationId)}
                      count={a.commentCount}
                    />
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
        <More query={applications} what="applications" />
        <TxStatus state={withdraw.state} />
      </section>
    </div>
  );
}

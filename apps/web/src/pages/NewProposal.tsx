/** A new proposal by kind: work, admission, payment, parameter change or a custom call. */
import {
  admissionProposal,
  collectiveGovernorAbi,
  collectiveTimelockAbi,
  paymentProposal,
  restrictToProposer,
  workAbi,
  workProposal,
  type ProposalActions,
} from "@rhizome/contracts";
import type { Api } from "@rhizome/indexer";
import { useState } from "react";
import { encodeFunctionData, type Address } from "viem";
import { useAccount } from "wagmi";
import { navigate } from "../app/router";
import { formatShares, shortAddress } from "../lib/format";
import { useApplications, useCollective, useTreasury } from "../lib/queries";
import {
  PARAMETERS,
  validateAdmission,
  validateCustomCall,
  validateParameter,
  validatePayment,
  validateWork,
  type Parameter,
  type Validated,
} from "../lib/validation";
import { TxStatus, useTransaction } from "../wallet/useTransaction";

type Kind = "work" | "admission" | "payment" | "parameter" | "custom";
type Form = Record<string, string>;

const FIELDS: Record<Kind, [string, string, "text" | "textarea" | "principle" | "application" | "parameter"][]> = {
  work: [
    ["title", "Title", "text"],
    ["specUri", "Link to the spec", "text"],
    ["principle", "Principle", "principle"],
    ["reward", "Reward in shares", "text"],
    ["paymentEth", "Payment in ETH (optional)", "text"],
    ["contributor", "Contributor (empty: an open bounty)", "text"],
    ["description", "Why (the proposal's description)", "textarea"],
  ],
  admission: [
    ["applicationId", "Application", "application"],
    ["shares", "Shares to mint", "text"],
    ["description", "Description", "textarea"],
  ],
  payment: [
    ["to", "Recipient", "text"],
    ["amountEth", "Amount in ETH", "text"],
    ["description", "Description", "textarea"],
  ],
  parameter: [
    ["parameter", "Parameter", "parameter"],
    ["value", "New value", "text"],
    ["description", "Description", "textarea"],
  ],
  custom: [
    ["target", "Target contract", "text"],
    ["valueEth", "ETH to send", "text"],
    ["calldata", "Calldata (hex)", "text"],
    ["description", "Description", "textarea"],
  ],
};

/** The proposal's actions, or what is wrong with the form. */
function build(kind: Kind, form: Form, c: Api.CollectiveDetail, treasuryWei: bigint): Validated<ProposalActions> {
  const m = c.modules as Record<"governor" | "shares" | "timelock" | "treasury" | "work", Address>;
  const f = (k: string) => form[k] ?? "";
  const map = <T,>(r: Validated<T>, fn: (v: T) => ProposalActions): Validated<ProposalActions> =>
    r.ok ? { ok: true, value: fn(r.value) } : r;
  switch (kind) {
    case "work":
      return map(
        validateWork(
          {
            title: f("title"),
            specUri: f("specUri"),
            principle: f("principle"),
            reward: f("reward"),
            paymentEth: f("paymentEth"),
            contributor: f("contributor"),
            description: f("description"),
          },
          c.principles.length,
        ),
        (v) =>
          workProposal(
            m,
            {
              title: v.title,
              specUri: v.specUri,
              principle: v.principle,
              reward: v.reward,
              ...(v.contributor ? { contributor: v.contributor } : {}),
              ...(v.payment > 0n ? { payment: { amount: v.payment } } : {}),
            },
            v.description,
          ),
      );
    case "admission":
      return map(
        validateAdmission({ applicationId: f("applicationId"), shares: f("shares"), description: f("description") }),
        (v) => admissionProposal(m, v.applicationId, v.shares, v.description),
      );
    case "payment":
      return map(
        validatePayment({ to: f("to"), amountEth: f("amountEth"), description: f("description") }, treasuryWei),
        (v) => paymentProposal(m, { to: v.to, amount: v.amount }, v.description),
      );
    case "parameter":
      return map(
        validateParameter({ parameter: f("parameter"), value: f("value"), description: f("description") }),
        (v) => {
          const spec = PARAMETERS[v.parameter];
          const abi =
            spec.module === "governor"
              ? collectiveGovernorAbi
              : spec.module === "timelock"
                ? collectiveTimelockAbi
                : workAbi;
          const data = encodeFunctionData({
            abi,
            functionName: spec.fn,
            args: [spec.max > 2n ** 53n ? v.value : Number(v.value)],
          } as never);
          return { targets: [m[spec.module]], values: [0n], calldatas: [data], description: v.description };
        },
      );
    case "custom":
      return map(
        validateCustomCall({
          target: f("target"),
          valueEth: f("valueEth"),
          calldata: f("calldata"),
          description: f("description"),
        }),
        (v) => ({ targets: [v.target], values: [v.value], calldatas: [v.calldata], description: v.description }),
      );
  }
}

export default function NewProposal({ address }: { address: string }) {
  const collective = useCollective(address);
  const treasury = useTreasury(address);
  const applications = useApplications(address, { status: "open" });
  const { address: me } = useAccount();
  const [kind, setKind] = useState<Kind>("work");
  const [form, setForm] = useState<Form>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const tx = useTransaction();
  const c = collective.data;
  if (!c) return null;
  const field = ([name, label, type]: (typeof FIELDS)[Kind][number]) => {
    const props = {
      value: form[name] ?? "",
      "aria-invalid": !!errors[name],
      "aria-describedby": `${name}-error`,
      onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    };
    let control;
    if (type === "textarea") control = <textarea rows={3} {...props} />;
    else if (type === "principle")
      control = (
        <select {...props}>
          <option value="">choose…</option>
          {c.principles.map((p) => (
            <option key={p.index} value={p.index}>
              {p.name}
            </option>
          ))}
        </select>
      );
    else if (type === "application")
      control = (
        <select {...props}>
          <option value="">choose…</option>
          {applications.data?.items.map((a) => (
            <option key={a.applicationId} value={a.applicationId}>
              #{a.applicationId} {shortAddress(a.applicant)} asks {formatShares(a.requestedShares)} shares
            </option>
          ))}
        </select>
      );
    else if (type === "parameter")
      control = (
        <select {...props}>
          <option value="">choose…</option>
          {(Object.keys(PARAMETERS) as Parameter[]).map((p) => (
            <option key={p} value={p}>
              {PARAMETERS[p].label} (now {String(c.settings[p])})
            </option>
          ))}
        </select>
      );
    else control = <input {...props} />;
    return (
      <div key={name}>
        <label>
          {label}
          {control}
        </label>
        {errors[name] && (
          <p id={`${name}-error`} className="error">
            {errors[name]}
          </p>
        )}
      </div>
    );
  };
  return (
    <section>
      <h2>New proposal</h2>
      <form
        className="panel"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const result = build(kind, form, c, BigInt(treasury.data?.eth ?? "0"));
          if (!result.ok) return setErrors(result.errors);
          setErrors({});
          if (!me) return;
          const a = result.value;
          void tx
            .send({
              address: c.modules.governor as Address,
              abi: collectiveGovernorAbi,
              functionName: "propose",
              args: [a.targets, a.values, a.calldatas, restrictToProposer(a.description, me)],
            })
            .then((ok) => ok && navigate(`/c/${address}/proposals`));
        }}
      >
        <label>
          Kind
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setErrors({});
            }}
          >
            <option value="work">Work</option>
            <option value="admission">Admit an applicant</option>
            <option value="payment">Payment (ETH)</option>
            <option value="parameter">Parameter change</option>
            <option value="custom">Custom call</option>
          </select>
        </label>
        {FIELDS[kind].map(field)}
        <button type="submit" disabled={!me || tx.busy}>
          {me ? "Propose" : "Connect a wallet to propose"}
        </button>
        <TxStatus state={tx.state} done="Proposed." />
      </form>
    </section>
  );
}

/** A new proposal by kind: work, admission, payment, parameter change or a custom call. */
import {
  admissionProposal,
  parameterProposal,
  paymentProposal,
  proposeCall,
  restrictToProposer,
  workProposal,
  type ProposalActions,
} from "@rhizome/contracts";
import type { Api } from "@rhizome/client";
import { useState } from "react";
import { zeroAddress, type Address } from "viem";
import { useAccount } from "wagmi";
import { navigate } from "../app/router";
import { FieldError } from "../components/FieldError";
import { invalidProps, useFocusFirstInvalid } from "../components/fieldErrors";
import { formatShares, formatUnitsOf, shortAddress, type TokenInfo } from "../lib/format";
import { useAccountNames } from "../lib/names";
import { useApplications, useCollective, useTreasury } from "../lib/queries";
import { useTokens } from "../lib/tokens";
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
/** An asset the treasury holds: what it is called, its decimals, and the balance. */
type Held = TokenInfo & { token: Address; held: bigint };

const FIELDS: Record<
  Kind,
  [string, string, "text" | "textarea" | "principle" | "application" | "parameter" | "asset"][]
> = {
  work: [
    ["title", "Title", "text"],
    ["specUri", "Link to the spec", "text"],
    ["principle", "Principle", "principle"],
    ["reward", "Reward in shares", "text"],
    ["paymentToken", "Payment asset", "asset"],
    ["payment", "Payment (optional), paid when the work is settled", "text"],
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
    ["token", "Asset", "asset"],
    ["amount", "Amount", "text"],
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

/** The proposal's actions, or what is wrong with the form. `assets[0]` is ETH. */
function build(kind: Kind, form: Form, c: Api.CollectiveDetail, assets: Held[]): Validated<ProposalActions> {
  const m = c.modules as Record<"governor" | "shares" | "timelock" | "treasury" | "work", Address>;
  const f = (k: string) => form[k] ?? "";
  const asset = (k: string) => assets.find((a) => a.token === (form[k] || zeroAddress)) ?? (assets[0] as Held);
  const token = (a: Held) => (a.token === zeroAddress ? {} : { token: a.token });
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
            payment: f("payment"),
            contributor: f("contributor"),
            description: f("description"),
          },
          c.principles.length,
          asset("paymentToken"),
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
              ...(v.payment > 0n ? { payment: { amount: v.payment, ...token(asset("paymentToken")) } } : {}),
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
        validatePayment({ to: f("to"), amount: f("amount"), description: f("description") }, asset("token")),
        (v) => paymentProposal(m, { to: v.to, amount: v.amount, ...token(asset("token")) }, v.description),
      );
    case "parameter":
      return map(
        validateParameter({ parameter: f("parameter"), value: f("value"), description: f("description") }),
        (v) => parameterProposal(m, v.parameter, v.value, v.description),
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
  // Every open application to choose from (the API's largest page), not the first twenty.
  const applications = useApplications(address, { status: "open" }, 200);
  const applicants = useAccountNames(address, applications.data?.items.map((a) => a.applicant) ?? []);
  const { address: me } = useAccount();
  const [kind, setKind] = useState<Kind>("work");
  const [form, setForm] = useState<Form>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstInvalid<HTMLFormElement>(errors);
  const tx = useTransaction();
  const balances = treasury.data?.balances.items ?? [];
  const infos = useTokens(balances.map((b) => b.token));
  // ETH first, always (the treasury may hold none yet), then each token the treasury holds.
  const assets: Held[] = [
    { token: zeroAddress, held: BigInt(treasury.data?.eth ?? "0"), symbol: "ETH", decimals: 18 },
    ...balances
      .filter((b) => b.token !== zeroAddress)
      .map((b) => ({
        token: b.token as Address,
        held: BigInt(b.balance),
        // Until the token's symbol and decimals are read, amounts are in its base units.
        ...(infos.get(b.token.toLowerCase()) ?? { symbol: `base units of ${shortAddress(b.token)}`, decimals: 0 }),
      })),
  ];
  const c = collective.data;
  if (!c) return null;
  const symbolOf = (k: string) => (assets.find((a) => a.token === (form[k] || zeroAddress)) ?? assets[0])?.symbol;
  const field = ([name, fixedLabel, type]: (typeof FIELDS)[Kind][number]) => {
    const label =
      name === "amount"
        ? `Amount in ${symbolOf("token")}`
        : name === "payment"
          ? `Payment in ${symbolOf("paymentToken")} (optional), paid when the work is settled`
          : fixedLabel;
    const props = {
      value: form[name] ?? "",
      ...invalidProps(name, errors),
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
              #{a.applicationId} {applicants.get(a.applicant.toLowerCase())?.text ?? shortAddress(a.applicant)} asks{" "}
              {formatShares(a.requestedShares)} shares
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
    else if (type === "asset")
      control = (
        <select {...props}>
          {assets.map((a) => (
            <option key={a.token} value={a.token}>
              {a.symbol} (the treasury holds {formatUnitsOf(a.held, a)})
            </option>
          ))}
        </select>
      );
    else control = <input {...props} inputMode={name === "reward" || name === "shares" ? "numeric" : undefined} />;
    return (
      <div key={name}>
        <label>
          {label}
          {control}
        </label>
        <FieldError name={name} errors={errors} />
      </div>
    );
  };
  return (
    <section>
      <h2>New proposal</h2>
      <form
        ref={formRef}
        className="panel"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (tx.busy) return;
          const result = build(kind, form, c, assets);
          if (!result.ok) return setErrors(result.errors);
          setErrors({});
          if (!me) return;
          const a = result.value;
          void tx
            .send(
              proposeCall({
                governor: c.modules.governor as Address,
                actions: { ...a, description: restrictToProposer(a.description, me) },
              }),
            )
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
            <option value="payment">Payment</option>
            <option value="parameter">Parameter change</option>
            <option value="custom">Custom call</option>
          </select>
        </label>
        {FIELDS[kind].map(field)}
        {/* Not disabled while sending, so the focus stays on it until the answer comes. */}
        <button type="submit" disabled={!me} aria-disabled={tx.busy}>
          {me ? "Propose" : "Connect a wallet to propose"}
        </button>
        <TxStatus state={tx.state} done="Proposed." />
      </form>
    </section>
  );
}

/**
 * Create a collective: its name and share symbol, its principles, the founding members and
 * their shares, and the rules it governs itself by; made in one transaction by the factory
 * the service indexes, then opened once the index has it.
 */
import { collectiveFactoryAbi, parseCollectiveCreated, settingsStruct, type CountingRule } from "@rhizome/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { Address } from "viem";
import { useAccount } from "wagmi";
import { navigate } from "../app/router";
import { FieldError } from "../components/FieldError";
import { errorId, invalidProps, useFocusFirstInvalid } from "../components/fieldErrors";
import { QueryState } from "../components/QueryState";
import { api } from "../lib/api";
import { useChainInfo } from "../lib/queries";
import { validateCollective, type FounderRow, type RulesForm } from "../lib/validation";
import { TxStatus, useTransaction } from "../wallet/useTransaction";

const RULES: [Exclude<keyof RulesForm, "countingRule">, string, string][] = [
  ["votingDelayHours", "Voting opens after (hours)", "From a proposal to the start of its vote; 0 opens it at once."],
  ["votingPeriodDays", "Voting lasts (days)", "How long a vote stays open."],
  ["quorumPercent", "Quorum (% of shares)", "Shares that must vote for or abstain for a proposal to pass."],
  ["proposalThreshold", "Shares needed to propose", "0 lets anyone propose; members with fewer can ask for a sponsor."],
  [
    "timelockDelayHours",
    "Grace period (hours)",
    "From a passed vote to running it: time for those who disagree to leave.",
  ],
  ["executionWindowDays", "Execution window (days)", "A passed proposal not run within this expires."],
  [
    "vetoPercent",
    "Veto during the grace period (% of shares)",
    "Objections from this many shares cancel a passed proposal before it runs (1 to 50).",
  ],
  ["reviewWindowDays", "Review window for delivered work (days)", "How long members may object to delivered work."],
  ["objectionThreshold", "Objections that dispute work (% of shares)", "Disputed work goes to a vote."],
];

const DEFAULT_RULES: RulesForm = {
  votingDelayHours: "1",
  votingPeriodDays: "3",
  quorumPercent: "20",
  proposalThreshold: "1",
  timelockDelayHours: "24",
  executionWindowDays: "14",
  reviewWindowDays: "2",
  objectionThreshold: "10",
  vetoPercent: "25",
  countingRule: "shares",
};

/** How votes can count, in the members' words. */
export const COUNTING: [CountingRule, string, string][] = [
  ["shares", "By shares", "Each share is a vote: those who earned more ownership weigh more."],
  [
    "members",
    "One member, one vote",
    "Each member has one vote, whatever their shares; quorum and objections count members.",
  ],
  ["both", "Two houses", "A proposal passes only if it passes both by shares and by members, each with its quorum."],
];

/** Waits until the API has indexed the collective `governor`, for up to half a minute. */
async function indexed(governor: string): Promise<boolean> {
  for (let i = 0; i < 60; i++) {
    try {
      await api.collective(governor);
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return false;
}

export default function CreateCollective() {
  const chain = useChainInfo();
  const { address: me } = useAccount();
  const client = useQueryClient();
  const [form, setForm] = useState({ name: "", symbol: "", principles: "" });
  const [founders, setFounders] = useState<FounderRow[]>([{ account: "", shares: "100" }]);
  const [rules, setRules] = useState<RulesForm>(DEFAULT_RULES);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [waiting, setWaiting] = useState("");
  const formRef = useFocusFirstInvalid<HTMLFormElement>(errors);
  const tx = useTransaction();
  // The connected account is the first founder unless the form says otherwise.
  useEffect(() => {
    if (me) setFounders((rows) => (rows[0]?.account === "" ? [{ ...rows[0], account: me }, ...rows.slice(1)] : rows));
  }, [me]);

  const error = (key: string) => <FieldError name={key} errors={errors} />;
  const invalid = (key: string) => invalidProps(key, errors);
  const setFounder = (i: number, row: Partial<FounderRow>) =>
    setFounders(founders.map((f, j) => (j === i ? { ...f, ...row } : f)));

  return (
    <section>
      <h1>Create a collective</h1>
      <p className="lead">
        Founders receive shares; everything after that — new members, work, payments and rule changes — is proposed and
        voted on.
      </p>
      <QueryState query={chain}>
        {(info) => (
          <form
            ref={formRef}
            className="panel"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (tx.busy || waiting) return;
              const result = validateCollective(form, founders, rules);
              if (!result.ok) return setErrors(result.errors);
              setErrors({});
              const c = result.value;
              void tx
                .send({
                  address: info.factory as Address,
                  abi: collectiveFactoryAbi,
                  functionName: "create",
                  args: [c.name, c.symbol, c.principles, c.founders, settingsStruct(c.settings)],
                })
                .then(async (receipt) => {
                  if (!receipt) return;
                  const governor = parseCollectiveCreated(receipt).modules.governor;
                  setWaiting("Created. Waiting for the index to show it…");
                  const seen = await indexed(governor);
                  await client.invalidateQueries({ queryKey: ["collectives"] });
                  if (seen) navigate(`/c/${governor}`);
                  else setWaiting(`Created at ${governor}; the index has not shown it yet. Reload in a moment.`);
                });
            }}
          >
            <fieldset>
              <legend>The collective</legend>
              <label>
                Name
                <input
                  value={form.name}
                  maxLength={64}
                  {...invalid("name")}
                  onChange={(e) => setForm({ ...form, name: e.target.value })}
                />
              </label>
              {error("name")}
              <label>
                Share symbol
                <input
                  value={form.symbol}
                  maxLength={11}
                  {...invalid("symbol")}
                  onChange={(e) => setForm({ ...form, symbol: e.target.value })}
                />
              </label>
              {error("symbol")}
              <label>
                Principles, one per line (work is tagged with them)
                <textarea
                  rows={4}
                  value={form.principles}
                  {...invalid("principles")}
                  onChange={(e) => setForm({ ...form, principles: e.target.value })}
                />
              </label>
              {error("principles")}
            </fieldset>
            <fieldset>
              <legend>Founding members</legend>
              {founders.map((f, i) => (
                <div key={i} className="founder">
                  <label>
                    Founder {i + 1}'s address
                    <input
                      value={f.account}
                      spellCheck={false}
                      {...invalid(`founder-${i}-account`)}
                      onChange={(e) => setFounder(i, { account: e.target.value })}
                    />
                  </label>
                  {error(`founder-${i}-account`)}
                  <label>
                    Founder {i + 1}'s shares
                    <input
                      inputMode="numeric"
                      value={f.shares}
                      {...invalid(`founder-${i}-shares`)}
                      onChange={(e) => setFounder(i, { shares: e.target.value })}
                    />
                  </label>
                  {error(`founder-${i}-shares`)}
                  {founders.length > 1 && (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setFounders(founders.filter((_, j) => j !== i))}
                    >
                      Remove founder {i + 1}
                    </button>
                  )}
                </div>
              ))}
              {error("founders")}
              <button
                type="button"
                className="secondary"
                onClick={() => setFounders([...founders, { account: "", shares: "100" }])}
              >
                Add a founder
              </button>
            </fieldset>
            <fieldset>
              <legend>How votes count</legend>
              {COUNTING.map(([rule, label, help]) => (
                <div key={rule}>
                  <label>
                    <input
                      type="radio"
                      name="countingRule"
                      value={rule}
                      checked={rules.countingRule === rule}
                      aria-describedby={`counting-${rule}-help`}
                      onChange={() => setRules({ ...rules, countingRule: rule })}
                    />
                    {label}
                  </label>
                  <p id={`counting-${rule}-help`} className="muted">
                    {help}
                  </p>
                </div>
              ))}
              <p className="muted">Members can change it later by proposal.</p>
            </fieldset>
            <fieldset>
              <legend>Rules</legend>
              {RULES.map(([key, label, help]) => (
                <div key={key}>
                  <label>
                    {label}
                    <input
                      inputMode="decimal"
                      value={rules[key]}
                      aria-invalid={!!errors[key]}
                      aria-describedby={errors[key] ? `${key}-help ${errorId(key)}` : `${key}-help`}
                      onChange={(e) => setRules({ ...rules, [key]: e.target.value })}
                    />
                  </label>
                  <p id={`${key}-help`} className="muted">
                    {help}
                  </p>
                  {error(key)}
                </div>
              ))}
            </fieldset>
            <button type="submit" disabled={!me} aria-disabled={tx.busy || waiting !== ""}>
              {me ? "Create the collective" : "Connect a wallet to create a collective"}
            </button>
            <TxStatus state={tx.state} done="Created." />
            {waiting && (
              <p role="status" className="muted">
                {waiting}
              </p>
            )}
          </form>
        )}
      </QueryState>
    </section>
  );
}

/**
 * Form validation before anything is sent: each validator takes the form's raw strings and
 * gives either the typed values or a message per field saying what is wrong.
 */
import type { CollectiveSettings, CountingRule, GovernanceParameter } from "@rhizome/contracts";
import { isAddress, isHex, parseUnits, zeroAddress, type Address, type Hex } from "viem";
import { ETH, formatUnitsOf, type TokenInfo } from "./format";

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

const UINT64_MAX = 2n ** 64n - 1n;
const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).length;

/** The bounds the contracts keep each setting within (GovernorParameters, the governor's quorum, the timelock, Work). */
export const BOUNDS = {
  votingDelay: { min: 0, max: 30 * 86_400 },
  votingPeriod: { min: 600, max: 30 * 86_400 },
  executionWindow: { min: 3_600, max: 90 * 86_400 },
  timelockDelay: { min: 0, max: 30 * 86_400 },
  reviewWindow: { min: 60, max: 30 * 86_400 },
  quorumPercent: { min: 1, max: 80 },
  objectionThreshold: { min: 1, max: 100 },
  vetoPercent: { min: 1, max: 50 },
} as const;

/** Seconds in words: "10 minutes", "30 days". */
function span(seconds: number): string {
  if (seconds % 86_400 === 0 && seconds > 0) return `${seconds / 86_400} day${seconds === 86_400 ? "" : "s"}`;
  if (seconds % 3_600 === 0 && seconds > 0) return `${seconds / 3_600} hour${seconds === 3_600 ? "" : "s"}`;
  if (seconds % 60 === 0 && seconds > 0) return `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

/** A whole number of at least `min`; undefined and a message otherwise. */
function wholeNumber(raw: string, label: string, errors: Record<string, string>, key: string, min = 1n) {
  const text = raw.trim();
  if (!/^[0-9]+$/.test(text)) {
    errors[key] = `${label} must be a whole number.`;
    return undefined;
  }
  const value = BigInt(text);
  if (value < min) {
    errors[key] = `${label} must be at least ${min}.`;
    return undefined;
  }
  return value;
}

function address(raw: string, label: string, errors: Record<string, string>, key: string, optional = false) {
  const text = raw.trim();
  if (text === "" && optional) return undefined;
  if (!isAddress(text, { strict: false }) || text.toLowerCase() === zeroAddress) {
    errors[key] = `${label} must be an address: 0x followed by 40 hexadecimal digits.`;
    return undefined;
  }
  return text as Address;
}

/** An amount of `token` in its whole units ("1.5"), as base units; empty is zero. */
function units(raw: string, label: string, errors: Record<string, string>, key: string, token: TokenInfo = ETH) {
  const text = raw.trim();
  if (text === "") return 0n;
  const decimals = token.decimals;
  const pattern = decimals === 0 ? /^[0-9]+$/ : new RegExp(`^[0-9]+(\\.[0-9]{1,${decimals}})?$`);
  if (!pattern.test(text)) {
    errors[key] =
      decimals === 0
        ? `${label} must be a whole number of ${token.symbol}.`
        : `${label} must be an amount such as 1.5, with at most ${decimals} decimals.`;
    return undefined;
  }
  return parseUnits(text, decimals);
}

function description(raw: string, errors: Record<string, string>) {
  const text = raw.trim();
  if (text.length < 3) errors.description = "Describe the proposal in a few words.";
  return text;
}

const done = <T>(errors: Record<string, string>, value: () => T): Validated<T> =>
  Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: value() };

/** Applying to join: shares requested and a pitch, as Shares.applyForMembership accepts them. */
export function validateApplication(form: {
  shares: string;
  pitch: string;
}): Validated<{ shares: bigint; pitch: string }> {
  const errors: Record<string, string> = {};
  const shares = wholeNumber(form.shares, "Requested shares", errors, "shares");
  if (shares !== undefined && shares > UINT64_MAX)
    errors.shares = "Requested shares must be at most 18,446,744,073,709,551,615.";
  const pitch = form.pitch.trim();
  if (pitch === "") errors.pitch = "Say why you want to join and what you bring.";
  else if (bytes(pitch) > 1024) errors.pitch = `The pitch is ${bytes(pitch)} bytes; at most 1,024 fit.`;
  return done(errors, () => ({ shares: shares ?? 0n, pitch }));
}

/** Burning shares to leave: at least one, at most what the member holds. */
export function validateRagequit(raw: string, held: bigint): Validated<bigint> {
  const errors: Record<string, string> = {};
  const shares = wholeNumber(raw, "Shares to burn", errors, "shares");
  if (shares !== undefined && shares > held) errors.shares = `You hold ${held} shares; you cannot burn more.`;
  return done(errors, () => shares ?? 0n);
}

/** Delegating votes to another account. */
export function validateDelegate(raw: string): Validated<Address> {
  const errors: Record<string, string> = {};
  const to = address(raw, "The delegate", errors, "delegate");
  return done(errors, () => to as Address);
}

export interface WorkForm {
  title: string;
  specUri: string;
  principle: string;
  reward: string;
  /** The amount paid on top of the shares, in whole units of `paymentToken`. */
  payment: string;
  contributor: string;
  description: string;
}

export interface WorkValues {
  title: string;
  specUri: string;
  principle: number;
  reward: bigint;
  payment: bigint;
  contributor: Address | undefined;
  description: string;
}

/**
 * A work item, as Work.commission accepts it: a title, a principle, a reward or a payment in
 * `paymentToken` (ETH unless said), paid from the treasury when the work is settled.
 */
export function validateWork(
  form: WorkForm,
  principleCount: number,
  paymentToken: TokenInfo = ETH,
): Validated<WorkValues> {
  const errors: Record<string, string> = {};
  const title = form.title.trim();
  if (title === "") errors.title = "Give the work a title.";
  else if (bytes(title) > 200) errors.title = `The title is ${bytes(title)} bytes; at most 200 fit.`;
  const principle = Number(form.principle);
  if (!Number.isInteger(principle) || principle < 0 || principle >= principleCount)
    errors.principle = "Choose the principle the work serves.";
  const reward = wholeNumber(form.reward || "0", "The reward", errors, "reward", 0n);
  const payment = units(form.payment, "The payment", errors, "payment", paymentToken);
  if (reward === 0n && payment === 0n) errors.reward = "Offer a reward in shares, a payment, or both.";
  const contributor = address(form.contributor, "The contributor", errors, "contributor", true);
  const text = description(form.description || title, errors);
  return done(errors, () => ({
    title,
    specUri: form.specUri.trim(),
    principle,
    reward: reward ?? 0n,
    payment: payment ?? 0n,
    contributor,
    description: text,
  }));
}

/** Admitting an open application with a number of shares. */
export function validateAdmission(form: { applicationId: string; shares: string; description: string }) {
  const errors: Record<string, string> = {};
  const applicationId = wholeNumber(form.applicationId, "The application", errors, "applicationId");
  if (applicationId === undefined) errors.applicationId = "Choose an open application.";
  const shares = wholeNumber(form.shares, "Shares", errors, "shares");
  const text = description(form.description, errors);
  return done(errors, () => ({ applicationId: applicationId ?? 0n, shares: shares ?? 0n, description: text }));
}

/** A payment from the treasury in one of the assets it holds (`held`: its balance), within that balance. */
export function validatePayment(
  form: { to: string; amount: string; description: string },
  asset: TokenInfo & { held: bigint },
) {
  const errors: Record<string, string> = {};
  const to = address(form.to, "The recipient", errors, "to");
  const amount = units(form.amount, "The amount", errors, "amount", asset);
  if (amount === 0n) errors.amount = `Enter an amount of ${asset.symbol} to pay.`;
  else if (amount !== undefined && amount > asset.held)
    errors.amount = `The treasury holds ${formatUnitsOf(asset.held, asset)}; it cannot pay more.`;
  const text = description(form.description, errors);
  return done(errors, () => ({ to: to as Address, amount: amount ?? 0n, description: text }));
}

/** A link a browser can open from a profile: http(s) or ipfs, at most 512 bytes (Shares.setProfile); empty is none. */
function profileLink(raw: string, label: string, errors: Record<string, string>, key: string): string {
  const link = raw.trim();
  if (link === "") return link;
  let protocol = "";
  try {
    protocol = new URL(link).protocol;
  } catch {
    // Not a URL at all; said below.
  }
  if (!["https:", "http:", "ipfs:"].includes(protocol))
    errors[key] = `${label} must be a link starting with https://, http:// or ipfs://.`;
  else if (bytes(link) > 512) errors[key] = `The link is ${bytes(link)} bytes; at most 512 fit.`;
  return link;
}

/** Control characters, which Shares.setProfile refuses in a display name (bytes below 0x20, and 0x7f). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A member's profile (Shares.setProfile): a display name of at most 64 bytes without control
 * characters, and an avatar and a profile link as `profileLink` takes them; each empty clears it.
 */
export function validateProfile(form: {
  name: string;
  avatar: string;
  uri: string;
}): Validated<{ name: string; avatar: string; uri: string }> {
  const errors: Record<string, string> = {};
  const name = form.name.trim();
  if (CONTROL.test(name)) errors.name = "The name must not contain control characters such as line breaks or tabs.";
  else if (bytes(name) > 64) errors.name = `The name is ${bytes(name)} bytes; at most 64 fit.`;
  const avatar = profileLink(form.avatar, "The picture", errors, "avatar");
  const uri = profileLink(form.uri, "The profile", errors, "profile");
  return done(errors, () => ({ name, avatar, uri }));
}

/**
 * The parameters a proposal can change, with their words and bounds; the module that owns each and
 * its setter are @rhizome/contracts' (GOVERNANCE_PARAMETERS, parameterProposal).
 */
const bounded = (bounds: { min: number; max: number }) => ({ min: BigInt(bounds.min), max: BigInt(bounds.max) });
export const PARAMETERS = {
  votingDelay: {
    label: "Voting delay (seconds)",
    ...bounded(BOUNDS.votingDelay),
  },
  votingPeriod: {
    label: "Voting period (seconds)",
    ...bounded(BOUNDS.votingPeriod),
  },
  executionWindow: {
    label: "Execution window (seconds)",
    ...bounded(BOUNDS.executionWindow),
  },
  proposalThreshold: {
    label: "Proposal threshold (votes)",
    min: 0n,
    // At most the supply, which the contract checks when the proposal runs.
    max: 2n ** 64n - 1n,
  },
  quorumPercent: {
    label: "Quorum (% of supply)",
    ...bounded(BOUNDS.quorumPercent),
  },
  timelockDelay: {
    label: "Timelock delay (seconds)",
    ...bounded(BOUNDS.timelockDelay),
  },
  reviewWindow: {
    label: "Review window (seconds)",
    ...bounded(BOUNDS.reviewWindow),
  },
  objectionThreshold: {
    label: "Objection threshold (% of supply)",
    ...bounded(BOUNDS.objectionThreshold),
  },
  vetoPercent: {
    label: "Veto threshold (% of supply)",
    ...bounded(BOUNDS.vetoPercent),
  },
} as const satisfies Record<GovernanceParameter, { label: string; min: bigint; max: bigint }>;
export type Parameter = keyof typeof PARAMETERS;

export function validateParameter(form: { parameter: string; value: string; description: string }) {
  const errors: Record<string, string> = {};
  const spec = PARAMETERS[form.parameter as Parameter] as (typeof PARAMETERS)[Parameter] | undefined;
  if (!spec) errors.parameter = "Choose the parameter to change.";
  const value = wholeNumber(form.value, "The new value", errors, "value", spec?.min ?? 0n);
  if (spec && value !== undefined && value > spec.max) errors.value = `The new value must be at most ${spec.max}.`;
  const text = description(form.description, errors);
  return done(errors, () => ({ parameter: form.parameter as Parameter, value: value ?? 0n, description: text }));
}

/** A custom call: any target, value and calldata. */
export function validateCustomCall(form: { target: string; valueEth: string; calldata: string; description: string }) {
  const errors: Record<string, string> = {};
  const target = address(form.target, "The target", errors, "target");
  const value = units(form.valueEth, "The value", errors, "valueEth");
  const calldata = form.calldata.trim() || "0x";
  if (!isHex(calldata) || calldata.length % 2 !== 0)
    errors.calldata = "Calldata must be 0x followed by pairs of hexadecimal digits.";
  const text = description(form.description, errors);
  return done(errors, () => ({
    target: target as Address,
    value: value ?? 0n,
    calldata: calldata as Hex,
    description: text,
  }));
}

/** A founding member's row in the create-a-collective form. */
export interface FounderRow {
  account: string;
  shares: string;
}

/** The rules of a new collective, as the form asks for them: times in hours or days, shares, percentages. */
export interface RulesForm {
  votingDelayHours: string;
  votingPeriodDays: string;
  timelockDelayHours: string;
  executionWindowDays: string;
  quorumPercent: string;
  proposalThreshold: string;
  reviewWindowDays: string;
  objectionThreshold: string;
  vetoPercent: string;
  /** How votes count: by shares, one member one vote, or both houses. */
  countingRule: CountingRule;
}

export interface NewCollective {
  name: string;
  symbol: string;
  principles: string[];
  founders: { account: Address; shares: bigint }[];
  settings: CollectiveSettings;
}

/** A duration in `unit` seconds ("1.5" days), at least `min` seconds, at most what a uint32 holds. */
/** A number of `unit` seconds, within `bounds`. */
function duration(
  raw: string,
  label: string,
  unit: number,
  errors: Record<string, string>,
  key: string,
  bounds: { min: number; max: number },
) {
  const text = raw.trim();
  if (!/^[0-9]+(\.[0-9]{1,3})?$/.test(text)) {
    errors[key] = `${label} must be a number such as 2 or 1.5.`;
    return 0;
  }
  const seconds = Math.round(Number(text) * unit);
  if (seconds < bounds.min)
    errors[key] =
      bounds.min === 0 ? `${label} must be zero or more.` : `${label} must be at least ${span(bounds.min)}.`;
  else if (seconds > bounds.max) errors[key] = `${label} must be at most ${span(bounds.max)}.`;
  return seconds;
}

function percent(
  raw: string,
  label: string,
  errors: Record<string, string>,
  key: string,
  bounds: { min: number; max: number },
) {
  const value = wholeNumber(raw, label, errors, key, BigInt(bounds.min));
  if (value !== undefined && value > BigInt(bounds.max)) errors[key] = `${label} must be at most ${bounds.max}%.`;
  return Number(value ?? 0n);
}

/**
 * A new collective, as CollectiveFactory.create accepts it: a name (64 bytes) and symbol (11),
 * 1 to 16 principles of at most 64 bytes (one per line), founders each with shares, and rules.
 */
export function validateCollective(
  form: { name: string; symbol: string; principles: string },
  founders: FounderRow[],
  rules: RulesForm,
): Validated<NewCollective> {
  const errors: Record<string, string> = {};
  const name = form.name.trim();
  if (name === "") errors.name = "Give the collective a name.";
  else if (bytes(name) > 64) errors.name = `The name is ${bytes(name)} bytes; at most 64 fit.`;
  const symbol = form.symbol.trim();
  if (symbol === "") errors.symbol = "Give its shares a symbol, such as RZM.";
  else if (bytes(symbol) > 11) errors.symbol = `The symbol is ${bytes(symbol)} bytes; at most 11 fit.`;
  const principles = form.principles
    .split("\n")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (principles.length === 0) errors.principles = "Name at least one principle, one per line.";
  else if (principles.length > 16) errors.principles = `That is ${principles.length} principles; at most 16 fit.`;
  else {
    const long = principles.findIndex((p) => bytes(p) > 64);
    if (long >= 0)
      errors.principles = `Principle ${long + 1} is ${bytes(principles[long] ?? "")} bytes; at most 64 fit.`;
  }
  if (founders.length === 0) errors.founders = "A collective needs at least one founding member.";
  const seen = new Set<string>();
  const members = founders.map((row, i) => {
    const account = address(row.account, `Founder ${i + 1}`, errors, `founder-${i}-account`);
    if (account && seen.has(account.toLowerCase()))
      errors[`founder-${i}-account`] = `Founder ${i + 1} is listed twice; give each founder one row.`;
    if (account) seen.add(account.toLowerCase());
    const shares = wholeNumber(row.shares, `Founder ${i + 1}'s shares`, errors, `founder-${i}-shares`);
    if (shares !== undefined && shares > UINT64_MAX)
      errors[`founder-${i}-shares`] = `Founder ${i + 1}'s shares must be at most 18,446,744,073,709,551,615.`;
    return { account: account as Address, shares: shares ?? 0n };
  });
  const total = members.reduce((sum, m) => sum + m.shares, 0n);
  if (total > UINT64_MAX && !errors.founders) errors.founders = "Together the founders' shares exceed the supply cap.";
  const settings = {
    votingDelay: duration(
      rules.votingDelayHours,
      "The voting delay",
      3_600,
      errors,
      "votingDelayHours",
      BOUNDS.votingDelay,
    ),
    votingPeriod: duration(
      rules.votingPeriodDays,
      "The voting period",
      86_400,
      errors,
      "votingPeriodDays",
      BOUNDS.votingPeriod,
    ),
    timelockDelay: duration(
      rules.timelockDelayHours,
      "The grace period",
      3_600,
      errors,
      "timelockDelayHours",
      BOUNDS.timelockDelay,
    ),
    executionWindow: duration(
      rules.executionWindowDays,
      "The execution window",
      86_400,
      errors,
      "executionWindowDays",
      BOUNDS.executionWindow,
    ),
    quorumPercent: percent(rules.quorumPercent, "The quorum", errors, "quorumPercent", BOUNDS.quorumPercent),
    proposalThreshold:
      wholeNumber(rules.proposalThreshold, "The proposal threshold", errors, "proposalThreshold", 0n) ?? 0n,
    reviewWindow: duration(
      rules.reviewWindowDays,
      "The review window",
      86_400,
      errors,
      "reviewWindowDays",
      BOUNDS.reviewWindow,
    ),
    objectionThreshold: percent(
      rules.objectionThreshold,
      "The objection threshold",
      errors,
      "objectionThreshold",
      BOUNDS.objectionThreshold,
    ),
    vetoPercent: percent(rules.vetoPercent, "The veto threshold", errors, "vetoPercent", BOUNDS.vetoPercent),
    countingRule: rules.countingRule,
  };
  if (!errors.proposalThreshold && settings.proposalThreshold > total && total > 0n)
    errors.proposalThreshold = `The founders hold ${total} shares together; a threshold above that would let no one propose.`;
  return done(errors, () => ({ name, symbol, principles, founders: members, settings }));
}

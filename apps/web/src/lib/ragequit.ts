/**
 * Leaving: what a ragequit pays per asset (the treasury's contract rounds each part down,
 * `balance * shares / supply`), and whether the Moloch rule still locks the member in.
 */
import { OPEN_PROPOSAL_STATES, type Api } from "@rhizome/client";

export interface Payout {
  token: string;
  /** What the treasury holds now. */
  balance: bigint;
  /** What burning the shares would pay. */
  amount: bigint;
}

/** Each asset's part for `shares` of `supply`, rounded down like Treasury.ragequit. */
export function ragequitPayout(
  balances: readonly Pick<Api.Balance, "token" | "balance">[],
  shares: bigint,
  supply: bigint,
): Payout[] {
  if (shares <= 0n || supply <= 0n)
    return balances.map((b) => ({ token: b.token, balance: BigInt(b.balance), amount: 0n }));
  const burnt = shares > supply ? supply : shares;
  return balances.map((b) => {
    const balance = BigInt(b.balance);
    return { token: b.token, balance, amount: (balance * burnt) / supply };
  });
}

/** A proposal the member voted for that can still run, and until when that holds at the latest. */
export interface ExitLock {
  proposalId: string;
  description: string;
  state: Api.ProposalState;
  /** When it has executed or expired at the latest. */
  until: number;
}

const STILL_RUNNABLE: readonly Api.ProposalState[] = OPEN_PROPOSAL_STATES;

/**
 * The proposals that keep the member from leaving: those they voted *for* that are pending,
 * active, succeeded or queued. A passed proposal has its `executionWindow` seconds after its
 * deadline to be queued, then waits `timelockDelay`, then has its window again to be executed
 * before it expires: the latest moment the lock lifts. (A failed execution ends it at once.)
 */
export function exitLocks(
  votes: readonly Pick<Api.MemberVote, "proposalId" | "support" | "description">[],
  proposals: ReadonlyMap<string, Pick<Api.Proposal, "state" | "deadline" | "eta" | "executionWindow">>,
  settings: Pick<Api.CollectiveSettings, "timelockDelay">,
): ExitLock[] {
  const { timelockDelay } = settings;
  const locks: ExitLock[] = [];
  for (const vote of votes) {
    if (vote.support !== "for") continue;
    const proposal = proposals.get(vote.proposalId);
    if (!proposal || !STILL_RUNNABLE.includes(proposal.state)) continue;
    const { executionWindow } = proposal;
    const until =
      proposal.state === "queued" && proposal.eta !== null
        ? proposal.eta + executionWindow
        : proposal.deadline + executionWindow + timelockDelay + executionWindow;
    locks.push({ proposalId: vote.proposalId, description: vote.description, state: proposal.state, until });
  }
  return locks;
}

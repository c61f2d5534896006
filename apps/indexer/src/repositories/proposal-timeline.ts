/** What a proposal's detail adds to its row: quorum progress and the timeline of its life. */
import type { Proposal, TimelineEntry, TimelineEvent } from "@rhizome/client/schemas";

/** (for + abstain) / quorum, and whether it is reached; null while the quorum is unknown. */
export function quorumProgress(proposal: Proposal): { quorumProgress: number | null; quorumReached: boolean | null } {
  if (proposal.quorum === null) return { quorumProgress: null, quorumReached: null };
  const quorum = BigInt(proposal.quorum);
  const counted = BigInt(proposal.forVotes) + BigInt(proposal.abstainVotes);
  if (quorum === 0n) return { quorumProgress: 1, quorumReached: true };
  // Exact to a millionth, without going through floats for amounts past 2^53.
  return { quorumProgress: Number((counted * 1_000_000n) / quorum) / 1_000_000, quorumReached: counted >= quorum };
}

/**
 * The moments of a proposal, past and scheduled, in order: created, voting starts and ends,
 * queued and its eta, then how it ended (executed, failed, canceled, or when it expired or will expire if
 * nobody acts).
 */
export function timeline(proposal: Proposal, now: number): TimelineEntry[] {
  const entries: [TimelineEvent, number | null][] = [
    ["created", proposal.createdAt],
    ["votingStarts", proposal.snapshot],
    ["votingEnds", proposal.deadline],
    ["queued", proposal.queuedAt],
    ["eta", proposal.eta],
    [proposal.state === "failed" ? "failed" : "executed", proposal.executedAt],
    [proposal.vetoed ? "vetoed" : "canceled", proposal.canceledAt],
  ];
  if (proposal.state === "succeeded" || proposal.state === "expired" || proposal.state === "queued") {
    const start = proposal.eta ?? proposal.deadline;
    entries.push(["expired", start + proposal.executionWindow + 1]);
  }
  return entries
    .filter((entry): entry is [TimelineEvent, number] => entry[1] !== null)
    .filter(
      ([event, timestamp]) =>
        proposal.canceledAt === null || event === "canceled" || event === "vetoed" || timestamp <= proposal.canceledAt,
    )
    .map(([event, timestamp]) => ({ event, timestamp, past: timestamp <= now }))
    .sort((a, b) => a.timestamp - b.timestamp);
}

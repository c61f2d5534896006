/** A proposal's tally as three bars and its quorum progress. */
import type { Api } from "@rhizome/indexer";
import { formatShares } from "../lib/format";

export function Tally({
  proposal,
}: {
  proposal: Pick<Api.ProposalDetail, "forVotes" | "againstVotes" | "abstainVotes" | "quorum" | "quorumProgress">;
}) {
  const votes = {
    for: BigInt(proposal.forVotes),
    against: BigInt(proposal.againstVotes),
    abstain: BigInt(proposal.abstainVotes),
  };
  const total = votes.for + votes.against + votes.abstain;
  const pct = (v: bigint) => (total === 0n ? 0 : Number((v * 1000n) / total) / 10);
  return (
    <div className="tally">
      {(["for", "against", "abstain"] as const).map((side) => (
        <div key={side} className="tally-row">
          <span className="tally-label">{side}</span>
          <progress
            className={`tally-${side}`}
            max={100}
            value={pct(votes[side])}
            aria-label={`${side}: ${pct(votes[side])}% of the votes cast`}
          />
          <span>
            {formatShares(votes[side])} ({pct(votes[side])}%)
          </span>
        </div>
      ))}
      {proposal.quorum !== null && proposal.quorumProgress !== null ? (
        <div className="tally-row">
          <span className="tally-label">quorum</span>
          <progress max={1} value={Math.min(1, proposal.quorumProgress)} aria-label="Quorum progress" />
          <span>
            {formatShares(votes.for + votes.abstain)} of {formatShares(proposal.quorum)} needed
            {proposal.quorumProgress >= 1 ? " — reached" : ""}
          </span>
        </div>
      ) : (
        <p className="muted">The quorum is set when voting opens.</p>
      )}
    </div>
  );
}

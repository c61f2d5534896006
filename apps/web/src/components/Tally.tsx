/**
 * A proposal's tally as three bars and its quorum progress, in its counting rule's unit: shares,
 * or members under one member, one vote; under two houses, the shares' house and the members'.
 */
import type { Api } from "@rhizome/client";
import { formatShares } from "../lib/format";

type Counted = { forVotes: string; againstVotes: string; abstainVotes: string; quorum: string | null };

/** What each rule counts, as the tally names it. */
const UNIT = { shares: "shares", members: "members", both: "shares" } as const;

/** `n` of `unit` ("shares", "members"), singular for one. */
function count(n: bigint, unit: string): string {
  return `${formatShares(n)} ${n === 1n ? unit.slice(0, -1) : unit}`;
}

function House({ title, counted, unit }: { title?: string; counted: Counted; unit: string }) {
  const votes = {
    for: BigInt(counted.forVotes),
    against: BigInt(counted.againstVotes),
    abstain: BigInt(counted.abstainVotes),
  };
  const total = votes.for + votes.against + votes.abstain;
  const pct = (v: bigint) => (total === 0n ? 0 : Number((v * 1000n) / total) / 10);
  const label = title ? `${title}, ` : "";
  const quorum = counted.quorum === null ? null : BigInt(counted.quorum);
  const counting = votes.for + votes.abstain;
  const progress = quorum === null ? null : quorum === 0n ? 1 : Number((counting * 1_000_000n) / quorum) / 1_000_000;
  return (
    <div className="tally">
      {title && <h4>{title}</h4>}
      {(["for", "against", "abstain"] as const).map((side) => (
        <div key={side} className="tally-row">
          <span className="tally-label">{side}</span>
          <progress
            className={`tally-${side}`}
            max={100}
            value={pct(votes[side])}
            aria-label={`${label}${side}: ${pct(votes[side])}% of the votes cast`}
          />
          <span>
            {count(votes[side], unit)} ({pct(votes[side])}%)
          </span>
        </div>
      ))}
      {quorum !== null && progress !== null ? (
        <div className="tally-row">
          <span className="tally-label">quorum</span>
          <progress
            max={1}
            value={Math.min(1, progress)}
            aria-label={title ? `${title}, quorum progress` : "Quorum progress"}
          />
          <span>
            {formatShares(counting)} of {count(quorum, unit)} needed
            {progress >= 1 ? " — reached" : ""}
          </span>
        </div>
      ) : (
        <p className="muted">The quorum is set when voting opens.</p>
      )}
    </div>
  );
}

export function Tally({
  proposal,
}: {
  proposal: Pick<
    Api.ProposalDetail,
    "forVotes" | "againstVotes" | "abstainVotes" | "quorum" | "countingRule" | "memberHouse"
  >;
}) {
  const unit = UNIT[proposal.countingRule];
  if (proposal.countingRule === "members") {
    return (
      <>
        <p className="muted">One member, one vote: each member counts once, whatever their shares.</p>
        <House counted={proposal} unit={unit} />
      </>
    );
  }
  if (proposal.countingRule === "both" && proposal.memberHouse) {
    return (
      <>
        <p className="muted">Two houses: it passes only if it passes both by shares and by members.</p>
        <House title="By shares" counted={proposal} unit="shares" />
        <House title="By members" counted={proposal.memberHouse} unit="members" />
      </>
    );
  }
  return <House counted={proposal} unit={unit} />;
}

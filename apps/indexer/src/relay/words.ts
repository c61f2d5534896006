/**
 * Why a relayed action would fail, or failed, in words: the contract's custom error decoded with
 * rhizomeErrorsAbi (whichever module raised it) and said to the member who signed, in the web
 * client's words (apps/web/src/lib/errors.ts) where they overlap. The errors a signed vote,
 * delegation, objection or profile can meet have their own sentence; any other is named.
 */
import { BaseError, ContractFunctionRevertedError, decodeErrorResult, type Hex } from "viem";
import { rhizomeErrorsAbi } from "@rhizome/contracts";

type Words = (args: readonly unknown[]) => string;

const when = (seconds: unknown) => new Date(Number(seconds) * 1000).toISOString();
const badSignature: Words = () => "The signature is not valid for this action: sign it again.";
const expired: Words = (a) => `The signature expired at ${when(a[0])}: sign it again.`;

const WORDS: Readonly<Record<string, Words>> = {
  GovernorAlreadyCastVote: () => "You have already voted on this proposal.",
  GovernorNonexistentProposal: () => "There is no such proposal.",
  GovernorUnexpectedProposalState: () => "The proposal is not open for voting now.",
  GovernorNotAVoter: () => "Only members with voting power can do this.",
  GovernorNoVotesLeft: () =>
    "You held votes at this proposal's snapshot but hold none now (you left, or delegated them away): you have no say in it any more.",
  GovernorInvalidVoteType: () => "A vote is for, against or abstain.",
  GovernorInvalidSignature: badSignature,
  InvalidAccountNonce: (a) => `The signature's nonce is not the member's next one (${String(a[1])}): sign it again.`,
  VotesExpiredSignature: expired,
  SharesExpiredSignature: expired,
  SharesInvalidSignature: badSignature,
  SharesNotMember: () => "Only members holding shares can do this.",
  SharesNameTooLong: () => "The name is longer than 64 bytes.",
  SharesNameControlCharacter: () => "The name holds a control character.",
  SharesInvalidProfile: () => "A profile link is longer than 512 bytes.",
  WorkExpiredSignature: expired,
  WorkInvalidSignature: badSignature,
  WorkAlreadyObjected: () => "You have already objected to this work.",
  WorkReviewClosed: () => "The review window has closed: objections are no longer possible.",
  WorkInvalidState: () => "This work is not delivered and under review, so it cannot be objected to.",
  WorkNoObjectionWeight: () =>
    "You had no voting power when the work was delivered, so your objection would weigh nothing.",
  WorkNoVotesLeft: () =>
    "You had voting power when the work was delivered but hold none now (you left, or delegated it away): you have no say on it any more.",
  WorkNotMember: () => "Only a member can object.",
  WorkUnknownItem: () => "There is no such work item.",
  ECDSAInvalidSignature: badSignature,
};

/** The revert data inside a viem error, if any. */
function revertData(error: unknown): Hex | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (reverted instanceof ContractFunctionRevertedError && reverted.raw) return reverted.raw;
  const withData = error.walk((e) => typeof (e as { data?: unknown }).data === "string") as { data?: Hex } | null;
  return withData?.data;
}

/** The sentence for a revert, or undefined when `error` is not one (a network failure). */
export function revertWords(error: unknown): string | undefined {
  const data = revertData(error);
  if (data && data.length >= 10) {
    try {
      const { errorName, args } = decodeErrorResult({ abi: rhizomeErrorsAbi, data });
      const words = WORDS[errorName];
      return words ? words(args ?? []) : `The contract refused it (${errorName}).`;
    } catch {
      return `The contract refused it (error ${data.slice(0, 10)}).`;
    }
  }
  if (error instanceof BaseError && /revert/i.test(error.message))
    return `The contract refused it: ${error.shortMessage}`;
  return undefined;
}

/**
 * Every custom error of Rhizome's contracts in plain words a member can act on, and the decoding
 * of a revert (whichever module raised it, with rhizomeErrorsAbi) into one of them. Shared by the
 * web client, which says why a transaction failed, and the service's relay, which says why a
 * signed action it would send, or sent, was refused: one list, kept whole by its test.
 */
import { rhizomeErrorsAbi } from "@rhizome/contracts";
import { BaseError, ContractFunctionRevertedError, decodeErrorResult, type Hex } from "viem";
import { PROPOSAL_STATES, WORK_STATES } from "./schemas/index.js";

/** A custom error's name and its arguments, as decoded from revert data. */
export interface DecodedError {
  name: string;
  args: readonly unknown[];
}

type Words = (args: readonly unknown[]) => string;

const arg = (args: readonly unknown[], i: number): string => String(args[i] ?? "");
const when = (seconds: unknown): string => new Date(Number(seconds) * 1000).toLocaleString();

const zeroAddress: Words = () => "The token refused the zero address as a party to a transfer.";
const badSignature: Words = () => "The signature is not valid: sign again in your wallet.";
const expired: Words = (a) => `The signature expired at ${when(a[0])}: sign again in your wallet.`;
const internal: Words = () =>
  "The contract stopped on a check of its own consistency and changed nothing. Please report it to Rhizome.";

/** Every custom error of Rhizome's contracts, in plain words. */
export const ERROR_WORDS: Readonly<Record<string, Words>> = {
  GovernorExitLocked: () =>
    "You voted for a proposal that can still run: you can leave after it is executed or expires.",
  GovernorNoVotesLeft: () =>
    "You held votes at this proposal's snapshot but hold none now (you left, or delegated them away): you have no say in it any more.",
  GovernorDelegateBound: (a) =>
    `Your shares voted through ${arg(a, 1)}, who voted for a proposal that can still run, or whose votes are not yet released: you can leave once those proposals end and the votes are released (the Leave page does it).`,
  GovernorNotTreasury: internal,
  GovernorRecentlyMoved: (a) =>
    `You moved your votes from one delegate to another recently, and an earlier delegate may have backed a proposal with them that can still run: you can leave from ${when(a[1])}.`,
  GovernorVetoClosed: (a) =>
    `Objections are taken only while a passed proposal waits to run (until ${when(a[1])}); this one is not waiting.`,
  GovernorAlreadyVetoed: () => "You have already objected to this proposal.",
  GovernorInvalidVetoThreshold: () => "The veto threshold must be from 1% to 50% of the shares.",
  GovernorInvalidCountingRule: () =>
    "Votes count by shares, one per member, or in both houses: there is no other counting rule.",
  GovernorForVotesMismatch: () => "The list of proposals you voted for is out of date. Reload the page and try again.",
  SharesNonTransferable: () => "Shares cannot be transferred: they are earned or granted, and burnt when you leave.",
  GovernorAlreadyCastVote: () => "You have already voted on this proposal.",
  GovernorInsufficientProposerVotes: (a) =>
    `You need ${arg(a, 2)} votes to make a proposal and have ${arg(a, 1)}. Ask a member to delegate to you, or to sponsor it.`,
  GovernorRestrictedProposer: () => "This proposal's description reserves it for another proposer.",
  GovernorNonexistentProposal: () => "There is no such proposal.",
  GovernorUnexpectedProposalState: (a) =>
    `The proposal is ${PROPOSAL_STATES[Number(a[1])] ?? "in another state"}, so this step is not possible now.`,
  GovernorNotAVoter: () => "Only members with voting power can do this.",
  GovernorInvalidVoteType: () => "Choose for, against or abstain.",
  GovernorInvalidProposalLength: () =>
    "The proposal's actions are malformed: every action needs a target, a value and calldata.",
  GovernorOnlyExecutor: () => "Only the collective itself, through a proposal, can do this.",
  TimelockOperationNotReady: (a) => `The proposal is queued and can run from ${when(a[1])}.`,
  TimelockOperationExists: () => "This proposal is already queued.",
  TimelockCallFailed: (a) => `Action ${Number(a[1]) + 1} of the proposal failed when it ran.`,
  TimelockInsufficientGas: () =>
    "The proposal's actions were given too little gas to run; nothing changed. Send it again with more gas.",
  SharesInvalidApplication: () => "An application needs at least one share requested and a pitch of 1 to 1,024 bytes.",
  SharesApplicationNotOpen: () => "This application is no longer open.",
  SharesNotApplicant: () => "Only the applicant can withdraw this application.",
  SharesNotMember: () => "Only members holding shares can do this.",
  SharesInvalidProfile: (a) => `A picture or profile link may be at most 512 bytes; this one is ${arg(a, 0)}.`,
  SharesNameTooLong: (a) => `A name may be at most 64 bytes; this one is ${arg(a, 0)}.`,
  SharesNameControlCharacter: (a) =>
    `A name may not contain control characters such as line breaks or tabs; there is one at byte ${Number(a[0]) + 1}.`,
  SharesExpiredSignature: expired,
  SharesInvalidSignature: badSignature,
  SharesUnauthorized: () => "Only the collective's own modules can mint or burn shares.",
  TreasuryNothingToBurn: () => "Choose at least one share to burn.",
  TreasuryTokensNotAscending: () => "The assets to take must be listed once each, in ascending address order.",
  TreasuryNetworkNotAscending: () =>
    "The collectives to leave through must be other collectives, each once, in ascending order of their treasuries.",
  TreasuryInsufficientBalance: () => "The treasury does not hold enough of this asset.",
  TreasuryInvalidRecipient: () => "A payment needs a recipient other than the zero address.",
  TreasuryUnauthorized: () => "Only an executed proposal or accepted work can pay from the treasury.",
  TreasuryEthTransferFailed: () => "The recipient refused the ETH payment.",
  ERC20InsufficientBalance: (a) => `You hold ${arg(a, 1)} and this needs ${arg(a, 2)}.`,
  WorkReviewOpen: (a) => `The review window is still open until ${when(a[1])}: settle it after that.`,
  WorkReviewClosed: () => "The review window has closed: objections are no longer possible.",
  WorkNoObjectionWeight: () =>
    "You had no voting power when the work was delivered, so your objection would weigh nothing.",
  WorkNoVotesLeft: () =>
    "You had voting power when the work was delivered but hold none now (you left, or delegated it away): you have no say on it any more.",
  WorkAlreadyObjected: () => "You have already objected to this work.",
  WorkExpiredSignature: expired,
  WorkInvalidSignature: badSignature,
  WorkNotContributor: () => "Only the work's contributor can deliver it.",
  WorkNotMember: () => "Only members can take open work.",
  WorkInvalidState: (a) =>
    `The work is ${WORK_STATES[Number(a[1]) - 1] ?? "in another state"}, so this step is not possible now.`,
  WorkUnknownItem: () => "There is no such work item.",
  WorkUnknownPrinciple: () => "The collective has no such principle.",
  WorkInvalidPrinciple: () => "The principle must be 1 to 64 bytes, at most 16 principles.",
  WorkInvalidTerms: () => "The work needs a title of 1 to 200 bytes and a reward or a payment.",
  WorkUnauthorized: () => "Only the collective itself, through a proposal, can do this.",
  VotesExpiredSignature: expired,
  FactoryInvalidName: () => "A collective's name must be 1 to 64 bytes.",
  FactoryInvalidSymbol: () => "The share symbol must be 1 to 11 bytes.",
  FactoryInvalidPrincipleCount: (a) => `A collective has 1 to 16 principles; this one has ${arg(a, 0)}.`,
  FactoryInvalidPrinciple: (a) => `Principle ${Number(a[0]) + 1} must be 1 to 64 bytes.`,
  FactoryNoFounders: () => "A collective needs at least one founding member.",
  FactoryInvalidFounder: (a) => `Founder ${Number(a[0]) + 1} needs an address and at least one share.`,
  FactoryInvalidSettings: () =>
    "The rules are out of range: voting takes 10 minutes to 30 days, the execution window an hour to 90 days, reviews a minute to 30 days, percentages go up to 100, and the proposal threshold at most the founders' shares.",
  FactoryUnknownCollective: () => "There is no such collective.",
  SharesLengthMismatch: () => "Every founder needs an amount of shares, and every amount a founder.",
  SharesSupplyOverflow: () => "That many shares would pass the most a collective can issue (2^64 − 1).",
  GovernorAlreadyQueuedProposal: () => "This proposal is already queued.",
  GovernorUnableToCancel: () => "Only the proposer can withdraw a proposal, and only before voting starts.",
  GovernorInvalidExecutionWindow: () => "The execution window must be from one hour to 90 days.",
  GovernorInvalidVotingPeriod: () => "The voting period must be from 10 minutes to 30 days.",
  GovernorInvalidVotingDelay: () => "The voting delay may be at most 30 days.",
  GovernorInvalidProposalThreshold: () => "The proposal threshold may be at most all the shares there are.",
  GovernorInvalidQuorumFraction: () => "The quorum is a percentage from 1 to 80.",
  GovernorInvalidSignature: () => "The vote's signature does not match the voter. Sign it again.",
  GovernorInvalidVoteParams: () => "A vote takes no extra parameters.",
  GovernorDisabledDeposit: () => "The governor holds nothing: send assets to the treasury instead.",
  GovernorProposalQueueingNotRequired: () => "This proposal runs without a grace period: execute it directly.",
  TimelockOnlySelf: () => "Only the collective itself, through a proposal, can change the grace period.",
  TimelockInvalidDelay: () => "The grace period may be at most 30 days.",
  TimelockUnauthorized: () => "Only the collective's governor can queue or run proposals.",
  WorkInvalidSettings: () =>
    "The review window must be from one minute to 30 days and the objection threshold from 1 to 100 percent.",
  ERC20InsufficientAllowance: (a) =>
    `The token allows ${arg(a, 1)} to be taken and this needs ${arg(a, 2)}: approve the amount first.`,
  ERC20InvalidApprover: zeroAddress,
  ERC20InvalidReceiver: zeroAddress,
  ERC20InvalidSender: zeroAddress,
  ERC20InvalidSpender: zeroAddress,
  ERC5805FutureLookup: () => "This reads voting power at a time still to come: try again once it has passed.",
  ECDSAInvalidSignature: badSignature,
  ECDSAInvalidSignatureLength: badSignature,
  ECDSAInvalidSignatureS: badSignature,
  InvalidAccountNonce: () => "The signature was made for an older nonce: sign again.",
  InsufficientBalance: () => "The treasury does not hold enough ETH for this.",
  SafeERC20FailedOperation: () => "The token refused the transfer.",
  FailedCall: () => "A call the contract made failed, and everything was undone.",
  SafeCastOverflowedUintDowncast: () => "A number is too large for the contract to store.",
  // Checks of the contracts' own consistency: reaching one is a bug, and nothing changed.
  CheckpointUnorderedInsertion: internal,
  CloneArgumentsTooLong: internal,
  FactoryUnexpectedAddress: internal,
  FailedDeployment: internal,
  GovernorProposalQueueingFailed: internal,
  InvalidInitialization: internal,
  NotInitializing: internal,
  ReentrancyGuardReentrantCall: internal,
};

/** The words for a decoded custom error; the error's name when there are none. */
export function describeCustomError(error: DecodedError): string {
  const words = ERROR_WORDS[error.name];
  return words ? words(error.args) : `The contract refused: ${error.name}.`;
}

/** The revert data somewhere in viem's cause chain, if any. */
function revertData(error: BaseError): Hex | undefined {
  let found: Hex | undefined;
  error.walk((e) => {
    const data = (e as { data?: unknown }).data;
    if (typeof data === "string" && data.startsWith("0x") && data.length >= 10) found = data as Hex;
    else if (data && typeof data === "object" && typeof (data as { data?: unknown }).data === "string")
      found = (data as { data: Hex }).data;
    return found !== undefined;
  });
  return found;
}

/** The custom error a failed call reverted with, decoded against every Rhizome error. */
export function decodeRevert(error: unknown): DecodedError | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const reverted = error.walk(
    (e) => e instanceof ContractFunctionRevertedError,
  ) as ContractFunctionRevertedError | null;
  if (reverted?.data?.errorName && reverted.data.errorName !== "Error") {
    return { name: reverted.data.errorName, args: reverted.data.args ?? [] };
  }
  const data = reverted?.raw ?? revertData(error);
  if (!data) return undefined;
  try {
    const decoded = decodeErrorResult({ abi: rhizomeErrorsAbi, data });
    return { name: decoded.errorName, args: decoded.args ?? [] };
  } catch {
    return undefined; // Not one of Rhizome's errors: the caller falls back to viem's message.
  }
}

/**
 * Revert data as the chain kept it (a failed proposal's reason), in plain words: one of Rhizome's
 * errors, a reason string, or, for anything else, that the call reverted.
 */
export function describeRevertData(data: Hex): string {
  if (data === "0x") return "A call reverted without a reason.";
  try {
    const decoded = decodeErrorResult({ abi: rhizomeErrorsAbi, data });
    return describeCustomError({ name: decoded.errorName, args: decoded.args ?? [] });
  } catch {
    try {
      const decoded = decodeErrorResult({ data });
      if (decoded.errorName === "Error") return `A call reverted: ${String(decoded.args?.[0] ?? "")}`;
    } catch {
      // Neither a Rhizome error nor a reason string.
    }
    return `A call reverted (${data.slice(0, 10)}).`;
  }
}

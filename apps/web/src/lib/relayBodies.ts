/**
 * What the page posts to /api/relay for each signed action: the signed builders' message with its
 * amounts as decimal strings, the collective (its governor) and who signed.
 */
import type { Address } from "viem";
import type { Api } from "@rhizome/client";
import type { SignedDelegation, SignedObjection, SignedVote } from "@rhizome/contracts";

export function voteBody(governor: Address, { message: m, signature }: SignedVote): Api.RelayBody {
  return {
    kind: "vote",
    collective: governor,
    signer: m.voter,
    message: {
      proposalId: m.proposalId.toString(),
      support: m.support as 0 | 1 | 2,
      voter: m.voter,
      nonce: m.nonce.toString(),
      ...(m.reason === undefined ? {} : { reason: m.reason }),
    },
    signature,
  };
}

export function delegationBody(
  governor: Address,
  { delegator, message: m, signature }: SignedDelegation,
): Api.RelayBody {
  return {
    kind: "delegation",
    collective: governor,
    signer: delegator,
    message: { delegatee: m.delegatee, nonce: m.nonce.toString(), expiry: m.expiry.toString() },
    signature,
  };
}

export function objectionBody(governor: Address, { message: m, signature }: SignedObjection): Api.RelayBody {
  return {
    kind: "objection",
    collective: governor,
    signer: m.objector,
    message: {
      id: m.id.toString(),
      reason: m.reason,
      objector: m.objector,
      nonce: m.nonce.toString(),
      deadline: m.deadline.toString(),
    },
    signature,
  };
}

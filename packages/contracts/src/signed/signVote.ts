/**
 * A signed vote (OpenZeppelin Governor's `castVoteBySig`, or with a reason
 * `castVoteWithReasonAndParamsBySig`): the member signs a ballot (EIP-712, no gas), anyone relays
 * it, and the vote is the signer's. A ballot has no deadline: it is good while the vote is open
 * and the nonce unused. Contract wallets sign through ERC-1271.
 */
import type { Account, Address, Chain, Hash, Hex, PublicClient, Transport, WalletClient } from "viem";
import { collectiveGovernorAbi } from "../generated/artifacts.js";
import { SUPPORT, type Support } from "../governance/castVote.js";
import { readSigningContext, type SigningDomain } from "./readSigningContext.js";

/** The EIP-712 types of a ballot without a reason, as OpenZeppelin's Governor hashes them. */
export const BALLOT_TYPES = {
  Ballot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

/** The EIP-712 types of a ballot with a reason (and parameters, which Rhizome's governor takes empty). */
export const EXTENDED_BALLOT_TYPES = {
  ExtendedBallot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "reason", type: "string" },
    { name: "params", type: "bytes" },
  ],
} as const;

export interface BallotMessage {
  proposalId: bigint;
  /** 0 against, 1 for, 2 abstain. */
  support: number;
  voter: Address;
  /** The voter's next nonce on the governor. */
  nonce: bigint;
  /** Said with the vote; the ballot is an ExtendedBallot when there is one. */
  reason?: string | undefined;
}

/** The typed data to sign or verify: a Ballot, or an ExtendedBallot when the vote has a reason. */
export function ballotTypedData(domain: SigningDomain, message: BallotMessage) {
  const { proposalId, support, voter, nonce, reason } = message;
  if (reason === undefined) {
    return {
      domain,
      types: BALLOT_TYPES,
      primaryType: "Ballot",
      message: { proposalId, support, voter, nonce },
    } as const;
  }
  return {
    domain,
    types: EXTENDED_BALLOT_TYPES,
    primaryType: "ExtendedBallot",
    message: { proposalId, support, voter, nonce, reason, params: "0x" },
  } as const;
}

export interface SignVoteParameters {
  governor: Address;
  proposalId: bigint;
  support: Support;
  reason?: string | undefined;
}

export interface SignedVote {
  governor: Address;
  message: BallotMessage;
  signature: Hex;
}

/** Reads the governor's domain and the wallet account's nonce, and has the wallet sign the ballot. */
export async function signVote(
  clients: { publicClient: PublicClient; walletClient: WalletClient<Transport, Chain, Account> },
  { governor, proposalId, support, reason }: SignVoteParameters,
): Promise<SignedVote> {
  const voter = clients.walletClient.account.address;
  const { domain, nonce } = await readSigningContext(clients.publicClient, { contract: governor, signer: voter });
  const message: BallotMessage = { proposalId, support: SUPPORT.indexOf(support), voter, nonce, reason };
  const typedData = ballotTypedData(domain, message);
  const signature =
    typedData.primaryType === "Ballot"
      ? await clients.walletClient.signTypedData(typedData)
      : await clients.walletClient.signTypedData(typedData);
  return { governor, message, signature };
}

/** The call that relays a signed vote: any account may send it. */
export function castVoteBySigCall({ governor, message, signature }: SignedVote) {
  const { proposalId, support, voter, reason } = message;
  return reason === undefined
    ? ({
        address: governor,
        abi: collectiveGovernorAbi,
        functionName: "castVoteBySig",
        args: [proposalId, support, voter, signature],
      } as const)
    : ({
        address: governor,
        abi: collectiveGovernorAbi,
        functionName: "castVoteWithReasonAndParamsBySig",
        args: [proposalId, support, voter, reason, "0x", signature],
      } as const);
}

/** Relays it from the wallet's account, which pays the gas; resolves with the transaction's hash. */
export function castVoteBySig(client: WalletClient<Transport, Chain, Account>, signed: SignedVote): Promise<Hash> {
  const call = castVoteBySigCall(signed);
  return call.functionName === "castVoteBySig" ? client.writeContract(call) : client.writeContract(call);
}

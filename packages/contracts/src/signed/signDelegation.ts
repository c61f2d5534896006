/**
 * A signed delegation (`Shares.delegateBySig`, ERC-5805's): a member moves their votes to a
 * delegate by signature (EIP-712, no gas), anyone relays it. The contract recovers the signer from
 * the signature (ECDSA), so contract wallets cannot delegate this way; they call `delegate`.
 */
import {
  parseSignature,
  type Account,
  type Address,
  type Chain,
  type Hash,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";
import { sharesAbi } from "../generated/artifacts.js";
import { readSigningContext, type SigningDomain } from "./readSigningContext.js";

/** The EIP-712 types of a delegation, as OpenZeppelin's Votes (and Rhizome's shares) hash them. */
export const DELEGATION_TYPES = {
  Delegation: [
    { name: "delegatee", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "expiry", type: "uint256" },
  ],
} as const;

export interface DelegationMessage {
  delegatee: Address;
  /** The delegator's next nonce on the shares, which `setProfileBySig` also uses. */
  nonce: bigint;
  /** The last timestamp (seconds) at which the signature may be used. */
  expiry: bigint;
}

/** The typed data to sign or verify. It does not name the delegator: the signature does. */
export function delegationTypedData(domain: SigningDomain, message: DelegationMessage) {
  return { domain, types: DELEGATION_TYPES, primaryType: "Delegation", message } as const;
}

export interface SignDelegationParameters {
  shares: Address;
  delegatee: Address;
  expiry: bigint;
}

export interface SignedDelegation {
  shares: Address;
  /** Who signed, which the relay checks the signature against (the contract only recovers it). */
  delegator: Address;
  message: DelegationMessage;
  signature: Hex;
}

/** Reads the shares' domain and the wallet account's nonce, and has the wallet sign the delegation. */
export async function signDelegation(
  clients: { publicClient: PublicClient; walletClient: WalletClient<Transport, Chain, Account> },
  { shares, delegatee, expiry }: SignDelegationParameters,
): Promise<SignedDelegation> {
  const delegator = clients.walletClient.account.address;
  const { domain, nonce } = await readSigningContext(clients.publicClient, { contract: shares, signer: delegator });
  const message = { delegatee, nonce, expiry };
  const signature = await clients.walletClient.signTypedData(delegationTypedData(domain, message));
  return { shares, delegator, message, signature };
}

/** The call that relays a signed delegation: any account may send it. */
export function delegateBySigCall({ shares, message, signature }: SignedDelegation) {
  const { r, s, yParity } = parseSignature(signature);
  return {
    address: shares,
    abi: sharesAbi,
    functionName: "delegateBySig",
    args: [message.delegatee, message.nonce, message.expiry, yParity + 27, r, s],
  } as const;
}

/** Relays it from the wallet's account, which pays the gas; resolves with the transaction's hash. */
export function delegateBySig(
  client: WalletClient<Transport, Chain, Account>,
  signed: SignedDelegation,
): Promise<Hash> {
  return client.writeContract(delegateBySigCall(signed));
}

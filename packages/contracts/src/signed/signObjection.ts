/**
 * A signed objection to delivered work (`Work.objectBySig`): the member signs it (EIP-712, no
 * gas), anyone relays it. Same rules as `object`: the objection and its weight are the signer's.
 */
import type { Account, Address, Chain, Hash, Hex, PublicClient, Transport, WalletClient } from "viem";
import { workAbi } from "../generated/artifacts.js";
import { readSigningContext, type SigningDomain } from "./readSigningContext.js";

/** The EIP-712 types of an objection, as `Work` hashes them. */
export const OBJECTION_TYPES = {
  Objection: [
    { name: "id", type: "uint256" },
    { name: "reason", type: "string" },
    { name: "objector", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export interface ObjectionMessage {
  /** The work item objected to. */
  id: bigint;
  reason: string;
  objector: Address;
  nonce: bigint;
  /** The last timestamp (seconds) at which the signature may be used. */
  deadline: bigint;
}

/** The typed data to sign or verify (viem's `signTypedData` and `verifyTypedData` take it as is). */
export function objectionTypedData(domain: SigningDomain, message: ObjectionMessage) {
  return { domain, types: OBJECTION_TYPES, primaryType: "Objection", message } as const;
}

export interface SignObjectionParameters {
  work: Address;
  id: bigint;
  reason: string;
  deadline: bigint;
}

export interface SignedObjection {
  work: Address;
  message: ObjectionMessage;
  signature: Hex;
}

/** Reads the work module's domain and the wallet account's nonce, and has the wallet sign the objection. */
export async function signObjection(
  clients: { publicClient: PublicClient; walletClient: WalletClient<Transport, Chain, Account> },
  { work, id, reason, deadline }: SignObjectionParameters,
): Promise<SignedObjection> {
  const objector = clients.walletClient.account.address;
  const { domain, nonce } = await readSigningContext(clients.publicClient, { contract: work, signer: objector });
  const message = { id, reason, objector, nonce, deadline };
  const signature = await clients.walletClient.signTypedData(objectionTypedData(domain, message));
  return { work, message, signature };
}

/** The call that relays a signed objection: any account may send it. */
export function objectBySigCall({ work, message, signature }: SignedObjection) {
  const { id, reason, objector, nonce, deadline } = message;
  return {
    address: work,
    abi: workAbi,
    functionName: "objectBySig",
    args: [id, reason, objector, nonce, deadline, signature],
  } as const;
}

/** Relays it from the wallet's account, which pays the gas; resolves with the transaction's hash. */
export function objectBySig(client: WalletClient<Transport, Chain, Account>, signed: SignedObjection): Promise<Hash> {
  return client.writeContract(objectBySigCall(signed));
}

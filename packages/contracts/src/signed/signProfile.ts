/**
 * A signed profile (`Shares.setProfileBySig`): a member's display name, picture link and profile
 * link, signed (EIP-712, no gas) and relayed by anyone. Same rules as `setProfile`.
 */
import type { Account, Address, Chain, Hash, Hex, PublicClient, Transport, WalletClient } from "viem";
import { sharesAbi } from "../generated/artifacts.js";
import { readSigningContext, type SigningDomain } from "./readSigningContext.js";

/** The EIP-712 types of a profile, as `Shares` hashes them. */
export const PROFILE_TYPES = {
  Profile: [
    { name: "name", type: "string" },
    { name: "avatar", type: "string" },
    { name: "uri", type: "string" },
    { name: "member", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export interface ProfileMessage {
  /** At most 64 bytes, no control characters; empty for none. */
  name: string;
  /** A link to a picture, at most 512 bytes; empty for none. */
  avatar: string;
  /** A link to more about the member, at most 512 bytes; empty for none. */
  uri: string;
  member: Address;
  /** The member's next nonce on the shares, which `delegateBySig` also uses. */
  nonce: bigint;
  /** The last timestamp (seconds) at which the signature may be used. */
  deadline: bigint;
}

/** The typed data to sign or verify. */
export function profileTypedData(domain: SigningDomain, message: ProfileMessage) {
  return { domain, types: PROFILE_TYPES, primaryType: "Profile", message } as const;
}

export interface SignProfileParameters {
  shares: Address;
  name: string;
  avatar: string;
  uri: string;
  deadline: bigint;
}

export interface SignedProfile {
  shares: Address;
  message: ProfileMessage;
  signature: Hex;
}

/** Reads the shares' domain and the wallet account's nonce, and has the wallet sign the profile. */
export async function signProfile(
  clients: { publicClient: PublicClient; walletClient: WalletClient<Transport, Chain, Account> },
  { shares, name, avatar, uri, deadline }: SignProfileParameters,
): Promise<SignedProfile> {
  const member = clients.walletClient.account.address;
  const { domain, nonce } = await readSigningContext(clients.publicClient, { contract: shares, signer: member });
  const message = { name, avatar, uri, member, nonce, deadline };
  const signature = await clients.walletClient.signTypedData(profileTypedData(domain, message));
  return { shares, message, signature };
}

/** The call that relays a signed profile: any account may send it. */
export function setProfileBySigCall({ shares, message, signature }: SignedProfile) {
  const { name, avatar, uri, member, nonce, deadline } = message;
  return {
    address: shares,
    abi: sharesAbi,
    functionName: "setProfileBySig",
    args: [name, avatar, uri, member, nonce, deadline, signature],
  } as const;
}

/** Relays it from the wallet's account, which pays the gas; resolves with the transaction's hash. */
export function setProfileBySig(client: WalletClient<Transport, Chain, Account>, signed: SignedProfile): Promise<Hash> {
  return client.writeContract(setProfileBySigCall(signed));
}

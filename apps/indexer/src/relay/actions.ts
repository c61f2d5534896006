/**
 * What a posted action is: its typed data (to verify the signature against), the call that relays it
 * (to simulate and send), the contract whose nonce it spends and the time it is good until. Built
 * with @rhizome/contracts' signed builders, so the service and the web client hash the same message.
 */
import { encodeFunctionData, getAddress, type Address, type Hex } from "viem";
import {
  ballotTypedData,
  castVoteBySigCall,
  delegateBySigCall,
  delegationTypedData,
  objectBySigCall,
  objectionTypedData,
  profileTypedData,
  setProfileBySigCall,
  type SigningDomain,
} from "@rhizome/contracts";
import type { RelayBody, RelayKind } from "@rhizome/client/schemas";

/** The modules of a collective that signed actions go to, from the index. */
export interface CollectiveModules {
  governor: Address;
  shares: Address;
  work: Address;
}

export interface PreparedAction {
  kind: RelayKind;
  signer: Address;
  /** The contract called, whose EIP-712 domain and nonces the signature is bound to. */
  target: Address;
  nonce: bigint;
  /** The last timestamp (seconds) the signature is good for; undefined for a ballot, which has none. */
  deadline: bigint | undefined;
  /** The typed data for `domain` (viem's verifyTypedData takes it with the address and signature). */
  typedData: (domain: SigningDomain) => Record<string, unknown>;
  data: Hex;
}

/** The posted action lacks a field its kind needs, or names someone else than its signer. */
export class MalformedActionError extends Error {
  override name = "MalformedActionError";
}

/** The message's fields, each a decimal string, an address, text or (for `support`) a number. */
type Fields = Record<string, string | number | undefined>;

function need(message: Fields, key: string): string {
  const value = message[key];
  if (value === undefined) throw new MalformedActionError(`This action's message needs \`${key}\`.`);
  return String(value);
}

function sameSigner(signer: Address, named: string, role: string): Address {
  if (getAddress(named) !== signer) {
    throw new MalformedActionError(`The ${role} in the message (${getAddress(named)}) is not the signer (${signer}).`);
  }
  return signer;
}

/** The typed data and call of `body`, for the collective's `modules`. */
export function prepareAction(body: RelayBody, modules: CollectiveModules): PreparedAction {
  const signer = getAddress(body.signer);
  const message = body.message as Fields;
  const signature = body.signature as Hex;
  const nonce = BigInt(need(message, "nonce"));
  switch (body.kind) {
    case "vote": {
      const ballot = {
        proposalId: BigInt(need(message, "proposalId")),
        support: Number(need(message, "support")),
        voter: sameSigner(signer, need(message, "voter"), "voter"),
        nonce,
        reason: message.reason === undefined ? undefined : String(message.reason),
      };
      const signed = { governor: modules.governor, message: ballot, signature };
      const call = castVoteBySigCall(signed);
      return {
        kind: body.kind,
        signer,
        target: modules.governor,
        nonce,
        deadline: undefined,
        typedData: (domain) => ballotTypedData(domain, ballot),
        data: call.functionName === "castVoteBySig" ? encodeFunctionData(call) : encodeFunctionData(call),
      };
    }
    case "delegation": {
      const delegation = {
        delegatee: getAddress(need(message, "delegatee")),
        nonce,
        expiry: BigInt(need(message, "expiry")),
      };
      const signed = { shares: modules.shares, delegator: signer, message: delegation, signature };
      return {
        kind: body.kind,
        signer,
        target: modules.shares,
        nonce,
        deadline: delegation.expiry,
        typedData: (domain) => delegationTypedData(domain, delegation),
        data: encodeFunctionData(delegateBySigCall(signed)),
      };
    }
    case "objection": {
      const objection = {
        id: BigInt(need(message, "id")),
        reason: String(message.reason ?? ""),
        objector: sameSigner(signer, need(message, "objector"), "objector"),
        nonce,
        deadline: BigInt(need(message, "deadline")),
      };
      return {
        kind: body.kind,
        signer,
        target: modules.work,
        nonce,
        deadline: objection.deadline,
        typedData: (domain) => objectionTypedData(domain, objection),
        data: encodeFunctionData(objectBySigCall({ work: modules.work, message: objection, signature })),
      };
    }
    case "profile": {
      const profile = {
        name: String(message.name ?? ""),
        avatar: String(message.avatar ?? ""),
        uri: String(message.uri ?? ""),
        member: sameSigner(signer, need(message, "member"), "member"),
        nonce,
        deadline: BigInt(need(message, "deadline")),
      };
      return {
        kind: body.kind,
        signer,
        target: modules.shares,
        nonce,
        deadline: profile.deadline,
        typedData: (domain) => profileTypedData(domain, profile),
        data: encodeFunctionData(setProfileBySigCall({ shares: modules.shares, message: profile, signature })),
      };
    }
  }
}

/**
 * What names a proposal: its actions and description. The governor takes them whole to propose,
 * and as the operation (actions and the description's hash) to queue, execute and cancel; its id
 * is the hash of the operation, so anyone can compute it before proposing.
 */
import { encodeAbiParameters, hexToBigInt, keccak256, toHex, type Address, type Hex } from "viem";

/** A governor proposal's actions and description, ready for `propose`, `queue` and `execute`. */
export interface ProposalActions {
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  description: string;
}

/** The hash the governor's `queue` and `execute` take in place of the description. */
export function descriptionHash(description: string): Hex {
  return keccak256(toHex(description));
}

/** The arguments `queue`, `execute` and `cancel` take: the actions and the description's hash. */
export function proposalOperation(actions: ProposalActions) {
  return [actions.targets, actions.values, actions.calldatas, descriptionHash(actions.description)] as const;
}

/** The proposal's id, as the governor's `hashProposal` computes it. */
export function proposalIdOf(actions: ProposalActions): bigint {
  const encoded = encodeAbiParameters(
    [{ type: "address[]" }, { type: "uint256[]" }, { type: "bytes[]" }, { type: "bytes32" }],
    proposalOperation(actions),
  );
  return hexToBigInt(keccak256(encoded));
}

const PROPOSER_SUFFIX = /#proposer=(0x[0-9a-fA-F]{40})$/;

/**
 * Appends the `#proposer=0x…` suffix that lets only `proposer` submit this description, so no
 * one can copy a pending proposal transaction and front-run it under their own name.
 */
export function restrictToProposer(description: string, proposer: Address): string {
  return `${description}#proposer=${proposer}`;
}

/** A description read back: its first line as the title, the rest, and the proposer it is reserved for. */
export interface ParsedDescription {
  title: string;
  body: string;
  /** The `#proposer=` suffix's address, when only that account may propose it. */
  proposer: Address | null;
}

/** Splits a description into title, body and the proposer it is reserved for. */
export function parseDescription(description: string): ParsedDescription {
  const match = PROPOSER_SUFFIX.exec(description);
  const text = match ? description.slice(0, match.index) : description;
  const [first = "", ...rest] = text.split("\n");
  return {
    title: first.trim() || "(no description)",
    body: rest.join("\n").trim(),
    proposer: match?.[1] ? (match[1] as Address) : null,
  };
}

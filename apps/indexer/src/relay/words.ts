/**
 * Why a relayed action would fail, or failed, in words: the contract's custom error decoded with
 * rhizomeErrorsAbi (whichever module raised it) and said to the member who signed in the same
 * words the web client uses (@rhizome/client's ERROR_WORDS); a revert of no Rhizome error is
 * told as the node said it.
 */
import { BaseError } from "viem";
import { decodeRevert, describeCustomError } from "@rhizome/client";

/** The sentence for a revert, or undefined when `error` is not one (a network failure). */
export function revertWords(error: unknown): string | undefined {
  const decoded = decodeRevert(error);
  if (decoded) return describeCustomError(decoded);
  if (error instanceof BaseError && /revert/i.test(error.message))
    return `The contract refused it: ${error.shortMessage}`;
  return undefined;
}

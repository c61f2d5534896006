/**
 * Turns a failed transaction into a sentence a member can act on: a contract's custom error
 * (decoded with rhizomeErrorsAbi, whichever module raised it; the words are @rhizome/client's,
 * shared with the service's relay), a refusal in the wallet, or viem's short message. Unknown
 * custom errors fall back to their name.
 */
import { decodeRevert, describeCustomError } from "@rhizome/client";
import { BaseError, UserRejectedRequestError } from "viem";

export { decodeRevert, describeCustomError, describeRevertData, ERROR_WORDS, type DecodedError } from "@rhizome/client";

/** Any failure of a transaction or a call, in plain words. */
export function explainError(error: unknown): string {
  const custom = decodeRevert(error);
  if (custom) return describeCustomError(custom);
  if (error instanceof BaseError) {
    if (error.walk((e) => e instanceof UserRejectedRequestError)) return "You declined the request in your wallet.";
    return error.shortMessage;
  }
  return error instanceof Error ? error.message : String(error);
}

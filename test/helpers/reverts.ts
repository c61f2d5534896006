import { BaseError, decodeErrorResult, isHex, type Hex } from "viem";
import { rhizomeErrorsAbi } from "@rhizome/contracts";

/** The revert data carried anywhere in a viem error's cause chain, if any. */
function revertData(error: unknown): Hex | undefined {
  if (!(error instanceof BaseError)) return undefined;
  let found: Hex | undefined;
  error.walk((cause) => {
    const candidate = cause as { raw?: unknown; data?: unknown };
    for (const value of [candidate.raw, candidate.data]) {
      if (typeof value === "string" && isHex(value) && value.length >= 10) {
        found ??= value;
      }
    }
    return false;
  });
  return found;
}

/**
 * Awaits `promise`, which must revert with the Rhizome or OpenZeppelin custom error `name`,
 * decoded from the revert data with every error the contracts declare; returns its arguments.
 */
export async function expectRevert(promise: Promise<unknown>, name: string): Promise<readonly unknown[]> {
  let error: unknown;
  try {
    await promise;
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) throw new Error(`Expected a revert with ${name}, but the call succeeded`);
  const data = revertData(error);
  if (!data) throw new Error(`Expected a revert with ${name}, but got: ${String(error)}`);
  const decoded = decodeErrorResult({ abi: rhizomeErrorsAbi, data });
  if (decoded.errorName !== name) {
    throw new Error(`Expected a revert with ${name}, but it reverted with ${decoded.errorName}`);
  }
  return decoded.args ?? [];
}

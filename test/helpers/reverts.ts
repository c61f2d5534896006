import { BaseError, decodeErrorResult, isHex, parseEventLogs, type Hex, type TransactionReceipt } from "viem";
import { collectiveTimelockAbi, rhizomeErrorsAbi } from "@rhizome/contracts";

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

/**
 * Awaits a proposal's execution (its receipt, or what `pass` returns), whose calls must have
 * reverted with the custom error `name`: the execution succeeds, and the timelock records the
 * operation as failed for good (`OperationFailed`). Returns the error's arguments.
 */
export async function expectFailedExecution(
  execution: Promise<TransactionReceipt | { executed: TransactionReceipt }>,
  name: string,
): Promise<readonly unknown[]> {
  const settled = await execution;
  const receipt = "executed" in settled ? settled.executed : settled;
  const [failed] = parseEventLogs({ abi: collectiveTimelockAbi, eventName: "OperationFailed", logs: receipt.logs });
  if (!failed) throw new Error(`Expected the execution to fail with ${name}, but it ran`);
  const decoded = decodeErrorResult({ abi: rhizomeErrorsAbi, data: failed.args.reason });
  if (decoded.errorName !== name) {
    throw new Error(`Expected the execution to fail with ${name}, but it failed with ${decoded.errorName}`);
  }
  return decoded.args ?? [];
}

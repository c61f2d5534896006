import { rhizomeErrorsAbi } from "@rhizome/contracts";
import {
  BaseError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  UserRejectedRequestError,
  zeroAddress,
} from "viem";
import { describe, expect, it } from "vitest";
import { decodeRevert, describeCustomError, ERROR_WORDS, explainError } from "./errors";

const voter = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

/** A revert as viem raises it from simulateContract, with the ABI the call used. */
function reverted(data: `0x${string}`, abi: readonly unknown[] = rhizomeErrorsAbi) {
  const cause = new ContractFunctionRevertedError({ abi: abi as never, data, functionName: "ragequit" });
  return new ContractFunctionExecutionError(cause, { abi: abi as never, functionName: "ragequit", args: [] });
}

describe("explainError", () => {
  it("says why a member who voted for a live proposal cannot leave", () => {
    const data = encodeErrorResult({ abi: rhizomeErrorsAbi, errorName: "GovernorExitLocked", args: [voter, 7n, 1] });
    expect(explainError(reverted(data))).toBe(
      "You voted for a proposal that can still run: you can leave after it is executed or expires.",
    );
  });

  it("decodes a Rhizome error even when the call's ABI does not declare it", () => {
    const data = encodeErrorResult({ abi: rhizomeErrorsAbi, errorName: "SharesNonTransferable" });
    expect(decodeRevert(reverted(data, []))).toEqual({ name: "SharesNonTransferable", args: [] });
    expect(explainError(reverted(data, []))).toMatch(/cannot be transferred/);
  });

  it("puts the proposer's votes and the threshold into words", () => {
    const data = encodeErrorResult({
      abi: rhizomeErrorsAbi,
      errorName: "GovernorInsufficientProposerVotes",
      args: [voter, 3n, 10n],
    });
    expect(explainError(reverted(data))).toBe(
      "You need 10 votes to make a proposal and have 3. Ask a member to delegate to you, or to sponsor it.",
    );
  });

  it("names the state a work item is in (IWork.State counts from None = 0)", () => {
    expect(describeCustomError({ name: "WorkInvalidState", args: [1n, 2] })).toBe(
      "The work is delivered, so this step is not possible now.",
    );
    expect(describeCustomError({ name: "WorkInvalidState", args: [1n, 6] })).toBe(
      "The work is cancelled, so this step is not possible now.",
    );
    expect(describeCustomError({ name: "GovernorUnexpectedProposalState", args: [1n, 5, "0x00"] })).toBe(
      "The proposal is queued, so this step is not possible now.",
    );
    expect(describeCustomError({ name: "WorkReviewOpen", args: [1n, 0n] })).toMatch(
      /review window is still open until/,
    );
  });

  it("says which character of a name is refused, and that a signature expired", () => {
    expect(describeCustomError({ name: "SharesNameControlCharacter", args: [3n] })).toBe(
      "A name may not contain control characters such as line breaks or tabs; there is one at byte 4.",
    );
    expect(describeCustomError({ name: "SharesNameTooLong", args: [70n] })).toBe(
      "A name may be at most 64 bytes; this one is 70.",
    );
    expect(describeCustomError({ name: "WorkExpiredSignature", args: [0n] })).toMatch(
      /^The signature expired at .+: sign again in your wallet\.$/,
    );
  });

  it("falls back to the error's name when it has no words (an error of a newer contract)", () => {
    const abi = [{ type: "error", name: "TreasuryPaused", inputs: [] }] as const;
    const data = encodeErrorResult({ abi, errorName: "TreasuryPaused" });
    expect(explainError(reverted(data, abi))).toBe("The contract refused: TreasuryPaused.");
  });

  it("says when the wallet declined", () => {
    const error = new BaseError("rejected", { cause: new UserRejectedRequestError(new Error("User rejected")) });
    expect(explainError(error)).toBe("You declined the request in your wallet.");
  });

  it("keeps a plain error's message", () => {
    expect(explainError(new Error(`no code at ${zeroAddress}`))).toBe(`no code at ${zeroAddress}`);
  });
});

describe("ERROR_WORDS", () => {
  it("has words for every custom error of Rhizome's contracts", () => {
    const names: string[] = [...new Set(rhizomeErrorsAbi.map((e) => e.name))];
    expect(names.filter((name) => !(name in ERROR_WORDS))).toEqual([]);
    // And nothing for errors that no contract raises.
    expect(Object.keys(ERROR_WORDS).filter((name) => !names.includes(name))).toEqual([]);
  });
});

/**
 * What every request signed by a member's wallet (a comment, a webhook of their own) is checked
 * for before anything else: that the service knows its chain (the EIP-712 domain names it), that
 * it was signed in the last few minutes, and that the signature is the signer's, with viem's
 * verifyTypedData on the chain when the service has its RPC, so a contract wallet (ERC-1271)
 * signs as an account does. Each refusal is a 4xx (or a 503) with `{ error, message }`.
 */
import { createPublicClient, http, verifyTypedData, type Hex, type TypedDataDefinition } from "viem";
import type { IndexerStatus } from "../../indexer.js";
import { HttpError } from "../../plugins/http-errors.js";

export const refused = (status: number, error: string, message: string) => new HttpError(status, error, message);

/** Seconds a signature's `issuedAt` may run ahead of this machine's clock. */
const CLOCK_SKEW_SECONDS = 60;

export interface SignedRequests {
  /**
   * The chain's id, once `issuedAt` is checked to be at most `ttlSeconds` ago (and not ahead of
   * this clock); `what` names the signed thing in the refusal ("message", "request").
   */
  fresh(issuedAt: number, ttlSeconds: number, what: string): { chainId: number; now: number };
  /** True when `signature` is `address`'s over the typed data. */
  valid(typed: TypedDataDefinition & { address: `0x${string}`; signature: Hex }): Promise<boolean>;
}

export function signedRequests(status: () => IndexerStatus, rpcUrl: string | undefined): SignedRequests {
  const client = rpcUrl ? createPublicClient({ transport: http(rpcUrl) }) : undefined;
  return {
    fresh(issuedAt, ttlSeconds, what) {
      const { chainId } = status();
      if (chainId === 0) throw refused(503, "ServiceUnavailable", "The service has not reached its chain yet.");
      const now = Math.floor(Date.now() / 1000);
      if (issuedAt > now + CLOCK_SKEW_SECONDS || now - issuedAt > ttlSeconds) {
        const minutes = Math.round(ttlSeconds / 60);
        throw refused(
          400,
          "ExpiredSignature",
          `This ${what} was signed more than ${minutes} minutes ago (or in the future): sign it again.`,
        );
      }
      return { chainId, now };
    },
    async valid(typed) {
      try {
        return client ? await client.verifyTypedData(typed as never) : await verifyTypedData(typed as never);
      } catch {
        return false;
      }
    },
  };
}

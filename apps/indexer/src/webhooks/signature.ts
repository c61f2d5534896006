/**
 * Each delivery is signed so the receiver can tell it came from this service and was not replayed:
 * `X-Rhizome-Signature: sha256=<hex>`, the HMAC-SHA256 under the subscription's secret of
 * `<timestamp>.<body>`, with the timestamp (seconds) in `X-Rhizome-Timestamp`. A receiver checks
 * the signature over the raw body and refuses a timestamp more than a few minutes old.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver runs: true when `signature` is this body's at this timestamp. */
export function verify(secret: string, timestamp: number, body: string, signature: string): boolean {
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A new subscription's secret: 32 random bytes, hex. */
export const newSecret = () => randomBytes(32).toString("hex");

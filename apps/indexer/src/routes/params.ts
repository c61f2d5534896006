/** Path and query values as the repositories take them. */
import { getAddress, maxUint256, type Address } from "viem";
import { BadRequestError } from "../plugins/http-errors.js";

/** A schema-checked address in any case, checksummed. */
export const checksum = (address: string): Address => getAddress(address);

/** An optional address filter, checksummed. */
export const optionalChecksum = (address: string | undefined): Address | undefined =>
  address === undefined ? undefined : getAddress(address);

/** A schema-checked comma-separated list of addresses, checksummed, each once, in the order given. */
export const accountList = (accounts: string): Address[] => [...new Set(accounts.split(",").map(checksum))];

/** A schema-checked decimal id, within uint256. */
export function uint256(value: string, name: string): bigint {
  const parsed = BigInt(value);
  if (parsed > maxUint256) throw new BadRequestError(`The path parameter ${name} must be at most 2^256 - 1.`);
  return parsed;
}

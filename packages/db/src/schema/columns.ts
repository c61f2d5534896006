import { bigint, numeric, text } from "drizzle-orm/pg-core";

/** An on-chain amount (uint256): numeric(78,0), a bigint in TypeScript. */
export const amount = (name: string) => numeric(name, { precision: 78, scale: 0, mode: "bigint" });

/** A block number or a timestamp in seconds; both stay far below 2^53. */
export const blockNumber = (name: string) => bigint(name, { mode: "number" });
export const timestamp = (name: string) => bigint(name, { mode: "number" });

/** A checksummed address. */
export const address = (name: string) => text(name);

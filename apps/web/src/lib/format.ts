/** How amounts, addresses, shares and times read on screen. */
import { parseDescription } from "@rhizome/contracts";
import { formatUnits, zeroAddress } from "viem";

/** 0x70997970…79C8 */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/** Whole shares with thousands separators; shares are indivisible. */
export function formatShares(shares: string | bigint): string {
  return BigInt(shares).toLocaleString("en-US");
}

/** What an amount of an asset reads as: its symbol and how many decimals its base unit has. */
export interface TokenInfo {
  symbol: string;
  decimals: number;
}

export const ETH: TokenInfo = { symbol: "ETH", decimals: 18 };

/** Base units as whole units with at most four decimals and thousands separators: "1,234.5 tEUR". */
export function formatUnitsOf(amount: string | bigint, token: TokenInfo): string {
  const [whole, fraction = ""] = formatUnits(BigInt(amount), token.decimals).split(".");
  const trimmed = fraction.slice(0, 4).replace(/0+$/, "");
  return `${BigInt(whole ?? "0").toLocaleString("en-US")}${trimmed ? `.${trimmed}` : ""} ${token.symbol}`;
}

/** Wei as ETH with at most four decimals. */
export function formatEth(wei: string | bigint): string {
  return formatUnitsOf(wei, ETH);
}

/**
 * An asset amount: ETH in ether; an ERC-20 in whole units with its symbol once `info` (read
 * from the token, see lib/tokens) is known, and in base units of its short address until then.
 */
export function formatAsset(token: string, amount: string | bigint, info?: TokenInfo): string {
  if (token === zeroAddress) return formatEth(amount);
  if (info) return formatUnitsOf(amount, info);
  return `${BigInt(amount).toLocaleString("en-US")} units of ${shortAddress(token)}`;
}

/** The link a member or a work item gives, if it is one a browser may open safely (http, https, ipfs). */
export function safeHref(uri: string): string | undefined {
  try {
    return ["https:", "http:", "ipfs:"].includes(new URL(uri).protocol) ? uri : undefined;
  } catch {
    return undefined;
  }
}

/** 0.1234 → "12.3%" */
export function formatPercent(ratio: number, digits = 1): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** A chain timestamp (seconds) as a local date and time. */
export function formatTime(seconds: number): string {
  return new Date(seconds * 1000).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** A duration in seconds as "3 days", "2 hours", "5 minutes". */
export function formatDuration(seconds: number): string {
  const units: [number, string][] = [
    [86_400, "day"],
    [3_600, "hour"],
    [60, "minute"],
  ];
  for (const [size, name] of units) {
    if (seconds >= size) {
      const n = Math.round(seconds / size);
      return `${n} ${name}${n === 1 ? "" : "s"}`;
    }
  }
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

/** The first line of a proposal's description, without the `#proposer=` suffix. */
export function proposalTitle(description: string): string {
  return parseDescription(description).title;
}

/** When `seconds` is, from `now` (both seconds): "in 3 hours", "5 minutes ago". */
export function formatRelative(seconds: number, now: number): string {
  const delta = Math.round(seconds - now);
  return delta >= 0 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`;
}

/** How amounts, addresses, shares and times read on screen. */
import { formatEther, zeroAddress } from "viem";

/** 0x70997970…79C8 */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/** Whole shares with thousands separators; shares are indivisible. */
export function formatShares(shares: string | bigint): string {
  return BigInt(shares).toLocaleString("en-US");
}

/** Wei as ETH with at most four decimals. */
export function formatEth(wei: string | bigint): string {
  const [whole, fraction = ""] = formatEther(BigInt(wei)).split(".");
  const trimmed = fraction.slice(0, 4).replace(/0+$/, "");
  return `${BigInt(whole ?? "0").toLocaleString("en-US")}${trimmed ? `.${trimmed}` : ""} ETH`;
}

/**
 * An asset amount: ETH in ether; an ERC-20 in its base units with the token's short address,
 * since the API does not say a token's symbol or decimals.
 */
export function formatAsset(token: string, amount: string | bigint): string {
  if (token === zeroAddress) return formatEth(amount);
  return `${BigInt(amount).toLocaleString("en-US")} units of ${shortAddress(token)}`;
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
  const withoutProposer = description.replace(/#proposer=0x[0-9a-fA-F]{40}$/, "");
  return withoutProposer.split("\n")[0]?.trim() || "(no description)";
}

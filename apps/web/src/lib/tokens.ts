/**
 * What an ERC-20 the treasury holds is called and how its amounts read: its symbol and
 * decimals, read once from the token itself through the wallet's chain connection (the API
 * indexes balances, not token metadata), and cached for the session.
 */
import { erc20Abi, zeroAddress, type Address } from "viem";
import { useReadContracts } from "wagmi";
import { ETH, type TokenInfo } from "./format";

/** Symbol and decimals per token address (lower case); ETH under the zero address. Unknown until read. */
export function useTokens(tokens: readonly string[]): Map<string, TokenInfo> {
  const erc20s = [...new Set(tokens.map((t) => t.toLowerCase()))].filter((t) => t !== zeroAddress) as Address[];
  const reads = useReadContracts({
    contracts: erc20s.flatMap((address) => [
      { address, abi: erc20Abi, functionName: "symbol" } as const,
      { address, abi: erc20Abi, functionName: "decimals" } as const,
    ]),
    allowFailure: true,
    query: { enabled: erc20s.length > 0, staleTime: Infinity, gcTime: Infinity },
  });
  const infos = new Map<string, TokenInfo>([[zeroAddress, ETH]]);
  erc20s.forEach((address, i) => {
    const symbol = reads.data?.[2 * i];
    const decimals = reads.data?.[2 * i + 1];
    if (symbol?.status === "success" && decimals?.status === "success")
      infos.set(address, { symbol: String(symbol.result), decimals: Number(decimals.result) });
  });
  return infos;
}

/** One token's symbol and decimals, once read. */
export function useToken(token: string): TokenInfo | undefined {
  return useTokens([token]).get(token.toLowerCase());
}

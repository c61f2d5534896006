/** An amount of ETH or of an ERC-20, in whole units with the token's symbol once it is read. */
import { formatAsset, shortAddress } from "../lib/format";
import { useToken } from "../lib/tokens";

export function Asset({ token, amount }: { token: string; amount: string | bigint }) {
  const info = useToken(token);
  return <span title={info ? undefined : token}>{formatAsset(token, amount, info)}</span>;
}

/** An asset's name: ETH, or the token's symbol once read (its short address until then). */
export function AssetName({ token }: { token: string }) {
  const info = useToken(token);
  return <span title={token}>{info?.symbol ?? shortAddress(token)}</span>;
}

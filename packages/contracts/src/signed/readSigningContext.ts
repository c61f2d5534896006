/**
 * What every signed action is built on: the contract's EIP-712 domain, read from the contract
 * itself (ERC-5267 `eip712Domain()`), and the signer's next nonce there (`nonces`). The governor,
 * the shares and the work module all expose both; each keeps its own nonces.
 */
import type { Address, PublicClient } from "viem";
import { workAbi } from "../generated/artifacts.js";

/** An EIP-712 domain as Rhizome's contracts declare it: name, version, chain and contract, no salt. */
export interface SigningDomain {
  name: string;
  version: string;
  chainId: number;
  verifyingContract: Address;
}

export interface SigningContext {
  domain: SigningDomain;
  /** The nonce the signer's next signature for this contract must carry. */
  nonce: bigint;
}

/** The EIP-712 domain of `contract` (a collective's governor, shares or work module). */
export async function readSigningDomain(publicClient: PublicClient, contract: Address): Promise<SigningDomain> {
  // Every module's eip712Domain() is ERC-5267's; the work module's ABI stands for all of them.
  const [, name, version, chainId, verifyingContract] = await publicClient.readContract({
    address: contract,
    abi: workAbi,
    functionName: "eip712Domain",
  });
  return { name, version, chainId: Number(chainId), verifyingContract };
}

/** The domain of `contract` and `signer`'s next nonce there. */
export async function readSigningContext(
  publicClient: PublicClient,
  params: { contract: Address; signer: Address },
): Promise<SigningContext> {
  const [domain, nonce] = await Promise.all([
    readSigningDomain(publicClient, params.contract),
    publicClient.readContract({
      address: params.contract,
      abi: workAbi,
      functionName: "nonces",
      args: [params.signer],
    }),
  ]);
  return { domain, nonce };
}

import {
  getAddress,
  type Account,
  type Address,
  type BlockNumber,
  type Chain,
  type Hash,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";
import { collectiveGovernorAbi, treasuryAbi } from "./generated/artifacts.js";

const FOR = 1;

/**
 * The proposals `voter` voted *for* since their *for* votes were last released, in voting
 * order: what `Treasury.ragequit` and `CollectiveGovernor.releaseForVotes` need as proof.
 * Read from the governor's `VoteCast` and `ForVotesReleased` events, both indexed by voter.
 */
export async function forVotesSinceRelease(
  publicClient: PublicClient,
  params: { governor: Address; voter: Address; fromBlock?: BlockNumber },
): Promise<bigint[]> {
  const range = { address: params.governor, fromBlock: params.fromBlock ?? 0n, toBlock: "latest" as const };
  const [votes, releases] = await Promise.all([
    publicClient.getContractEvents({
      ...range,
      abi: collectiveGovernorAbi,
      eventName: "VoteCast",
      args: { voter: params.voter },
    }),
    publicClient.getContractEvents({
      ...range,
      abi: collectiveGovernorAbi,
      eventName: "ForVotesReleased",
      args: { voter: params.voter },
    }),
  ]);
  const position = (log: { blockNumber: bigint; logIndex: number }) =>
    log.blockNumber * 100_000n + BigInt(log.logIndex);
  const lastRelease = releases.reduce((latest, log) => (position(log) > latest ? position(log) : latest), -1n);
  return votes
    .filter((log) => log.args.support === FOR && position(log) > lastRelease)
    .sort((a, b) => (position(a) < position(b) ? -1 : 1))
    .map((log) => log.args.proposalId as bigint);
}

/** Sorts and de-duplicates token addresses into the strictly ascending list ragequit takes. */
export function ragequitTokens(tokens: readonly Address[]): Address[] {
  const unique = [...new Set(tokens.map((token) => getAddress(token)))];
  return unique.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
}

/**
 * Leaves a collective with `shares` of the wallet's shares and the same fraction of the
 * treasury's ETH and of each token in `tokens`. Gathers the *for* votes to release itself;
 * the simulation surfaces `GovernorExitLocked` when one of them can still run.
 */
export async function ragequit(
  clients: { publicClient: PublicClient; walletClient: WalletClient<Transport, Chain, Account> },
  params: {
    governor: Address;
    treasury: Address;
    shares: bigint;
    tokens?: readonly Address[];
    fromBlock?: BlockNumber;
  },
): Promise<Hash> {
  const voter = clients.walletClient.account.address;
  const forVotes = await forVotesSinceRelease(clients.publicClient, {
    governor: params.governor,
    voter,
    ...(params.fromBlock === undefined ? {} : { fromBlock: params.fromBlock }),
  });
  const { request } = await clients.publicClient.simulateContract({
    account: clients.walletClient.account,
    address: params.treasury,
    abi: treasuryAbi,
    functionName: "ragequit",
    args: [params.shares, ragequitTokens(params.tokens ?? []), forVotes],
  });
  return clients.walletClient.writeContract(request);
}

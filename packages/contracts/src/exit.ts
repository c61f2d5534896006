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
 * Read from the governor's `VoteCast`, `VoteCastWithParams` and `ForVotesReleased` events, all
 * indexed by voter: the proposals the last release kept (those that could still run then), then
 * the *for* votes cast since.
 */
export async function forVotesSinceRelease(
  publicClient: PublicClient,
  params: { governor: Address; voter: Address; fromBlock?: BlockNumber },
): Promise<bigint[]> {
  const range = { address: params.governor, fromBlock: params.fromBlock ?? 0n, toBlock: "latest" as const };
  const [votes, votesWithParams, releases] = await Promise.all([
    publicClient.getContractEvents({
      ...range,
      abi: collectiveGovernorAbi,
      eventName: "VoteCast",
      args: { voter: params.voter },
    }),
    publicClient.getContractEvents({
      ...range,
      abi: collectiveGovernorAbi,
      eventName: "VoteCastWithParams",
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
  const last = releases.reduce<(typeof releases)[number] | undefined>(
    (latest, log) => (latest === undefined || position(log) > position(latest) ? log : latest),
    undefined,
  );
  const since = last === undefined ? -1n : position(last);
  const cast = [...votes, ...votesWithParams]
    .filter((log) => log.args.support === FOR && position(log) > since)
    .sort((a, b) => (position(a) < position(b) ? -1 : 1))
    .map((log) => log.args.proposalId as bigint);
  return [...(last?.args.kept ?? []), ...cast];
}

/** Sorts and de-duplicates token addresses into the strictly ascending list ragequit takes. */
export function ragequitTokens(tokens: readonly Address[]): Address[] {
  const unique = [...new Set(tokens.map((token) => getAddress(token)))];
  return unique.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
}

/** A token an exit leaves out, and the revert that taking it caused. */
export interface RefusedToken {
  token: Address;
  error: unknown;
}

/**
 * Which of `tokens` an exit can take. The treasury pays each token with a transfer, so one token
 * whose transfer reverts (a honeypot that shows a balance it will not send, a paused token) makes
 * the whole exit revert, and anyone can send a treasury such a token. The exit is simulated with
 * every token; if that reverts, each token is tried on its own and those that revert are left
 * out. A revert that is not a token's (the exit lock, more shares than held) is thrown as it is.
 */
export async function exitableTokens(
  publicClient: PublicClient,
  params: {
    account: Address;
    treasury: Address;
    shares: bigint;
    tokens: readonly Address[];
    forVotes: readonly bigint[];
  },
): Promise<{ tokens: Address[]; refused: RefusedToken[] }> {
  const simulate = (tokens: readonly Address[]) =>
    publicClient.simulateContract({
      account: params.account,
      address: params.treasury,
      abi: treasuryAbi,
      functionName: "ragequit",
      args: [params.shares, tokens, params.forVotes],
    });
  const all = ragequitTokens(params.tokens);
  try {
    await simulate(all);
    return { tokens: all, refused: [] };
  } catch (error) {
    // Without any token: a revert here is the exit's own, not a token's.
    if (all.length === 0) throw error;
    await simulate([]);
  }
  const refused: RefusedToken[] = [];
  const taken: Address[] = [];
  for (const token of all) {
    try {
      await simulate([token]);
      taken.push(token);
    } catch (error) {
      refused.push({ token, error });
    }
  }
  await simulate(taken);
  return { tokens: taken, refused };
}

/**
 * Leaves a collective with `shares` of the wallet's shares and the same fraction of the
 * treasury's ETH and of each token in `tokens` that it can take (see `exitableTokens`). Gathers the *for* votes to release itself;
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
  // Tokens whose transfer reverts are left out rather than making the exit revert.
  const { tokens } = await exitableTokens(clients.publicClient, {
    account: voter,
    treasury: params.treasury,
    shares: params.shares,
    tokens: params.tokens ?? [],
    forVotes,
  });
  const { request } = await clients.publicClient.simulateContract({
    account: clients.walletClient.account,
    address: params.treasury,
    abi: treasuryAbi,
    functionName: "ragequit",
    args: [params.shares, tokens, forVotes],
  });
  return clients.walletClient.writeContract(request);
}

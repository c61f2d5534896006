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
import { collectiveGovernorAbi, sharesAbi, treasuryAbi } from "./generated/artifacts.js";

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

/**
 * Where the proofs of *for* votes come from: by default the governor's events, read from
 * `fromBlock` (`forVotesSinceRelease`); an index serves the same without reading logs (the
 * Rhizome API's `GET /api/collectives/{governor}/members/{voter}/for-votes`).
 */
export type ForVotesSource = (params: { governor: Address; voter: Address }) => Promise<readonly bigint[]>;

function proofsFrom(
  publicClient: PublicClient,
  params: { forVotes?: ForVotesSource | undefined; fromBlock?: BlockNumber | undefined },
): ForVotesSource {
  return (
    params.forVotes ??
    ((p) =>
      forVotesSinceRelease(publicClient, {
        ...p,
        ...(params.fromBlock === undefined ? {} : { fromBlock: params.fromBlock }),
      }))
  );
}

/** A delegate whose *for* votes bind a member's exit until they are released. */
export interface BindingDelegate {
  delegate: Address;
  /** The delegate's *for* votes to release, in order. */
  proposalIds: readonly bigint[];
  /** Whether every one of them has ended, so that anyone may release them now. */
  releasable: boolean;
}

const EMPTY_CHAIN = `0x${"0".repeat(63)}1`;

/**
 * The delegates whose *for* votes keep `member` from leaving (see `CollectiveGovernor.checkExit`):
 * their current delegate, and the one they moved their votes away from while a proposal it backed
 * could still run, when that delegate's votes are not released. Each can be released by anyone
 * once everything on it has ended (`releaseForVotes`); the `ragequit` action does.
 */
export async function bindingDelegates(
  publicClient: PublicClient,
  params: {
    governor: Address;
    shares: Address;
    member: Address;
    fromBlock?: BlockNumber;
    forVotes?: ForVotesSource;
  },
): Promise<BindingDelegate[]> {
  const proofs = proofsFrom(publicClient, params);
  const [current, previous] = await publicClient.readContract({
    address: params.shares,
    abi: sharesAbi,
    functionName: "delegation",
    args: [params.member],
  });
  const candidates = [...new Set([current, previous].map((a) => getAddress(a)))].filter(
    (a) => BigInt(a) !== 0n && a !== getAddress(params.member),
  );
  const bound: BindingDelegate[] = [];
  for (const delegate of candidates) {
    const chain = await publicClient.readContract({
      address: params.governor,
      abi: collectiveGovernorAbi,
      functionName: "forVoteChain",
      args: [delegate],
    });
    if (BigInt(chain) === 0n || chain === EMPTY_CHAIN) continue;
    const proposalIds = await proofs({ governor: params.governor, voter: delegate });
    let releasable = true;
    try {
      await publicClient.simulateContract({
        address: params.governor,
        abi: collectiveGovernorAbi,
        functionName: "releaseForVotes",
        args: [delegate, proposalIds],
      });
    } catch {
      releasable = false;
    }
    bound.push({ delegate, proposalIds, releasable });
  }
  return bound;
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

/** One collective an exit passes through, as `ragequitAcross` takes it. */
export interface NetworkExit {
  treasury: Address;
  tokens: readonly Address[];
  forVotes: readonly bigint[];
}

/**
 * The `network` argument of `ragequitAcross` for leaving the collective of `treasury` through the
 * collectives of `network`: sorted by their treasuries, each with its tokens sorted and the *for*
 * votes this collective's timelock cast there since its last release (its exit proof there).
 */
export async function networkExits(
  publicClient: PublicClient,
  params: {
    treasury: Address;
    network: readonly { treasury: Address; tokens?: readonly Address[] }[];
    fromBlock?: BlockNumber;
    forVotes?: ForVotesSource;
  },
): Promise<NetworkExit[]> {
  const proofs = proofsFrom(publicClient, params);
  const timelock = await publicClient.readContract({
    address: params.treasury,
    abi: treasuryAbi,
    functionName: "governance",
  });
  const exits: NetworkExit[] = [];
  for (const other of params.network) {
    const governor = await publicClient.readContract({
      address: other.treasury,
      abi: treasuryAbi,
      functionName: "governor",
    });
    const forVotes = await proofs({ governor, voter: timelock });
    exits.push({ treasury: getAddress(other.treasury), tokens: ragequitTokens(other.tokens ?? []), forVotes });
  }
  return exits.sort((a, b) => (BigInt(a.treasury) < BigInt(b.treasury) ? -1 : 1));
}

/**
 * Releases the *for* votes of the wallet's delegates that bind its exit and have all ended (see
 * `bindingDelegates`), one transaction each, waiting for each; returns their hashes.
 */
export async function releaseBindingDelegates(
  clients: { publicClient: PublicClient; walletClient: WalletClient<Transport, Chain, Account> },
  params: { governor: Address; treasury: Address; fromBlock?: BlockNumber; forVotes?: ForVotesSource },
): Promise<Hash[]> {
  const shares = await clients.publicClient.readContract({
    address: params.treasury,
    abi: treasuryAbi,
    functionName: "shares",
  });
  const bound = await bindingDelegates(clients.publicClient, {
    governor: params.governor,
    shares,
    member: clients.walletClient.account.address,
    ...(params.fromBlock === undefined ? {} : { fromBlock: params.fromBlock }),
    ...(params.forVotes === undefined ? {} : { forVotes: params.forVotes }),
  });
  const hashes: Hash[] = [];
  for (const { delegate, proposalIds } of bound.filter((b) => b.releasable)) {
    const hash = await clients.walletClient.writeContract({
      address: params.governor,
      abi: collectiveGovernorAbi,
      functionName: "releaseForVotes",
      args: [delegate, proposalIds],
      chain: clients.walletClient.chain,
      account: clients.walletClient.account,
    });
    await clients.publicClient.waitForTransactionReceipt({ hash });
    hashes.push(hash);
  }
  return hashes;
}

/**
 * Leaves a collective with `shares` of the wallet's shares and the same fraction of the
 * treasury's ETH and of each token in `tokens` that it can take (see `exitableTokens`). Gathers
 * the *for* votes to release itself, and first releases those of a delegate that bind the
 * member and have all ended (see `bindingDelegates`); the simulation surfaces
 * `GovernorExitLocked` or `GovernorDelegateBound` when one can still run.
 */
export async function ragequit(
  clients: { publicClient: PublicClient; walletClient: WalletClient<Transport, Chain, Account> },
  params: {
    governor: Address;
    treasury: Address;
    shares: bigint;
    tokens?: readonly Address[];
    fromBlock?: BlockNumber;
    /** Who receives the payout (`ragequitTo`); the wallet itself by default. */
    to?: Address;
    /**
     * Other collectives whose shares the collective's timelock holds, by treasury, with the
     * tokens to take a part of there: the exit passes through them (`ragequitAcross`).
     */
    network?: readonly { treasury: Address; tokens?: readonly Address[] }[];
    /** Where the proofs of *for* votes come from (the governor's events by default). */
    forVotes?: ForVotesSource;
  },
): Promise<Hash> {
  const voter = clients.walletClient.account.address;
  await releaseBindingDelegates(clients, params);
  const forVotes = await proofsFrom(clients.publicClient, params)({ governor: params.governor, voter });
  // Tokens whose transfer reverts are left out rather than making the exit revert.
  const { tokens } = await exitableTokens(clients.publicClient, {
    account: voter,
    treasury: params.treasury,
    shares: params.shares,
    tokens: params.tokens ?? [],
    forVotes,
  });
  if (params.network !== undefined && params.network.length > 0) {
    const network = await networkExits(clients.publicClient, {
      treasury: params.treasury,
      network: params.network,
      ...(params.fromBlock === undefined ? {} : { fromBlock: params.fromBlock }),
      ...(params.forVotes === undefined ? {} : { forVotes: params.forVotes }),
    });
    const { request } = await clients.publicClient.simulateContract({
      account: clients.walletClient.account,
      address: params.treasury,
      abi: treasuryAbi,
      functionName: "ragequitAcross",
      args: [params.shares, tokens, forVotes, params.to ?? voter, network],
    });
    return clients.walletClient.writeContract(request);
  }
  if (params.to !== undefined) {
    const { request } = await clients.publicClient.simulateContract({
      account: clients.walletClient.account,
      address: params.treasury,
      abi: treasuryAbi,
      functionName: "ragequitTo",
      args: [params.shares, tokens, forVotes, params.to],
    });
    return clients.walletClient.writeContract(request);
  }
  const { request } = await clients.publicClient.simulateContract({
    account: clients.walletClient.account,
    address: params.treasury,
    abi: treasuryAbi,
    functionName: "ragequit",
    args: [params.shares, tokens, forVotes],
  });
  return clients.walletClient.writeContract(request);
}

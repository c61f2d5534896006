/**
 * What both stacks of the gas benchmark share: the chain, the accounts and their roles, the
 * collective's parameters, and the OpenZeppelin Governor and Votes functions both stacks expose.
 */
import { network } from "hardhat";
import {
  parseAbi,
  parseEther,
  type Account,
  type Address,
  type Chain,
  type Hash,
  type Hex,
  type Transport,
  type WalletClient,
} from "viem";

export type Wallet = WalletClient<Transport, Chain, Account>;

/**
 * Governance parameters of both stacks: times in seconds (the reference counts the two voting
 * ones in blocks), the threshold in shares, the quorum in percent of the supply.
 */
export const SETTINGS = {
  votingDelay: 60,
  votingPeriod: 3_600,
  timelockDelay: 600,
  proposalThreshold: 10n,
  quorumPercent: 20,
} as const;

export const NAME = "Rizom";
export const SYMBOL = "RZM";
export const PRINCIPLES = [
  "Technology as infrastructure",
  "Coordination without hierarchy",
  "Ownership over employment",
  "Values-based networks",
] as const;

/**
 * The holders' balances at creation (1,000 in all). Rhizome shares are whole units (no
 * decimals); the reference token gets the same raw amounts, so both keep the same numbers in
 * their balances, checkpoints and tallies.
 */
export const BALANCES = [400n, 250n, 150n, 100n, 100n];

/** ETH the treasury (Rhizome) or the timelock (reference) holds, and what the proposal pays. */
export const FUNDS = parseEther("10");
export const PAYMENT = parseEther("1");
export const DESCRIPTION = "Pay the recipient 1 ETH for the benchmark's illustration work";
export const REASON = "The work is done and the price is fair";

/** Vote values the governor takes. */
export const Vote = { Against: 0, For: 1, Abstain: 2 } as const;

/** The OpenZeppelin Governor functions the benchmark calls, the same on both governors. */
export const governorAbi = parseAbi([
  "function propose(address[] targets, uint256[] values, bytes[] calldatas, string description) returns (uint256)",
  "function hashProposal(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) pure returns (uint256)",
  "function castVote(uint256 proposalId, uint8 support) returns (uint256)",
  "function castVoteWithReason(uint256 proposalId, uint8 support, string reason) returns (uint256)",
  "function castVoteBySig(uint256 proposalId, uint8 support, address voter, bytes signature) returns (uint256)",
  "function queue(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns (uint256)",
  "function execute(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) payable returns (uint256)",
  "function state(uint256 proposalId) view returns (uint8)",
  "function nonces(address owner) view returns (uint256)",
  "function eip712Domain() view returns (bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)",
]);

/** The ERC-20 Votes functions the benchmark calls, the same on both tokens. */
export const votesAbi = parseAbi([
  "function delegate(address delegatee)",
  "function delegates(address account) view returns (address)",
  "function delegateBySig(address delegatee, uint256 nonce, uint256 expiry, uint8 v, bytes32 r, bytes32 s)",
  "function nonces(address owner) view returns (uint256)",
  "function eip712Domain() view returns (bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)",
]);

/** A fresh in-process chain and who plays which part on it. */
export async function startBench() {
  const connection = await network.create();
  const publicClient = await connection.viem.getPublicClient();
  const wallets = (await connection.viem.getWalletClients()) as Wallet[];
  const [deployer, ...rest] = wallets;
  const holders = rest.slice(0, BALANCES.length);
  const recipient = rest[BALANCES.length];
  if (!deployer || !recipient || holders.length < BALANCES.length) throw new Error("The chain has too few accounts");
  /** Waits for a transaction and returns its receipt, refusing one that reverted. */
  const receiptOf = async (hash: Promise<Hash> | Hash) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== "success") throw new Error(`Transaction ${receipt.transactionHash} reverted`);
    return receipt;
  };
  /** The gas a transaction used. */
  const gasOf = async (hash: Promise<Hash> | Hash) => (await receiptOf(hash)).gasUsed;
  return {
    connection,
    networkHelpers: connection.networkHelpers,
    publicClient,
    /** Deploys Rhizome, deploys the reference stack and relays signed actions. */
    deployer,
    holders,
    recipient: recipient.account.address,
    receiptOf,
    gasOf,
  };
}

export type Bench = Awaited<ReturnType<typeof startBench>>;

/** A proposal's actions, as `propose`, `queue` and `execute` take them. */
export interface Actions {
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  description: string;
}

/**
 * One collective on one stack, ready for the shared scenario: where its governor and votes
 * token are, the payment proposal's actions, and how to let each phase of a proposal pass on
 * that stack's clock (the chain's time for Rhizome, block numbers for the reference).
 */
export interface Stack {
  name: "rhizome" | "reference";
  /** Gas of making one collective, as the `create collective` row counts it. */
  createGas: bigint;
  governor: Address;
  token: Address;
  payment: Actions;
  afterVotingDelay(): Promise<void>;
  afterVotingPeriod(): Promise<void>;
  afterTimelockDelay(): Promise<void>;
}

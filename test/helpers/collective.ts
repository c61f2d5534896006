/**
 * A real collective on a fresh Hardhat in-process chain, made through the factory with the
 * @rhizome/contracts package, and the steps of a governance round for tests to reuse.
 */
import { network } from "hardhat";
import {
  encodeFunctionData,
  getAddress,
  getContract,
  parseEther,
  type Account,
  type Address,
  type Chain,
  type Hash,
  type Transport,
  type WalletClient,
} from "viem";
import {
  castVote,
  collectiveFactoryAbi,
  collectiveGovernorAbi,
  collectiveTimelockAbi,
  createCollective,
  deployRhizome,
  execute,
  mintSharesProposal,
  proposalCreated,
  propose as proposeAction,
  queue,
  ragequit,
  sharesAbi,
  testTokenAbi,
  testTokenBytecode,
  treasuryAbi,
  workAbi,
  type CollectiveModules,
  type CollectiveSettings,
  SUPPORT,
  type ProposalActions,
  type Support,
} from "@rhizome/contracts";

export type Wallet = WalletClient<Transport, Chain, Account>;

export const SETTINGS: CollectiveSettings = {
  votingDelay: 60,
  votingPeriod: 3_600,
  executionWindow: 7 * 86_400,
  timelockDelay: 600,
  proposalThreshold: 10n,
  quorumPercent: 20,
  reviewWindow: 2 * 86_400,
  objectionThreshold: 10,
  vetoPercent: 20,
};

export const PRINCIPLES = [
  "Technology as infrastructure",
  "Coordination without hierarchy",
  "Ownership over employment",
  "Values-based networks",
] as const;

/** Vote values the governor takes. */
export const Vote = { Against: 0, For: 1, Abstain: 2 } as const;

/** Proposal states as the governor numbers them. */
export const ProposalState = {
  Pending: 0,
  Active: 1,
  Canceled: 2,
  Defeated: 3,
  Succeeded: 4,
  Queued: 5,
  Expired: 6,
  Executed: 7,
} as const;

/** A wallet's address, checksummed as the chain's events and reads return it. */
export function addressOf(wallet: Wallet): Address {
  return getAddress(wallet.account.address);
}

export async function startChain() {
  const connection = await network.create();
  const publicClient = await connection.viem.getPublicClient();
  const wallets = (await connection.viem.getWalletClients()) as Wallet[];
  const deployer = wallets[0];
  if (!deployer) throw new Error("The chain has no accounts");
  const deployment = await deployRhizome({ publicClient, walletClient: deployer });
  return { connection, networkHelpers: connection.networkHelpers, publicClient, wallets, deployer, deployment };
}

export type Chain_ = Awaited<ReturnType<typeof startChain>>;

/** Contract handles for one collective, bound to `wallet` for writes. */
export function contractsFor(chain: Chain_, modules: CollectiveModules, wallet: Wallet) {
  const client = { public: chain.publicClient, wallet };
  return {
    shares: getContract({ address: modules.shares, abi: sharesAbi, client }),
    governor: getContract({ address: modules.governor, abi: collectiveGovernorAbi, client }),
    timelock: getContract({ address: modules.timelock, abi: collectiveTimelockAbi, client }),
    treasury: getContract({ address: modules.treasury, abi: treasuryAbi, client }),
    work: getContract({ address: modules.work, abi: workAbi, client }),
    factory: getContract({ address: chain.deployment.factory, abi: collectiveFactoryAbi, client }),
  };
}

/**
 * A chain with Rhizome deployed and one collective: alice 600, bob 300, carol 100 shares, with
 * SETTINGS unless `settings` changes some.
 */
export async function collectiveFixture(settings: Partial<CollectiveSettings> = {}) {
  const chain = await startChain();
  const [, alice, bob, carol, dave, eve] = chain.wallets as [Wallet, Wallet, Wallet, Wallet, Wallet, Wallet];
  const created = await createCollective(
    { publicClient: chain.publicClient, walletClient: alice },
    {
      factory: chain.deployment.factory,
      name: "Rizom",
      symbol: "RZM",
      principles: PRINCIPLES,
      founders: [
        { account: alice.account.address, shares: 600n },
        { account: bob.account.address, shares: 300n },
        { account: carol.account.address, shares: 100n },
      ],
      settings: { ...SETTINGS, ...settings },
    },
  );
  const as = (wallet: Wallet) => contractsFor(chain, created.modules, wallet);
  return { ...chain, ...created, alice, bob, carol, dave, eve, as };
}

export type Fixture = Awaited<ReturnType<typeof collectiveFixture>>;

/** A second collective on the same chain, founded by `founder` alone, as a fixture of its own. */
export async function secondCollective(f: Fixture, founder: Wallet, name = "Mycel"): Promise<Fixture> {
  const created = await createCollective(
    { publicClient: f.publicClient, walletClient: founder },
    {
      factory: f.deployment.factory,
      name,
      symbol: "MYC",
      principles: ["Values-based networks"],
      founders: [{ account: founder.account.address, shares: 10n }],
      settings: SETTINGS,
    },
  );
  return { ...f, ...created, as: (wallet: Wallet) => contractsFor(f, created.modules, wallet) };
}

export async function waitFor(fixture: Chain_, hash: Promise<Hash> | Hash) {
  const receipt = await fixture.publicClient.waitForTransactionReceipt({ hash: await hash });
  if (receipt.status !== "success") throw new Error(`Transaction ${receipt.transactionHash} reverted`);
  return receipt;
}

/** Deploys an ERC-20 and mints `amount` of it to `to`. */
export async function deployToken(fixture: Chain_, to: Address, amount: bigint) {
  const receipt = await waitFor(
    fixture,
    fixture.deployer.deployContract({ abi: testTokenAbi, bytecode: testTokenBytecode, args: ["Test Euro", "tEUR"] }),
  );
  if (!receipt.contractAddress) throw new Error("The token was not deployed");
  const token = getContract({
    address: getAddress(receipt.contractAddress),
    abi: testTokenAbi,
    client: { public: fixture.publicClient, wallet: fixture.deployer },
  });
  await waitFor(fixture, token.write.mint([to, amount]));
  return token;
}

/** Proposes `actions` as `proposer` and returns the proposal id from the governor's event. */
export async function propose(fixture: Fixture, proposer: Wallet, actions: ProposalActions): Promise<bigint> {
  const receipt = await waitFor(fixture, proposeAction(proposer, { governor: fixture.modules.governor, actions }));
  return proposalCreated(receipt);
}

/** Moves the chain's clock forward by `seconds` and mines a block. */
export async function advance(fixture: Chain_, seconds: number | bigint) {
  await fixture.networkHelpers.time.increase(seconds);
}

/** Casts `voter`'s vote on `proposalId` (`support` as the chain numbers it: see `Vote`). */
export async function vote(fixture: Fixture, voter: Wallet, proposalId: bigint, support: number) {
  return waitFor(
    fixture,
    castVote(voter, { governor: fixture.modules.governor, proposalId, support: supportOf(support) }),
  );
}

const supportOf = (value: number): Support => {
  const support = SUPPORT[value];
  if (!support) throw new Error(`No vote choice numbered ${value}`);
  return support;
};

/** Runs a whole round: propose, vote, wait out the period, queue, wait out the delay, execute. */
export async function pass(
  fixture: Fixture,
  actions: ProposalActions,
  options: { proposer?: Wallet; voters?: Wallet[] } = {},
) {
  const proposer = options.proposer ?? fixture.alice;
  const voters = options.voters ?? [fixture.alice, fixture.bob];
  const governor = fixture.modules.governor;
  const proposalId = await propose(fixture, proposer, actions);
  await advance(fixture, SETTINGS.votingDelay + 1);
  for (const voter of voters) await vote(fixture, voter, proposalId, Vote.For);
  await advance(fixture, SETTINGS.votingPeriod);
  await waitFor(fixture, queue(proposer, { governor, actions }));
  await advance(fixture, SETTINGS.timelockDelay + 1);
  const executed = await waitFor(fixture, execute(proposer, { governor, actions }));
  return { proposalId, executed };
}

/**
 * A contract wallet (ERC-1271, contracts/testing/ContractWallet.sol) that accepts what `owner`'s
 * key signs, admitted to the collective with `shares` shares by a passed proposal.
 */
export async function contractMember(fixture: Fixture, owner: Wallet, shares: bigint): Promise<Address> {
  const wallet = await fixture.connection.viem.deployContract("ContractWallet", [owner.account.address]);
  const address = getAddress(wallet.address);
  await pass(fixture, mintSharesProposal(fixture.modules, address, shares, "Admit the contract wallet"));
  return address;
}

/** A proposal that sets the collective's quorum to `percent` of the supply at each snapshot. */
export function quorumProposal(modules: { governor: Address }, percent: bigint, description: string): ProposalActions {
  return {
    targets: [modules.governor],
    values: [0n],
    calldatas: [
      encodeFunctionData({ abi: collectiveGovernorAbi, functionName: "updateQuorumNumerator", args: [percent] }),
    ],
    description,
  };
}

/**
 * Two collectives: Rizom (alice 600, bob 300, carol 100; 1 ETH) whose timelock holds 10 of the 20
 * shares of Mycel (dave's; 2 ETH and 1,000 of a test token).
 */
export async function networkOfTwo() {
  const a = await collectiveFixture();
  const b = await secondCollective(a, a.dave);
  await pass(b, mintSharesProposal(b.modules, a.modules.timelock, 10n, "Admit Rizom"), {
    proposer: a.dave,
    voters: [a.dave],
  });
  await waitFor(a, a.deployer.sendTransaction({ to: a.modules.treasury, value: parseEther("1") }));
  await waitFor(a, a.deployer.sendTransaction({ to: b.modules.treasury, value: parseEther("2") }));
  const token = await deployToken(a, b.modules.treasury, 1_000n);
  return { a, b, token };
}

/**
 * Carol leaves Rizom with her 100 shares across the network of `networkOfTwo`, through Mycel with
 * its token, paid to Eve (as a member who cannot take ETH would ask); the receipt.
 */
export async function carolLeavesAcross({ a, b, token }: Awaited<ReturnType<typeof networkOfTwo>>) {
  const hash = await ragequit(
    { publicClient: a.publicClient, walletClient: a.carol },
    {
      governor: a.modules.governor,
      treasury: a.modules.treasury,
      shares: 100n,
      to: addressOf(a.eve),
      network: [{ treasury: b.modules.treasury, tokens: [token.address] }],
    },
  );
  return waitFor(a, hash);
}

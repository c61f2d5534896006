/**
 * Generates the benchmark's history on a Hardhat EDR chain in this process (the chain's own
 * process, see chain-process.ts): Rhizome deployed, one collective founded by 200 members, then
 * waves of governance (see wave.ts) until there are 2,000 proposals and over 50,000 votes, and 40
 * empty blocks so the whole history is final. The chain stays up, ready to be served over JSON-RPC.
 */
import { network } from "hardhat";
import { getAddress, type Account, type Address, type Chain, type Transport, type WalletClient } from "viem";
import {
  createCollective,
  deployRhizome,
  testTokenAbi,
  testTokenBytecode,
  type CollectiveModules,
  type CollectiveSettings,
  type Deployment,
} from "@rhizome/contracts";
import { DEFAULT_MAX_REORG_DEPTH } from "@rhizome/indexer";
import { Random, txsFor } from "./actions.js";
import { benchAccount, driveChain, type BenchAccount, type BenchChain } from "./chain.js";
import { takeCensus, type Census } from "./census.js";
import { weighty, type Context, type Plan } from "./context.js";
import { runWave } from "./wave.js";

export const FOUNDERS = 200;
/**
 * Empty blocks after the history: more than the indexer keeps undo records for, so the history is
 * final, as a collective's history is on a live chain when an indexer starts; what undo records
 * cost is measured apart (main.ts, "within the undo window"). Ponder wants 30 of them too.
 */
const TRAILING_BLOCKS = DEFAULT_MAX_REORG_DEPTH + 40;
/** Votes cast one block at a time while the indexer follows the head (live.ts). */
const LIVE_VOTES = 10;

/** The full-size history; BENCH_WAVES=n generates a smaller one (for trying the script out). */
export function defaultPlan(): Plan {
  const waves = Number(process.env.BENCH_WAVES ?? 10);
  if (!Number.isInteger(waves) || waves < 1) throw new Error(`BENCH_WAVES must be a positive integer, not ${waves}`);
  return {
    waves,
    proposalsPerWave: 200,
    votersPerProposal: 27,
    applicantsPerWave: 22,
    workPackagesPerWave: 16,
    itemsPerPackage: 20,
    exitsPerWave: 5,
    votingPeriod: 600,
    reviewWindow: 120,
    timelockDelay: 1,
  };
}

export interface History {
  chain: BenchChain;
  connection: Awaited<ReturnType<typeof network.create>>;
  deployment: Deployment;
  modules: CollectiveModules;
  token: Address;
  context: Context;
  census: Census;
  /** Who proposes and who votes while the indexer follows the head: members with votes of their own. */
  live: { proposer: BenchAccount; voters: BenchAccount[] };
  seconds: number;
}

type Wallet = WalletClient<Transport, Chain, Account>;

export async function generateHistory(plan: Plan = defaultPlan()): Promise<History> {
  const started = performance.now();
  const connection = await network.create({
    override: { blockGasLimit: 1_000_000_000n, initialBaseFeePerGas: 0n, loggingEnabled: false },
  });
  const chain = await driveChain(connection.provider);
  const publicClient = await connection.viem.getPublicClient();
  const [deployer] = (await connection.viem.getWalletClients()) as Wallet[];
  if (!deployer) throw new Error("The chain has no accounts");
  const founders = Array.from({ length: FOUNDERS }, (_, i) => benchAccount("member", i));
  const applicants = Array.from({ length: plan.waves * plan.applicantsPerWave }, (_, i) =>
    benchAccount("applicant", i),
  );
  const keeper = benchAccount("keeper", 0);
  await chain.fund([...founders, ...applicants, keeper]);

  // Set-up with automine on, through the same helpers the app and the tests use.
  const deployment = await deployRhizome({ publicClient, walletClient: deployer });
  const settings: CollectiveSettings = {
    votingDelay: 1,
    votingPeriod: plan.votingPeriod,
    executionWindow: 30 * 86_400,
    timelockDelay: plan.timelockDelay,
    proposalThreshold: 1n,
    quorumPercent: 4,
    reviewWindow: plan.reviewWindow,
    objectionThreshold: 3,
    vetoPercent: 20,
  };
  const { modules } = await createCollective(
    { publicClient, walletClient: deployer },
    {
      factory: deployment.factory,
      name: "Rizom",
      symbol: "RZM",
      principles: [
        "Technology as infrastructure",
        "Coordination without hierarchy",
        "Ownership over employment",
        "Values-based networks",
      ],
      founders: founders.map((account, i) => ({ account: account.address, shares: BigInt(10 + ((i * 7) % 41)) })),
      settings,
    },
  );
  const tokenReceipt = await publicClient.waitForTransactionReceipt({
    hash: await deployer.deployContract({
      abi: testTokenAbi,
      bytecode: testTokenBytecode,
      args: ["Test Euro", "tEUR"],
    }),
  });
  if (!tokenReceipt.contractAddress) throw new Error("The token was not deployed");
  const token = getAddress(tokenReceipt.contractAddress);

  // The history proper: automine off, blocks mined by the generator.
  await chain.request("evm_setAutomine", [false]);
  chain.now = Number((await chain.block("latest")).timestamp);
  const members = founders.map((account) => ({ account, active: true, delegated: false, forVotes: [] }));
  const context: Context = {
    chain,
    modules,
    tx: txsFor(modules, token),
    rng: new Random(0x5eed),
    plan,
    keeper,
    members,
    byAddress: new Map(members.map((m) => [m.account.address.toLowerCase(), m])),
    disputed: [],
    surprises: 0,
  };
  for (let w = 0; w < plan.waves; w++) {
    await runWave(context, w);
    const s = chain.stats;
    console.log(
      `  wave ${w + 1}/${plan.waves}: ${s.transactions.toLocaleString("en-US")} transactions in ${s.blocks} blocks, ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  for (let i = 0; i < TRAILING_BLOCKS; i++) await chain.mine([]);
  const census = await takeCensus(chain, {
    factory: deployment.factory,
    modules,
    fromBlock: deployment.startBlock,
    toBlock: await chain.head(),
  });
  const live = {
    proposer: context.rng.pick(weighty(context)).account,
    voters: context.rng.sample(weighty(context), LIVE_VOTES).map((m) => m.account),
  };
  const seconds = (performance.now() - started) / 1000;
  return { chain, connection, deployment, modules, token, context, census, live, seconds };
}

/** A readable summary of the history: blocks, events by kind, how it was made. */
export function describeHistory(history: History): string {
  const { census, chain, context } = history;
  const width = Math.max(...Object.keys(census.byKind).map((k) => k.length));
  const lines = [
    `History: ${census.total.toLocaleString("en-US")} events in blocks ${census.fromBlock}–${census.toBlock} ` +
      `(${census.toBlock - census.fromBlock + 1} blocks), generated in ${history.seconds.toFixed(1)} s`,
    `  ${chain.stats.transactions.toLocaleString("en-US")} transactions, signed here; sending ${(chain.stats.sendMs / 1000).toFixed(1)} s, ` +
      `mining and signing the next block meanwhile ${(chain.stats.mineMs / 1000).toFixed(1)} s, ` +
      `checking receipts ${(chain.stats.checkMs / 1000).toFixed(1)} s`,
    `  members at the end: ${context.members.filter((m) => m.active).length} active of ${context.members.length}; ` +
      `${context.surprises} proposals ended otherwise than their votes aimed (weights decide)`,
    ...Object.entries(census.byKind).map(
      ([kind, n]) => `  ${kind.padEnd(width)}  ${n.toLocaleString("en-US").padStart(7)}`,
    ),
  ];
  return lines.join("\n");
}

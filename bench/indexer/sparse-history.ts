/**
 * The sparse history (`npm run bench:indexer -- --scenario sparse`): collectives as a real L2
 * holds them, a few busy hours between long quiet stretches. Rhizome's factory is deployed, then
 * several collectives are founded one after another and each lives through waves of governance
 * (wave.ts, at a smaller scale than the dense history: a few dozen proposals a wave, their votes in
 * bursts over the voting period, work, exits), the collectives taking turns, each wave in a slot
 * of its own; the blocks between are mined empty in one `hardhat_mine` call each, two seconds
 * apart as an L2's. From the factory's deployment to the head: BENCH_SPARSE_BLOCKS blocks
 * (1,000,000), BENCH_COLLECTIVES collectives (5), BENCH_WAVES waves each (8).
 */
import { network } from "hardhat";
import { encodeFunctionData, getAddress, type Account, type Address, type Chain, type Transport } from "viem";
import type { WalletClient } from "viem";
import {
  collectiveFactoryAbi,
  deployRhizome,
  settingsStruct,
  testTokenAbi,
  testTokenBytecode,
  type CollectiveModules,
  type CollectiveSettings,
  type Deployment,
} from "@rhizome/contracts";
import { DEFAULT_MAX_REORG_DEPTH } from "@rhizome/indexer";
import { Random, txsFor } from "./actions.js";
import { takeCensus, type Census } from "./census.js";
import { benchAccount, driveChain, type BenchChain } from "./chain.js";
import { events, type Context, type Plan } from "./context.js";
import { runWave } from "./wave.js";

/** Seconds from one block to the next, as on Base or Optimism. */
export const SPARSE_BLOCK_TIME = 2;
/** Empty blocks at the end: the history is final for Rhizome (its reorg window) and Ponder (30). */
export const SPARSE_TRAILING_BLOCKS = DEFAULT_MAX_REORG_DEPTH + 40;
/** Blocks per eth_getLogs of the census: quiet stretches make wide ranges cheap. */
const CENSUS_STEP = 50_000;

export interface SparsePlan {
  /** Blocks from the factory's deployment to the head. */
  blocks: number;
  collectives: number;
  /** Waves of each collective. */
  waves: number;
  founders: number;
  /** One wave of one collective. */
  wave: Plan;
}

function positiveInteger(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not ${value}`);
  return value;
}

/** The full-size sparse history, or the one BENCH_SPARSE_BLOCKS, BENCH_COLLECTIVES and BENCH_WAVES ask for. */
export function sparsePlan(): SparsePlan {
  const blocks = positiveInteger("BENCH_SPARSE_BLOCKS", 1_000_000);
  const collectives = positiveInteger("BENCH_COLLECTIVES", 5);
  const waves = positiveInteger("BENCH_WAVES", 8);
  // Each wave has a slot of the chain's time; its vote, timelock and review fit in under half of it.
  const slotSeconds = (blocks * SPARSE_BLOCK_TIME) / (collectives * waves);
  const clamp = (value: number, min: number, max: number) => Math.round(Math.min(max, Math.max(min, value)));
  return {
    blocks,
    collectives,
    waves,
    founders: 40,
    wave: {
      waves,
      proposalsPerWave: 24,
      votersPerProposal: 18,
      applicantsPerWave: 6,
      workPackagesPerWave: 4,
      itemsPerPackage: 5,
      exitsPerWave: 1,
      votingPeriod: clamp(slotSeconds * 0.25, 600, 3 * 86_400),
      reviewWindow: clamp(slotSeconds * 0.1, 120, 2 * 86_400),
      timelockDelay: clamp(slotSeconds * 0.02, 1, 2 * 86_400),
      voteBursts: 3,
      ethDepositsPerWave: 8,
      tokenDepositsPerWave: 3,
      profilesPerWave: 4,
    },
  };
}

export interface SparseHistory {
  chain: BenchChain;
  connection: Awaited<ReturnType<typeof network.create>>;
  deployment: Deployment;
  /** Every collective's modules, in the order they were founded. */
  collectives: CollectiveModules[];
  token: Address;
  contexts: Context[];
  census: Census;
  plan: SparsePlan;
  /** Blocks holding at least one of the history's transactions. */
  busyBlocks: number;
  seconds: number;
}

type Wallet = WalletClient<Transport, Chain, Account>;

const PRINCIPLES = [
  "Technology as infrastructure",
  "Coordination without hierarchy",
  "Ownership over employment",
  "Values-based networks",
];

export async function generateSparseHistory(plan: SparsePlan = sparsePlan()): Promise<SparseHistory> {
  const started = performance.now();
  const connection = await network.create({
    override: { blockGasLimit: 1_000_000_000n, initialBaseFeePerGas: 0n, loggingEnabled: false },
  });
  const chain = await driveChain(connection.provider);
  const publicClient = await connection.viem.getPublicClient();
  const [deployer] = (await connection.viem.getWalletClients()) as Wallet[];
  if (!deployer) throw new Error("The chain has no accounts");
  const founders = Array.from({ length: plan.collectives }, (_, c) =>
    Array.from({ length: plan.founders }, (_, i) => benchAccount(`collective-${c}:member`, i)),
  );
  const applicants = Array.from({ length: plan.waves * plan.wave.applicantsPerWave }, (_, i) =>
    benchAccount("applicant", i),
  );
  const keeper = benchAccount("keeper", 0);
  const creator = benchAccount("creator", 0);
  await chain.fund([...founders.flat(), ...applicants, keeper, creator]);

  // Set-up with automine on, through the same helpers the app and the tests use.
  const deployment = await deployRhizome({ publicClient, walletClient: deployer });
  const tokenReceipt = await publicClient.waitForTransactionReceipt({
    hash: await deployer.deployContract({
      abi: testTokenAbi,
      bytecode: testTokenBytecode,
      args: ["Test Euro", "tEUR"],
    }),
  });
  if (!tokenReceipt.contractAddress) throw new Error("The token was not deployed");
  const token = getAddress(tokenReceipt.contractAddress);

  // The history proper: automine off, blocks mined by the generator, two seconds apart.
  await chain.request("evm_setAutomine", [false]);
  chain.now = Number((await chain.block("latest")).timestamp);
  chain.blockTime = SPARSE_BLOCK_TIME;
  const rng = new Random(0x5ba45e);
  const settings: CollectiveSettings = {
    votingDelay: 1,
    votingPeriod: plan.wave.votingPeriod,
    executionWindow: 30 * 86_400,
    timelockDelay: plan.wave.timelockDelay,
    proposalThreshold: 1n,
    quorumPercent: 4,
    reviewWindow: plan.wave.reviewWindow,
    objectionThreshold: 3,
    vetoPercent: 20,
  };
  const contexts: Context[] = [];
  const slots = plan.collectives * plan.waves;
  const slotBlocks = plan.blocks / slots;
  let busyBlocks = 0;
  for (let s = 0; s < slots; s++) {
    const c = s % plan.collectives;
    const w = Math.floor(s / plan.collectives);
    // Each slot starts somewhere in its first half: quiet stretches of uneven length.
    const target = deployment.startBlock + Math.round((s + rng.next() * 0.5) * slotBlocks);
    await chain.idle(target - (await chain.head()));
    const before = chain.stats.blocks;
    if (w === 0) contexts.push(await found(c));
    const ctx = contexts[c];
    if (!ctx) throw new Error(`Collective ${c} was not founded`);
    await runWave(ctx, w);
    busyBlocks += chain.stats.blocks - before;
    const st = chain.stats;
    console.log(
      `  collective ${c + 1}, wave ${w + 1}/${plan.waves}: block ${await chain.head()}, ` +
        `${st.transactions.toLocaleString("en-US")} transactions, ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  // Quiet to the end, then the trailing blocks that make the history final.
  const end = deployment.startBlock + plan.blocks - 1;
  await chain.idle(Math.max(SPARSE_TRAILING_BLOCKS, end - (await chain.head())));
  const census = await takeCensus(chain, {
    factory: deployment.factory,
    modules: contexts.map((ctx) => ctx.modules),
    fromBlock: deployment.startBlock,
    toBlock: await chain.head(),
    step: CENSUS_STEP,
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    chain,
    connection,
    deployment,
    collectives: contexts.map((ctx) => ctx.modules),
    token,
    contexts,
    census,
    plan,
    busyBlocks,
    seconds,
  };

  /** Founds collective `c` in a block of its own, by a transaction signed here. */
  async function found(c: number): Promise<Context> {
    const { factory } = deployment;
    const members = founders[c] ?? [];
    const data = encodeFunctionData({
      abi: collectiveFactoryAbi,
      functionName: "create",
      args: [
        `Collective ${c + 1}`,
        `C${c + 1}`,
        PRINCIPLES,
        members.map((account, i) => ({ account: account.address, shares: BigInt(10 + ((i * 7 + c) % 41)) })),
        settingsStruct(settings),
      ],
    });
    const blocks = await chain.mine([
      { from: creator, to: factory, data, gas: 16_000_000n, label: `found collective ${c + 1}` },
    ]);
    const [created] = (await events(chain, collectiveFactoryAbi, factory, blocks)).filter(
      (log) => log.eventName === "CollectiveCreated",
    );
    if (!created || created.eventName !== "CollectiveCreated") throw new Error(`Collective ${c + 1} was not created`);
    const modules: CollectiveModules = { ...created.args.modules };
    const list = members.map((account) => ({ account, active: true, delegated: false, forVotes: [] as bigint[] }));
    return {
      chain,
      modules,
      tx: txsFor(modules, token),
      rng: new Random(0x5eed + c),
      plan: plan.wave,
      keeper,
      members: list,
      byAddress: new Map(list.map((m) => [m.account.address.toLowerCase(), m])),
      disputed: [],
      surprises: 0,
    };
  }
}

/** A readable summary of the sparse history. */
export function describeSparseHistory(history: SparseHistory): string {
  const { census, chain, contexts, plan } = history;
  const width = Math.max(...Object.keys(census.byKind).map((k) => k.length));
  const blocks = census.toBlock - census.fromBlock + 1;
  const lines = [
    `Sparse history: ${census.total.toLocaleString("en-US")} events in blocks ${census.fromBlock}–${census.toBlock} ` +
      `(${blocks.toLocaleString("en-US")} blocks, ${history.busyBlocks.toLocaleString("en-US")} of them with transactions, ` +
      `${SPARSE_BLOCK_TIME} s apart), generated in ${history.seconds.toFixed(1)} s`,
    `  ${plan.collectives} collectives × ${plan.waves} waves; voting period ${plan.wave.votingPeriod} s, ` +
      `review window ${plan.wave.reviewWindow} s, timelock ${plan.wave.timelockDelay} s`,
    `  ${chain.stats.transactions.toLocaleString("en-US")} transactions, signed here; sending ${(chain.stats.sendMs / 1000).toFixed(1)} s, ` +
      `mining ${(chain.stats.mineMs / 1000).toFixed(1)} s (${chain.stats.idleBlocks.toLocaleString("en-US")} empty blocks), ` +
      `checking receipts ${(chain.stats.checkMs / 1000).toFixed(1)} s`,
    `  members at the end: ${contexts.map((ctx) => ctx.members.filter((m) => m.active).length).join(", ")}; ` +
      `${contexts.reduce((n, ctx) => n + ctx.surprises, 0)} proposals ended otherwise than their votes aimed`,
    ...Object.entries(census.byKind).map(
      ([kind, n]) => `  ${kind.padEnd(width)}  ${n.toLocaleString("en-US").padStart(7)}`,
    ),
  ];
  return lines.join("\n");
}

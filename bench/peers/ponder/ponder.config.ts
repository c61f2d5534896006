/**
 * The Ponder app the indexer benchmark measures Rhizome against (`npm run bench:indexer -- --vs
 * ponder`). The benchmark's driver (bench/indexer/peer-ponder.ts) sets the chain's RPC URL, the
 * block range, the factory's address, the treasuries' addresses (comma-separated: ERC-20 deposits
 * are a topic filter, which a factory cannot fill in), and the database: Postgres when
 * DATABASE_URL is set, PGlite in PONDER_PGLITE_DIR otherwise. PONDER_GETLOGS_RANGE, when set, is
 * the provider's eth_getLogs block-span cap, given to Ponder as its documented
 * `ethGetLogsBlockRange` option, as a user who knows their provider's plan would.
 */
import { createConfig, factory } from "ponder";
import { erc20Abi, getAbiItem } from "viem";
import {
  collectiveFactoryAbi,
  collectiveGovernorAbi,
  collectiveTimelockAbi,
  sharesAbi,
  treasuryAbi,
  workAbi,
} from "../../../packages/contracts/src/generated/artifacts.js";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (bench/indexer/peer-ponder.ts sets it)`);
  return value;
}

const factoryAddress = env("PONDER_FACTORY") as `0x${string}`;
const treasuries = env("PONDER_TREASURY").split(",") as `0x${string}`[];
const getLogsRange = process.env.PONDER_GETLOGS_RANGE ? Number(process.env.PONDER_GETLOGS_RANGE) : undefined;
const startBlock = Number(env("PONDER_START_BLOCK"));
const endBlock = Number(env("PONDER_END_BLOCK"));
const created = getAbiItem({ abi: collectiveFactoryAbi, name: "CollectiveCreated" });

/** A module of every collective the factory creates, found through CollectiveCreated's `modules` tuple. */
const module = (
  parameter: "modules.shares" | "modules.governor" | "modules.timelock" | "modules.treasury" | "modules.work",
) => factory({ address: factoryAddress, event: created, parameter, startBlock, endBlock });

const range = { chain: "local", startBlock, endBlock } as const;

export default createConfig({
  database: process.env.DATABASE_URL
    ? { kind: "postgres", connectionString: process.env.DATABASE_URL }
    : { kind: "pglite", directory: env("PONDER_PGLITE_DIR") },
  chains: {
    local: {
      id: 31_337,
      rpc: env("PONDER_RPC_URL"),
      pollingInterval: 100,
      ...(getLogsRange ? { ethGetLogsBlockRange: getLogsRange } : {}),
    },
  },
  contracts: {
    Factory: { abi: collectiveFactoryAbi, address: factoryAddress, ...range },
    Shares: { abi: sharesAbi, address: module("modules.shares"), ...range },
    Governor: { abi: collectiveGovernorAbi, address: module("modules.governor"), ...range },
    Timelock: { abi: collectiveTimelockAbi, address: module("modules.timelock"), ...range },
    Treasury: { abi: treasuryAbi, address: module("modules.treasury"), ...range },
    Work: { abi: workAbi, address: module("modules.work"), ...range },
    // ERC-20 deposits into the treasuries, from any token (Rhizome indexes them too).
    Deposits: {
      abi: erc20Abi,
      filter: { event: "Transfer", args: { to: treasuries.length === 1 ? treasuries[0] : treasuries } },
      ...range,
    },
  },
});

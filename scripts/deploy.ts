/**
 * `npm run deploy -- --network NAME`: deploys Rhizome's implementations and factory to a network
 * of hardhat.config.ts from its first account (the deployer key, from the environment or the
 * keystore), and records the addresses in packages/contracts/deployments/<chainId>.json, where
 * @rhizome/contracts, the indexer and the web client pick them up.
 */
import { network } from "hardhat";
import { deployRhizome } from "@rhizome/contracts";
import { writeDeployment } from "./deployments.js";

const connection = await network.create();
const publicClient = await connection.viem.getPublicClient();
const [deployer] = await connection.viem.getWalletClients();
if (!deployer) throw new Error(`Network ${connection.networkName} has no deployer account: set DEPLOYER_PRIVATE_KEY`);
console.log(`Deploying Rhizome to ${connection.networkName} from ${deployer.account.address}…`);
const deployment = await deployRhizome({ publicClient, walletClient: deployer });
const file = await writeDeployment(deployment, process.env.DEPLOYMENTS_DIR);
console.log(`Factory ${deployment.factory} (block ${deployment.startBlock}); written to ${file}`);
await connection.close();

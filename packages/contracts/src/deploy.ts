import { getAddress, type Account, type Chain, type PublicClient, type Transport, type WalletClient } from "viem";
import {
  collectiveFactoryAbi,
  collectiveFactoryBytecode,
  collectiveGovernorAbi,
  collectiveGovernorBytecode,
  collectiveTimelockAbi,
  collectiveTimelockBytecode,
  sharesAbi,
  sharesBytecode,
  treasuryAbi,
  treasuryBytecode,
  workAbi,
  workBytecode,
} from "./generated/artifacts.js";
import type { Deployment } from "./deployment-types.js";

export interface DeployRhizomeParameters {
  publicClient: PublicClient;
  walletClient: WalletClient<Transport, Chain, Account>;
}

/** A deployment failed: a creation transaction reverted or made no contract. */
export class DeploymentFailedError extends Error {
  override name = "DeploymentFailedError";
}

/**
 * Deploys the five module implementations and the factory that clones them, from the
 * wallet's account, and returns where they are.
 */
export async function deployRhizome({ publicClient, walletClient }: DeployRhizomeParameters): Promise<Deployment> {
  const deploy = async (label: string, hash: Promise<`0x${string}`>) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== "success" || !receipt.contractAddress) {
      throw new DeploymentFailedError(`Deploying ${label} failed in transaction ${receipt.transactionHash}`);
    }
    return { address: getAddress(receipt.contractAddress), blockNumber: receipt.blockNumber };
  };
  const shares = await deploy("Shares", walletClient.deployContract({ abi: sharesAbi, bytecode: sharesBytecode }));
  const governor = await deploy(
    "CollectiveGovernor",
    walletClient.deployContract({ abi: collectiveGovernorAbi, bytecode: collectiveGovernorBytecode }),
  );
  const timelock = await deploy(
    "CollectiveTimelock",
    walletClient.deployContract({ abi: collectiveTimelockAbi, bytecode: collectiveTimelockBytecode }),
  );
  const treasury = await deploy(
    "Treasury",
    walletClient.deployContract({ abi: treasuryAbi, bytecode: treasuryBytecode }),
  );
  const work = await deploy("Work", walletClient.deployContract({ abi: workAbi, bytecode: workBytecode }));
  const implementations = {
    shares: shares.address,
    governor: governor.address,
    timelock: timelock.address,
    treasury: treasury.address,
    work: work.address,
  };
  const factory = await deploy(
    "CollectiveFactory",
    walletClient.deployContract({
      abi: collectiveFactoryAbi,
      bytecode: collectiveFactoryBytecode,
      args: [
        implementations.shares,
        implementations.governor,
        implementations.timelock,
        implementations.treasury,
        implementations.work,
      ],
    }),
  );
  return {
    chainId: await publicClient.getChainId(),
    factory: factory.address,
    startBlock: Number(shares.blockNumber),
    implementations,
  };
}

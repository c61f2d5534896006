import {
  parseEventLogs,
  type Account,
  type Address,
  type Chain,
  type Hash,
  type PublicClient,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
} from "viem";
import { collectiveFactoryAbi } from "./generated/artifacts.js";

/** Governance parameters of a collective; times in seconds, quorum in percent of supply. */
export interface CollectiveSettings {
  votingDelay: number;
  votingPeriod: number;
  proposalThreshold: bigint;
  quorumNumerator: bigint;
  timelockDelay: bigint;
}

/** A founder and the shares minted to them when the collective is created. */
export interface Founder {
  account: Address;
  shares: bigint;
}

/** The addresses of one collective's modules. */
export interface CollectiveModules {
  shares: Address;
  governor: Address;
  timelock: Address;
  treasury: Address;
}

export interface CreateCollectiveParameters {
  factory: Address;
  name: string;
  symbol: string;
  principles: readonly string[];
  founders: readonly Founder[];
  settings: CollectiveSettings;
}

export interface CreatedCollective {
  id: bigint;
  modules: CollectiveModules;
  receipt: TransactionReceipt;
}

/** The creation transaction was mined but reverted, or did not create a collective. */
export class CollectiveNotCreatedError extends Error {
  override name = "CollectiveNotCreatedError";
  constructor(readonly transactionHash: Hash) {
    super(`Transaction ${transactionHash} did not create a collective`);
  }
}

/** Reads the collective a factory `create` transaction made from its receipt's logs. */
export function parseCollectiveCreated(receipt: TransactionReceipt): CreatedCollective {
  const [event] = parseEventLogs({ abi: collectiveFactoryAbi, eventName: "CollectiveCreated", logs: receipt.logs });
  if (!event) throw new CollectiveNotCreatedError(receipt.transactionHash);
  return { id: event.args.id, modules: { ...event.args.modules }, receipt };
}

/**
 * Creates a collective through the factory and waits for it: shares, governor, timelock and
 * treasury, with the founders' shares minted. Reverts surface as viem's
 * `ContractFunctionExecutionError` with the factory's custom error.
 */
export async function createCollective(
  clients: { publicClient: PublicClient; walletClient: WalletClient<Transport, Chain, Account> },
  params: CreateCollectiveParameters,
): Promise<CreatedCollective> {
  const { request } = await clients.publicClient.simulateContract({
    account: clients.walletClient.account,
    address: params.factory,
    abi: collectiveFactoryAbi,
    functionName: "create",
    args: [
      params.name,
      params.symbol,
      params.principles,
      params.founders,
      {
        votingDelay: params.settings.votingDelay,
        votingPeriod: params.settings.votingPeriod,
        proposalThreshold: params.settings.proposalThreshold,
        quorumNumerator: params.settings.quorumNumerator,
        timelockDelay: params.settings.timelockDelay,
      },
    ],
  });
  const hash = await clients.walletClient.writeContract(request);
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new CollectiveNotCreatedError(hash);
  return parseCollectiveCreated(receipt);
}

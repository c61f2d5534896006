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
import { countingRuleValue, type CountingRule } from "./counting.js";
import { collectiveFactoryAbi } from "./generated/artifacts.js";

/** Parameters of a collective; times in seconds, percentages of the shares' supply. */
export interface CollectiveSettings {
  /** From a proposal to the start of its vote (its snapshot). */
  votingDelay: number;
  /** How long a vote stays open. */
  votingPeriod: number;
  /** How long a passed proposal has to be queued, then executed, before it expires. */
  executionWindow: number;
  /** From queueing to execution: the grace period in which dissenters can leave. */
  timelockDelay: number;
  /** Shares needed to propose. */
  proposalThreshold: bigint;
  /** Percent of the supply at the snapshot that must vote for or abstain. */
  quorumPercent: number;
  /** How long members have to object to delivered work. */
  reviewWindow: number;
  /** Percent of the supply at delivery whose objections dispute work. */
  objectionThreshold: number;
  /** Percent of the supply at a proposal's snapshot whose objections during the grace period cancel it (1 to 50). */
  vetoPercent: number;
  /** How votes count: by shares (the default), one member one vote, or both houses. */
  countingRule?: CountingRule;
}

/** `settings` as the factory's `create` takes them: the counting rule as the enum's value. */
export function settingsStruct(settings: CollectiveSettings) {
  return {
    votingDelay: settings.votingDelay,
    votingPeriod: settings.votingPeriod,
    executionWindow: settings.executionWindow,
    timelockDelay: settings.timelockDelay,
    proposalThreshold: settings.proposalThreshold,
    quorumPercent: settings.quorumPercent,
    reviewWindow: settings.reviewWindow,
    objectionThreshold: settings.objectionThreshold,
    vetoPercent: settings.vetoPercent,
    countingRule: countingRuleValue(settings.countingRule ?? "shares"),
  };
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
  work: Address;
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
 * Creates a collective through the factory and waits for it: shares, governor, timelock,
 * treasury and work module, with the founders' shares minted. Reverts surface as viem's
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
    args: [params.name, params.symbol, params.principles, params.founders, settingsStruct(params.settings)],
  });
  const hash = await clients.walletClient.writeContract(request);
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new CollectiveNotCreatedError(hash);
  return parseCollectiveCreated(receipt);
}

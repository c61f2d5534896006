/**
 * The Rhizome side of the benchmark: the implementations and the factory are deployed once
 * (not counted, every collective shares them), then one collective is created through the
 * factory. `create collective` is that one `create` transaction, founders' shares included.
 */
import {
  createCollective,
  deployRhizome,
  paymentProposal,
  type CollectiveModules,
  type CountingRule,
} from "@rhizome/contracts";
import {
  BALANCES,
  DESCRIPTION,
  FUNDS,
  NAME,
  PAYMENT,
  PRINCIPLES,
  SETTINGS,
  SYMBOL,
  type Bench,
  type Stack,
} from "./setup.js";

export interface RhizomeStack extends Stack {
  modules: CollectiveModules;
}

/** A collective counting votes by `countingRule` (by shares unless told). */
export async function rhizomeStack(bench: Bench, countingRule: CountingRule = "shares"): Promise<RhizomeStack> {
  const { publicClient, deployer, networkHelpers } = bench;
  const deployment = await deployRhizome({ publicClient, walletClient: deployer });
  const { modules, receipt } = await createCollective(
    { publicClient, walletClient: deployer },
    {
      factory: deployment.factory,
      name: NAME,
      symbol: SYMBOL,
      principles: PRINCIPLES,
      founders: bench.holders.map((holder, i) => ({ account: holder.account.address, shares: BALANCES[i] ?? 0n })),
      settings: {
        ...SETTINGS,
        // Rhizome's own settings, which the reference has no counterpart for.
        executionWindow: 7 * 86_400,
        reviewWindow: 2 * 86_400,
        objectionThreshold: 10,
        vetoPercent: 20,
        countingRule,
      },
    },
  );
  // Not counted: funding the treasury, which a payment needs on either stack.
  await bench.receiptOf(deployer.sendTransaction({ to: modules.treasury, value: FUNDS }));
  return {
    name: "rhizome",
    createGas: receipt.gasUsed,
    modules,
    governor: modules.governor,
    token: modules.shares,
    payment: paymentProposal(modules, { to: bench.recipient, amount: PAYMENT }, DESCRIPTION),
    // Rhizome's clock is the block timestamp.
    afterVotingDelay: async () => void (await networkHelpers.time.increase(SETTINGS.votingDelay + 1)),
    afterVotingPeriod: async () => void (await networkHelpers.time.increase(SETTINGS.votingPeriod + 1)),
    afterTimelockDelay: async () => void (await networkHelpers.time.increase(SETTINGS.timelockDelay + 1)),
  };
}

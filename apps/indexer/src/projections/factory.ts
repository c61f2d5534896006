/**
 * The factory's projection: a collective, its modules, settings (the first of its quorum
 * percentages among them) and principles, from the CollectiveCreated that announces it.
 */
import { getAddress } from "viem";
import { countingRuleOf } from "@rhizome/contracts";
import { key } from "./batch.js";
import { position, type Handler } from "./handler.js";

export const factory: Handler<"factory"> = {
  // The new collective is among every range's collectives; nothing else is loaded.
  keys() {},
  apply(batch, _registry, event) {
    if (event.eventName !== "CollectiveCreated") return;
    const a = event.args;
    const collective = getAddress(a.governor);
    batch.collectives.put(collective, {
      address: collective,
      factoryId: a.id,
      name: a.name,
      symbol: a.symbol,
      creator: getAddress(a.creator),
      shares: getAddress(a.modules.shares),
      timelock: getAddress(a.modules.timelock),
      treasury: getAddress(a.modules.treasury),
      work: getAddress(a.modules.work),
      ...a.settings,
      countingRule: countingRuleOf(a.settings.countingRule),
      maxExecutionWindow: a.settings.executionWindow,
      totalShares: 0n,
      memberCount: 0,
      proposalCount: 0,
      workCount: 0,
      createdBlock: event.blockNumber,
      createdAt: event.timestamp,
      txHash: event.txHash,
    });
    // The governor's initializer sets the quorum percentage, checkpointed at the creation's time.
    batch.quorumNumerators.push({ collective, numerator: a.settings.quorumPercent, ...position(event) });
    // And the counting rule, likewise.
    batch.countingRules.push({ collective, rule: countingRuleOf(a.settings.countingRule), ...position(event) });
    a.principles.forEach((name, index) =>
      batch.principles.put(key(collective, index), { collective, index, name, updatedBlock: event.blockNumber }),
    );
  },
};

/**
 * The timelock's projection: the delay between queueing a proposal and executing it, and the
 * executions whose calls reverted, which end their proposal as failed.
 */
import type { Hex } from "viem";
import type { Args, Handler } from "./handler.js";

export const timelock: Handler = {
  keys({ collective, eventName, args }, keys) {
    if (eventName === "OperationFailed") keys.proposals.push([collective, (args as Args).id as bigint]);
  },
  apply(batch, _registry, event) {
    const a = event.args as Args;
    if (event.eventName === "DelayUpdated") {
      batch.collective(event.collective).timelockDelay = Number(a.newDelay);
    } else if (event.eventName === "OperationFailed") {
      batch.updateProposal(event.collective, a.id as bigint, (proposal) => {
        proposal.status = "failed";
        proposal.failureReason = a.reason as Hex;
        proposal.executedAt = event.timestamp;
      });
    }
  },
};

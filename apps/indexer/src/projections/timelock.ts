/**
 * The timelock's projection: the delay between queueing a proposal and executing it, and the
 * executions whose calls reverted, which end their proposal as failed.
 */
import type { Handler } from "./handler.js";

export const timelock: Handler<"timelock"> = {
  keys(event, keys) {
    if (event.eventName === "OperationFailed") keys.proposals.push([event.collective, event.args.id]);
  },
  apply(batch, _registry, event) {
    if (event.eventName === "DelayUpdated") {
      batch.collective(event.collective).timelockDelay = Number(event.args.newDelay);
    } else if (event.eventName === "OperationFailed") {
      const { id, reason } = event.args;
      batch.updateProposal(event.collective, id, (proposal) => {
        proposal.status = "failed";
        proposal.failureReason = reason;
        proposal.executedAt = event.timestamp;
      });
    }
  },
};

/** The timelock's projection: the delay between queueing a proposal and executing it. */
import type { Args, Handler } from "./handler.js";

export const timelock: Handler = {
  keys() {},
  apply(batch, _registry, event) {
    if (event.eventName === "DelayUpdated") {
      batch.collective(event.collective).timelockDelay = Number((event.args as Args).newDelay);
    }
  },
};

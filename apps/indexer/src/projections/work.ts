/**
 * The work module's projection: work items through commission, delivery, objections and
 * settlement, the objections themselves, the principles work serves, and the review settings.
 */
import { getAddress } from "viem";
import type { IndexedEvent } from "../sync/decode.js";
import { key, type Batch, type WorkItem } from "./batch.js";
import type { Handler } from "./handler.js";

export const work: Handler<"work"> = {
  keys(event, keys) {
    switch (event.eventName) {
      case "WorkCommissioned":
      case "WorkTaken":
      case "WorkDelivered":
      case "WorkObjected":
      case "WorkAccepted":
      case "WorkDisputed":
      case "WorkRejected":
      case "WorkCancelled":
        keys.workItems.push([event.collective, Number(event.args.id)]);
        return;
    }
  },

  apply(batch, _registry, event) {
    const c = event.collective;
    switch (event.eventName) {
      case "ReviewWindowSet":
        batch.collective(c).reviewWindow = Number(event.args.newReviewWindow);
        return;
      case "ObjectionThresholdSet":
        batch.collective(c).objectionThreshold = Number(event.args.newObjectionThreshold);
        return;
      case "PrincipleSet": {
        const index = Number(event.args.index);
        batch.principles.put(key(c, index), {
          collective: c,
          index,
          name: event.args.name,
          updatedBlock: event.blockNumber,
        });
        return;
      }
      case "WorkCommissioned": {
        const a = event.args;
        const id = Number(a.id);
        batch.collective(c).workCount += 1;
        batch.workItems.put(key(c, id), {
          collective: c,
          workId: id,
          title: a.title,
          specUri: a.specUri,
          principle: Number(a.principle),
          contributor: getAddress(a.contributor),
          reward: a.reward,
          paymentToken: getAddress(a.paymentToken),
          paymentAmount: a.paymentAmount,
          state: "commissioned",
          deliveryUri: null,
          reviewEnds: null,
          objectionQuorum: null,
          objections: 0n,
          commissionedAt: event.timestamp,
          deliveredAt: null,
          settledAt: null,
          txHash: event.txHash,
        });
        return;
      }
      case "WorkTaken":
      case "WorkDelivered":
      case "WorkObjected":
      case "WorkAccepted":
      case "WorkDisputed":
      case "WorkRejected":
      case "WorkCancelled": {
        const k = key(c, Number(event.args.id));
        const item = batch.workItems.get(k);
        if (!item) return;
        change(batch, item, event);
        batch.workItems.put(k, item);
        return;
      }
    }
  },
};

/** What happens to a work item after it is commissioned. */
function change(
  batch: Batch,
  item: WorkItem,
  event: IndexedEvent<
    "work",
    "WorkTaken" | "WorkDelivered" | "WorkObjected" | "WorkAccepted" | "WorkDisputed" | "WorkRejected" | "WorkCancelled"
  >,
): void {
  switch (event.eventName) {
    case "WorkTaken":
      item.contributor = getAddress(event.args.contributor);
      return;
    case "WorkDelivered":
      item.state = "delivered";
      item.deliveryUri = event.args.uri;
      item.reviewEnds = Number(event.args.reviewEnds);
      item.objectionQuorum = event.args.objectionQuorum;
      item.deliveredAt = event.timestamp;
      return;
    case "WorkObjected":
      item.objections = event.args.objections;
      batch.objections.push({
        collective: item.collective,
        workId: item.workId,
        objector: getAddress(event.args.objector),
        weight: event.args.weight,
        reason: event.args.reason,
        timestamp: event.timestamp,
      });
      return;
    case "WorkAccepted":
      item.state = "accepted";
      item.settledAt = event.timestamp;
      return;
    case "WorkDisputed":
      item.state = "disputed";
      item.settledAt = event.timestamp;
      return;
    case "WorkRejected":
      item.state = "rejected";
      item.settledAt = event.timestamp;
      return;
    case "WorkCancelled":
      item.state = "cancelled";
      item.settledAt = event.timestamp;
      return;
  }
}

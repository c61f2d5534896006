/**
 * The work module's projection: work items through commission, delivery, objections and
 * settlement, the objections themselves, the principles work serves, and the review settings.
 */
import { getAddress } from "viem";
import type { IndexedEvent } from "../sync/decode.js";
import { key, type Batch, type WorkItem } from "./batch.js";
import type { Args, Handler } from "./handler.js";

export const work: Handler = {
  keys({ collective, args }, keys) {
    const a = args as Args;
    if (typeof a.id === "bigint") keys.workItems.push([collective, Number(a.id)]);
  },

  apply(batch, _registry, event) {
    const a = event.args as Args;
    const c = event.collective;
    switch (event.eventName) {
      case "ReviewWindowSet":
        batch.collective(c).reviewWindow = Number(a.newReviewWindow);
        return;
      case "ObjectionThresholdSet":
        batch.collective(c).objectionThreshold = Number(a.newObjectionThreshold);
        return;
      case "PrincipleSet": {
        const index = Number(a.index);
        batch.principles.put(key(c, index), {
          collective: c,
          index,
          name: a.name as string,
          updatedBlock: event.blockNumber,
        });
        return;
      }
      case "WorkCommissioned": {
        const id = Number(a.id);
        batch.collective(c).workCount += 1;
        batch.workItems.put(key(c, id), {
          collective: c,
          workId: id,
          title: a.title as string,
          specUri: a.specUri as string,
          principle: Number(a.principle),
          contributor: getAddress(a.contributor as string),
          reward: a.reward as bigint,
          paymentToken: getAddress(a.paymentToken as string),
          paymentAmount: a.paymentAmount as bigint,
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
        const k = key(c, Number(a.id));
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
function change(batch: Batch, item: WorkItem, event: IndexedEvent): void {
  const a = event.args as Args;
  switch (event.eventName) {
    case "WorkTaken":
      item.contributor = getAddress(a.contributor as string);
      return;
    case "WorkDelivered":
      item.state = "delivered";
      item.deliveryUri = a.uri as string;
      item.reviewEnds = Number(a.reviewEnds);
      item.objectionQuorum = a.objectionQuorum as bigint;
      item.deliveredAt = event.timestamp;
      return;
    case "WorkObjected":
      item.objections = a.objections as bigint;
      batch.objections.push({
        collective: item.collective,
        workId: item.workId,
        objector: getAddress(a.objector as string),
        weight: a.weight as bigint,
        reason: a.reason as string,
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

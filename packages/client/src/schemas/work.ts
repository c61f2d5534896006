/** Work items of a collective and the objections to them. */
import {
  counted,
  address,
  amount,
  collectiveParams,
  integer,
  nullableAmount,
  nullableText,
  nullableTimestamp,
  object,
  page,
  pageQuery,
  pageQueryProperties,
  query,
  routeSchema,
  text,
  timestamp,
  txHash,
  type Of,
} from "./common.js";

/** A work item's states, in the order of `IWork.State` from 1 (0 is no such item). */
export const WORK_STATES = ["commissioned", "delivered", "accepted", "disputed", "rejected", "cancelled"] as const;
export type WorkState = (typeof WORK_STATES)[number];

/** The states of work still under way: what "open" work means. */
export const OPEN_WORK_STATES = ["commissioned", "delivered", "disputed"] as const satisfies readonly WorkState[];

const workProperties = {
  workId: integer,
  title: text,
  specUri: text,
  principle: { ...integer, description: "The index of the collective's principle it serves." },
  principleName: nullableText,
  contributor: { ...address, description: "The zero address until someone takes an open bounty." },
  reward: { ...amount, description: "Shares minted to the contributor when accepted." },
  paymentToken: { ...address, description: "The zero address for ETH." },
  paymentAmount: amount,
  state: { type: "string", enum: WORK_STATES },
  deliveryUri: nullableText,
  reviewEnds: nullableTimestamp,
  objectionQuorum: { ...nullableAmount, description: "Objections weighing this much dispute the work." },
  objectionWeight: { ...amount, description: "The weight of the objections so far." },
  commissionedAt: timestamp,
  deliveredAt: nullableTimestamp,
  settledAt: nullableTimestamp,
  txHash,
} as const;

export const workItem = object(workProperties);

export type WorkItem = Of<typeof workItem>;

export const workQuery = query({
  state: { type: "string", enum: WORK_STATES },
  principle: { type: "integer", "x-finite": true, minimum: 0, maximum: 255, description: "A principle's index." },
  contributor: address,
  ...pageQueryProperties,
});

export type WorkQuery = Of<typeof workQuery>;

export const listWork = routeSchema({
  operationId: "listWork",
  tags: ["work"],
  summary: "A collective's work board, newest first, by state and principle",
  params: collectiveParams,
  querystring: workQuery,
  response: { 200: page(counted(workItem)) },
});

export const workParams = object({
  ...collectiveParams.properties,
  workId: {
    type: "integer",
    "x-finite": true,
    minimum: 0,
    maximum: 2_147_483_647,
    description: "The work item's id.",
  },
});

export type WorkParams = Of<typeof workParams>;

export const objection = object({ objector: address, weight: amount, reason: text, timestamp });

export type Objection = Of<typeof objection>;

export const workDetail = object({
  ...workProperties,
  objections: { ...page(objection), description: "The objections, newest first." },
});

export type WorkDetail = Of<typeof workDetail>;

export const getWork = routeSchema({
  operationId: "getWork",
  tags: ["work"],
  summary: "One work item, with the first page of its objections",
  params: workParams,
  response: { 200: workDetail },
});

export const listObjections = routeSchema({
  operationId: "listObjections",
  tags: ["work"],
  summary: "The objections to a work item, newest first",
  params: workParams,
  querystring: pageQuery,
  response: { 200: page(objection) },
});

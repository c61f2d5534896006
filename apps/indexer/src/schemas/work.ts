/** Work items of a collective and the objections to them. */
import {
  address,
  amount,
  collectiveParams,
  integer,
  nullableAmount,
  nullableText,
  nullableTimestamp,
  page,
  pageQueryProperties,
  routeSchema,
  text,
  timestamp,
  txHash,
  type Page,
  type PageQuery,
} from "./common.js";

export const WORK_STATES = ["commissioned", "delivered", "accepted", "disputed", "rejected", "cancelled"] as const;
export type WorkState = (typeof WORK_STATES)[number];

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

export const workItem = {
  type: "object",
  required: Object.keys(workProperties),
  properties: workProperties,
} as const;

export interface WorkItem {
  workId: number;
  title: string;
  specUri: string;
  principle: number;
  principleName: string | null;
  contributor: string;
  reward: string;
  paymentToken: string;
  paymentAmount: string;
  state: WorkState;
  deliveryUri: string | null;
  reviewEnds: number | null;
  objectionQuorum: string | null;
  objectionWeight: string;
  commissionedAt: number;
  deliveredAt: number | null;
  settledAt: number | null;
  txHash: string;
}

export interface WorkQuery extends PageQuery {
  state?: WorkState;
  principle?: number;
  contributor?: string;
}

export const listWork = routeSchema({
  operationId: "listWork",
  tags: ["work"],
  summary: "A collective's work board, newest first, by state and principle",
  params: collectiveParams,
  querystring: {
    type: "object",
    properties: {
      state: { type: "string", enum: WORK_STATES },
      principle: { type: "integer", "x-finite": true, minimum: 0, maximum: 255, description: "A principle's index." },
      contributor: address,
      ...pageQueryProperties,
    },
  },
  response: { 200: page(workItem) },
});

export const workParams = {
  type: "object",
  required: ["address", "workId"],
  properties: {
    ...collectiveParams.properties,
    workId: {
      type: "integer",
      "x-finite": true,
      minimum: 0,
      maximum: 2_147_483_647,
      description: "The work item's id.",
    },
  },
} as const;

export interface WorkParams {
  address: string;
  workId: number;
}

export const objection = {
  type: "object",
  required: ["objector", "weight", "reason", "timestamp"],
  properties: { objector: address, weight: amount, reason: text, timestamp },
} as const;

export interface Objection {
  objector: string;
  weight: string;
  reason: string;
  timestamp: number;
}

export const workDetail = {
  type: "object",
  required: [...workItem.required, "objections"],
  properties: {
    ...workProperties,
    objections: { ...page(objection), description: "The objections, newest first." },
  },
} as const;

export interface WorkDetail extends WorkItem {
  objections: Page<Objection>;
}

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
  querystring: { type: "object", properties: pageQueryProperties },
  response: { 200: page(objection) },
});

/** Applications to join a collective. */
import {
  address,
  amount,
  collectiveParams,
  integer,
  nullableAmount,
  nullableTimestamp,
  page,
  pageQueryProperties,
  routeSchema,
  text,
  timestamp,
  type PageQuery,
} from "./common.js";

export const APPLICATION_STATUSES = ["open", "admitted", "withdrawn"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

const applicationProperties = {
  applicationId: integer,
  applicant: address,
  requestedShares: amount,
  pitch: text,
  status: { type: "string", enum: APPLICATION_STATUSES },
  admittedShares: { ...nullableAmount, description: "The shares minted on admission." },
  submittedAt: timestamp,
  closedAt: nullableTimestamp,
} as const;

export const application = {
  type: "object",
  required: Object.keys(applicationProperties),
  properties: applicationProperties,
} as const;

export interface Application {
  applicationId: number;
  applicant: string;
  requestedShares: string;
  pitch: string;
  status: ApplicationStatus;
  admittedShares: string | null;
  submittedAt: number;
  closedAt: number | null;
}

export interface ApplicationsQuery extends PageQuery {
  status?: ApplicationStatus;
  applicant?: string;
}

export const listApplications = routeSchema({
  operationId: "listApplications",
  tags: ["applications"],
  summary: "Applications to join a collective, newest first, by status",
  params: collectiveParams,
  querystring: {
    type: "object",
    properties: {
      status: { type: "string", enum: APPLICATION_STATUSES },
      applicant: address,
      ...pageQueryProperties,
    },
  },
  response: { 200: page(application) },
});

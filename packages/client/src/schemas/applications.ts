/** Applications to join a collective. */
import {
  counted,
  address,
  amount,
  collectiveParams,
  integer,
  nullableAmount,
  object,
  nullableTimestamp,
  page,
  pageQueryProperties,
  query,
  routeSchema,
  text,
  timestamp,
  type Of,
} from "./common.js";

export const APPLICATION_STATUSES = ["open", "admitted", "withdrawn"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const application = object({
  applicationId: integer,
  applicant: address,
  requestedShares: amount,
  pitch: text,
  status: { type: "string", enum: APPLICATION_STATUSES },
  admittedShares: { ...nullableAmount, description: "The shares minted on admission." },
  submittedAt: timestamp,
  closedAt: nullableTimestamp,
});

export type Application = Of<typeof application>;

export const applicationsQuery = query({
  status: { type: "string", enum: APPLICATION_STATUSES },
  applicant: address,
  ...pageQueryProperties,
});

export type ApplicationsQuery = Of<typeof applicationsQuery>;

export const listApplications = routeSchema({
  operationId: "listApplications",
  tags: ["applications"],
  summary: "Applications to join a collective, newest first, by status",
  params: collectiveParams,
  querystring: applicationsQuery,
  response: { 200: page(counted(application)) },
});

/**
 * @rhizome/client: Rhizome's API for third parties. The types are generated from the service's
 * OpenAPI document (src/generated/openapi.ts, by `npm run openapi`); the client is openapi-fetch's,
 * typed by them: paths, parameters and answers are checked by TypeScript.
 *
 *     const rhizome = createRhizomeClient("https://rhizome.example");
 *     const { data } = await rhizome.GET("/api/collectives/{address}", { params: { path: { address } } });
 */
import createClient, { type ClientOptions } from "openapi-fetch";
import type { operations, paths } from "./generated/openapi.js";

export type { operations, paths };

/** The API's request and answer shapes, derived from its schemas: `Api.Member`, `Api.Page<Api.Proposal>`… */
export type * as Api from "./schemas/index.js";

/** The names the API and its clients share: states, kinds, choices. */
export {
  APPLICATION_STATUSES,
  COLLECTIVE_SORTS,
  FLOW_KINDS,
  MAX_NAMES,
  OPEN_PROPOSAL_STATES,
  OPEN_WORK_STATES,
  PROPOSAL_KINDS,
  PROPOSAL_STATES,
  SUPPORT,
  TIMELINE_EVENTS,
  WORK_STATES,
  type ApplicationStatus,
  type CollectiveSort,
  type FlowKind,
  type ProposalKind,
  type ProposalState,
  type Support,
  type TimelineEvent,
  type WorkState,
} from "./schemas/index.js";

/** Rhizome's contract errors in plain words, and the decoding of a revert into them. */
export { decodeRevert, describeCustomError, describeRevertData, ERROR_WORDS, type DecodedError } from "./errors.js";

/** What an operation answers with when it succeeds (200), by its operationId: JSON, or the event stream's text. */
export type Answer<Op extends keyof operations> = operations[Op]["responses"][200]["content"] extends infer C
  ? C extends { "application/json": infer J }
    ? J
    : C[keyof C]
  : never;

/** A typed client of the Rhizome service at `baseUrl`, its origin (the API is under /api). */
export function createRhizomeClient(baseUrl: string, options: Omit<ClientOptions, "baseUrl"> = {}) {
  return createClient<paths>({ ...options, baseUrl });
}

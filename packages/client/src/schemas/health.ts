/** Liveness and readiness. */
import { errorBody, type Of } from "./common.js";

export const healthz = {
  operationId: "getHealth",
  tags: ["health"],
  summary: "Whether the process and its database answer",
  response: {
    200: {
      description: "The process and its database answer.",
      type: "object",
      required: ["ok"],
      properties: { ok: { type: "boolean", const: true } },
    },
    503: { description: "The database does not answer.", ...errorBody },
  },
} as const;

const readiness = {
  type: "object",
  additionalProperties: false,
  required: ["ready", "lag", "head", "cursor", "chainId", "skippedEvents"],
  properties: {
    ready: { type: "boolean" },
    lag: { type: "integer", description: "Blocks between the chain's head and the indexed cursor." },
    head: { type: "integer" },
    cursor: { type: "integer" },
    chainId: { type: "integer" },
    skippedEvents: {
      type: "integer",
      description:
        "Logs that did not decode as the event their topic names, or events a projection could not apply, skipped since the service started (each logged with its block and log index).",
    },
    reason: {
      type: "string",
      description:
        "Why the index is not ready beyond catching up with the head: a rebuild after a reorg deeper than the index can undo, a head behind the index, the RPC rate-limiting, or a failing indexing step that is being retried.",
    },
  },
} as const;

export const readyz = {
  operationId: "getReadiness",
  tags: ["health"],
  summary: "Whether the index has caught up with the chain's head",
  response: {
    200: { description: "Caught up.", ...readiness },
    503: { description: "Still behind the head, rebuilding, or retrying a failed step (see `reason`).", ...readiness },
  },
} as const;

export type Readiness = Of<typeof readiness>;

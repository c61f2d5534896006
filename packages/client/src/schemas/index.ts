/**
 * The API's contract: the JSON schema of every request and answer, which the service validates and
 * serializes with and documents as OpenAPI, the types derived from them, and the names of states,
 * kinds and choices that the service and its clients share.
 */
export * from "./applications.js";
export * from "./chain.js";
export * from "./collectives.js";
export * from "./common.js";
export * from "./events.js";
export * from "./health.js";
export * from "./members.js";
export * from "./network.js";
export * from "./ownership.js";
export * from "./proposals.js";
export * from "./treasury.js";
export * from "./work.js";
export * from "./webhooks.js";
export * from "./relay.js";
export * from "./comments.js";
export * from "./inbox.js";
export * from "./feeds.js";

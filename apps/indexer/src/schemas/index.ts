/** The API's request and response shapes, for clients and tests. */
export type * from "./applications.js";
export type * from "./chain.js";
export type * from "./collectives.js";
export type * from "./common.js";
export type * from "./events.js";
export type * from "./health.js";
export type * from "./members.js";
export type * from "./network.js";
export type * from "./ownership.js";
export type * from "./proposals.js";
export type * from "./treasury.js";
export type * from "./work.js";

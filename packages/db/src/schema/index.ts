export * from "./chain.js";
export * from "./live.js";
export * from "./collectives.js";
export * from "./members.js";
export * from "./proposals.js";
export * from "./work.js";
export * from "./treasury.js";
export * from "./webhooks.js";

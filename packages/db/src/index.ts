/** @rhizome/db: the indexer's projections as a drizzle schema, their migrations, and a client. */
export * from "./client.js";
export { BOOKKEEPING_TABLES, OFFCHAIN_TABLES, PROJECTION_TABLES, SCHEMA_TABLES } from "./tables.js";
export { deferIndexes, deferredIndexCount, restoreIndexes } from "./deferred-indexes.js";
export * as schema from "./schema/index.js";
export type { ProposalAction } from "./schema/proposals.js";

/** @rhizome/indexer: the sync pipeline and the API, for the service and its tests. */
export {
  Indexer,
  DEFAULT_MAX_REORG_DEPTH,
  type IndexerOptions,
  type IndexerStatus,
  type Indexed,
  type Logger,
} from "./sync/indexer.js";
export { createRpc, RpcUnavailableError, type Rpc } from "./sync/rpc.js";
export { loadConfig, ConfigError, type Config } from "./config.js";
export { buildApp, type AppOptions } from "./app.js";
export type { IndexerEvents } from "./routes/api/events.js";
/** The API's response shapes: `Api.Member`, `Api.Page<Api.Proposal>`… */
export type * as Api from "./schemas/index.js";
export { startService, NoFactoryError, type RunningService } from "./service.js";

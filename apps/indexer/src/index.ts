/** @rhizome/indexer: the sync pipeline and the API, for the service and its tests. */
export { Indexer, DeepReorgError, type IndexerStatus, type Indexed, type Logger } from "./sync/indexer.js";
export { createRpc, RpcUnavailableError, type Rpc } from "./sync/rpc.js";
export { loadConfig, ConfigError, type Config } from "./config.js";

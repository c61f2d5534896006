/** @rhizome/indexer: the sync pipeline and the API, for the service and its tests. */
export {
  Indexer,
  IndexMismatchError,
  DEFAULT_MAX_REORG_DEPTH,
  type IndexerOptions,
  type IndexerStatus,
  type Indexed,
  type Logger,
} from "./indexer.js";
export { createRpc, type Rpc } from "./sync/rpc.js";
export {
  RpcError,
  RpcRangeError,
  RpcRateLimitedError,
  RpcRefusedError,
  RpcUnavailableError,
  toRpcError,
} from "./sync/rpc-errors.js";
export { MixedBranchesError } from "./sync/branch.js";
export { loadConfig, ConfigError, type Config } from "./config.js";
export { buildApp, type AppOptions } from "./app.js";
export { mainnetEnsResolver, type EnsResolver } from "./ens/resolver.js";
export { openApiDocument } from "./openapi.js";
export { PAGE_TEXT_BYTES } from "./repositories/page.js";
export { RELAY_LIMITS, RPC_RELAY_TIMEOUT_MS, type RelayLimits } from "./routes/rpc.js";
export { createLogger, type LoggerOptions } from "./logger.js";
export { redactUrl, secretRedactor, type Redact } from "./redact.js";
export type { IndexerEvents, Reorg } from "./routes/api/events.js";
export { startService, NoFactoryError, NoIndexerError, type RunningService } from "./service.js";
export { KEPT_EVENTS, relay, type Backlog, type LiveEvent, type LiveFeed, type Publisher } from "./live/feed.js";
export { memoryFeed } from "./live/memory.js";
export { LIVE_CHANNEL, postgresPublisher, postgresSubscriber, type Subscriber } from "./live/postgres.js";
export { readSharedStatus, startHeartbeat, type SharedStatus } from "./shared-status.js";
export { ROLES, type Role } from "./config.js";
export { createMetrics, type Metrics } from "./metrics.js";
export { readRelayConfig, type RelayConfig } from "./relay/config.js";
export { relayDesk, RelayRefusal, type RelayDesk } from "./relay/desk.js";
export { RelaySubmitter } from "./relay/submitter.js";

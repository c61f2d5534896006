/**
 * The indexer: the orchestrator above the stages of the sync (sync/) and the projections
 * (projections/). It discovers collectives from the factory and follows every module. While final
 * blocks are left below the head it knows, a step backfills the next range (sync/backfill.ts),
 * asking the head again only every few seconds. Near the head, each step polls it, then follows
 * the block after the cursor (sync/realtime.ts), or, when the chain no longer has the block the
 * index was built on, finds what the reorg means (sync/reorg.ts) and rolls back or rebuilds.
 * Every unit is written with the cursor in one transaction (store/state.ts); those within
 * `maxReorgDepth` of the head keep their last block's hash and undo records of their changes
 * (store/kept-blocks.ts), those below it nothing.
 */
import { EventEmitter } from "node:events";
import type { Address, Hex } from "viem";
import { deferIndexes, deferredIndexCount, restoreIndexes, type Database } from "@rhizome/db";
import { applyEvents, PROJECTION_VERSION } from "./projections/apply.js";
import { keptHash, oldestKept, rollBack } from "./store/kept-blocks.js";
import {
  commitUnit,
  createState,
  DEVELOPMENT_CHAINS,
  emptyIndex,
  IndexMismatchError,
  loadState,
  resetReason,
} from "./store/state.js";
import { Backfill, type FinalUnit } from "./sync/backfill.js";
import { MixedBranchesError } from "./sync/branch.js";
import { decodeLogs, type IndexedEvent } from "./sync/decode.js";
import { fetchLogs, type BlockRange } from "./sync/logs.js";
import { poll, readBlock } from "./sync/realtime.js";
import { Registry } from "./sync/registry.js";
import { findReorg } from "./sync/reorg.js";
import { errorText, RpcRateLimitedError, RpcRefusedError } from "./sync/rpc-errors.js";
import { sleep, type BlockHeader, type RawLog, type Rpc } from "./sync/rpc.js";

export { IndexMismatchError };

export interface IndexerOptions {
  factory: Address;
  startBlock: number;
  confirmations: number;
  /**
   * The deepest reorg rolled back in place: changes within this many blocks of the head keep
   * undo records. A deeper one rebuilds the index from the chain. At least `confirmations`;
   * 256 by default.
   */
  maxReorgDepth?: number;
  pollInterval: number;
  /** Blocks in the first backfill range; it adapts from there. */
  initialRange?: number;
  /** Called inside each range's transaction before it commits (tests use it to crash mid-way). */
  beforeCommit?: (range: { fromBlock: number; toBlock: number }) => void | Promise<void>;
}

export interface IndexerStatus {
  chainId: number;
  head: number;
  cursor: number;
  finalized: number;
  /** Blocks behind the head. */
  lag: number;
  caughtUp: boolean;
  events: number;
  /** Why the index is not ready beyond catching up (a rebuild, a failing step), if it is not. */
  reason?: string | undefined;
  /** Events a handler could not apply since the indexer started, skipped and logged one by one. */
  skippedEvents: number;
}

/** The status before anything is known of the chain or indexed, with `reason` if one is given. */
export function startingStatus(reason?: string): IndexerStatus {
  return {
    chainId: 0,
    head: 0,
    cursor: 0,
    finalized: 0,
    lag: 0,
    caughtUp: false,
    events: 0,
    skippedEvents: 0,
    ...(reason === undefined ? {} : { reason }),
  };
}

/** What a committed range brings, for progress and live updates. */
export interface Indexed {
  fromBlock: number;
  toBlock: number;
  events: number;
  collectives: string[];
  eventNames: string[];
  backfill: boolean;
  /** The last block's timestamp. */
  timestamp: number;
  /** Milliseconds to apply the events and commit them. */
  durationMs: number;
}

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** The deepest reorg rolled back in place when the options do not say. */
export const DEFAULT_MAX_REORG_DEPTH = 256;
/** The longest wait between attempts of a step that keeps failing. */
const MAX_RETRY_DELAY_MS = 30_000;
/**
 * Reads in a row whose answers came from two branches of the chain, read again at once, before
 * the step fails: one is a reorg while a unit was read, more an RPC that keeps mixing branches.
 */
const MIXED_READS_BEFORE_FAILING = 3;
/**
 * How often the head is asked while backfilling below it: the final target moves up with it, and
 * the ranges within the reorg window are told apart by it. Not per range: a step that has final
 * blocks left below the head it knows needs nothing else of the head.
 */
const HEAD_REFRESH_MS = 5_000;

export class Indexer extends EventEmitter<{ indexed: [Indexed]; reorg: [{ ancestor: number; depth: number }] }> {
  readonly status: IndexerStatus = startingStatus();
  private registry: Registry;
  private readonly backfill: Backfill;
  /** The hash the index keeps for the cursor's block; undefined before anything is indexed. */
  private cursorHash: string | undefined;
  /**
   * Whether the cursor's block is kept (store/kept-blocks.ts). A range below the reorg window
   * leaves its last block's hash in `cursorHash` without keeping it: nothing written there can be
   * rolled back, so a reorg that replaces it rebuilds the index.
   */
  private cursorKept = false;
  private readonly maxReorgDepth: number;
  /** Reads in a row whose answers came from two branches; back to 0 at each commit. */
  private mixedReads = 0;
  /** When the head was last asked (performance.now()). */
  private headAskedAt = Number.NEGATIVE_INFINITY;
  /** The newest block time indexed, for the `indexed` event of a unit that knows none of its own. */
  private lastTimestamp = 0;
  /**
   * Whether the projections' secondary indexes are set aside (@rhizome/db's deferred-indexes.ts):
   * from the first range of an empty index, when it lies below the reorg window, until the first
   * unit that keeps its block (within the window, or followed at the head).
   */
  private indexesDeferred = false;

  constructor(
    private readonly db: Database,
    private readonly rpc: Rpc,
    private readonly options: IndexerOptions,
    private readonly log: Logger,
  ) {
    super();
    this.registry = new Registry(options.factory);
    this.maxReorgDepth = Math.max(options.maxReorgDepth ?? DEFAULT_MAX_REORG_DEPTH, options.confirmations);
    this.backfill = new Backfill(rpc, {
      ...(options.initialRange === undefined ? {} : { initialRange: options.initialRange }),
      fetchLogs: (range, parts) => this.fetchRange(range, parts),
      decode: (logs, last, timestamps) => this.decode(logs, last, timestamps),
      onShrink: ({ from, to, next, error }) =>
        this.log.warn({ from, to, next, reason: errorText(error).slice(0, 200) }, "range refused; shrinking"),
    });
  }

  /**
   * Checks the chain and the projections against the database (starting afresh if the chain was
   * reset or the index was written by other projections) and loads the state.
   */
  async init(): Promise<void> {
    const chainId = await this.rpc.chainId();
    const genesis = await this.rpc.header(0);
    const { factory, startBlock } = this.options;
    const state = await loadState(this.db);
    const reason = state
      ? (resetReason(state, { chainId, genesis: genesis.hash, factory }) ??
        (await this.developmentChainRestarted(chainId)))
      : undefined;
    const outdated = !reason && state !== undefined && state.projectionVersion !== PROJECTION_VERSION;
    if (reason) {
      this.log.warn(
        {
          chainId,
          previousChainId: state?.chainId,
          genesis: genesis.hash,
          previousGenesis: state?.genesisHash,
          reason,
        },
        "The chain was reset: starting the index afresh",
      );
    }
    if (outdated) {
      this.log.warn(
        { projectionVersion: PROJECTION_VERSION, previousProjectionVersion: state?.projectionVersion },
        "The index was written by other projections: starting the index afresh",
      );
    }
    if (reason || outdated) await emptyIndex(this.db);
    const loaded =
      (await loadState(this.db)) ??
      (await createState(this.db, {
        chainId,
        genesis: genesis.hash,
        factory,
        startBlock,
        projectionVersion: PROJECTION_VERSION,
      }));
    Object.assign(this.status, { chainId, cursor: loaded.cursorBlock, finalized: loaded.finalizedBlock });
    // The cursor's block is kept, or was written below the reorg window and its hash remembered:
    // after a restart too, the next read must extend it, or a reorg under it is found.
    const kept = await keptHash(this.db, loaded.cursorBlock);
    this.cursorHash = kept ?? loaded.cursorHash ?? undefined;
    this.cursorKept = kept !== undefined;
    this.backfill.forget();
    this.registry = await Registry.load(this.db, factory);
    this.indexesDeferred = (await deferredIndexCount(this.db)) > 0;
  }

  /**
   * A local development chain restarted from the same genesis (Hardhat's is the same every time)
   * no longer has the blocks the index keeps. On a real chain that is a deep reorg or a node
   * behind, which the first step tells apart; on a development chain it is a new chain.
   */
  private async developmentChainRestarted(chainId: number): Promise<string | undefined> {
    if (!DEVELOPMENT_CHAINS.has(chainId)) return undefined;
    const oldest = await oldestKept(this.db);
    if (oldest === undefined) return undefined;
    const { headers } = await this.rpc.headWithHeaders([oldest]);
    return headers[0]?.hash === (await keptHash(this.db, oldest)) ? undefined : "the indexed blocks are gone";
  }

  /**
   * Runs until `signal` aborts: backfill, then follow the head. Idle polls start one
   * `pollInterval` apart, not one interval after the last poll ended: the poll's own round
   * trips would otherwise add to how long a new block waits to be seen. A step that fails is
   * logged and tried again after a growing pause, while the status says why the index is not
   * ready: the API keeps serving what is indexed.
   */
  async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      const started = performance.now();
      let progressed: boolean;
      try {
        progressed = await this.step();
        if (failures > 0) this.log.info({ failures }, "the indexer recovered");
        failures = 0;
      } catch (error) {
        failures++;
        const backoff = Math.min(this.options.pollInterval * 2 ** failures, MAX_RETRY_DELAY_MS);
        const delay = error instanceof RpcRateLimitedError ? Math.max(backoff, error.retryAfterMs ?? 0) : backoff;
        const why = failureReason(error);
        this.status.caughtUp = false;
        this.status.reason = `${why}; retrying in ${Math.ceil(delay / 1000)} s`;
        this.log.error({ error: errorText(error).slice(0, 500), failures, retryInMs: delay }, why);
        await sleep(delay, signal);
        continue;
      }
      if (!progressed) await sleep(Math.max(0, this.options.pollInterval - (performance.now() - started)), signal);
    }
  }

  /** Indexes until the cursor reaches the head as it is now; for tests and one-shot runs. */
  async syncToHead(): Promise<void> {
    while (await this.step()) {
      /* keep going */
    }
  }

  /**
   * One unit of work; false when there was nothing to do. Steps never overlap: a caller that
   * asks while another step runs waits for it and then takes its own.
   */
  step(): Promise<boolean> {
    const next = this.stepping.then(() => this.stepOnce());
    this.stepping = next.catch(() => false);
    return next;
  }

  /** Resolves once the index has caught up with the head, whoever drives the steps. */
  async caughtUp(): Promise<void> {
    while (!this.status.caughtUp) await new Promise((resolve) => this.once("indexed", resolve));
  }

  private stepping: Promise<boolean> = Promise.resolve(true);

  private async stepOnce(): Promise<boolean> {
    if (this.status.chainId === 0) throw new Error("Indexer.init() must run before the indexer syncs");
    // Backfilling below the head it knows, a step asks the head only every few seconds: a range
    // within the reorg window checks the cursor's block itself (writeFinal), and one below it
    // cannot have lost it.
    if (this.status.cursor < this.finalTarget()) {
      if (performance.now() - this.headAskedAt >= HEAD_REFRESH_MS) {
        this.status.head = await this.rpc.head();
        this.headAskedAt = performance.now();
      }
      if (this.status.cursor < this.finalTarget()) return this.backfillStep();
    }
    const { head, next, current } = await poll(this.rpc, this.status.cursor);
    this.status.head = head;
    this.headAskedAt = performance.now();
    // Whatever the head did since the last step (grown by one or by thousands, replaced, shrunk),
    // the index builds on its cursor's block only while the chain still has it.
    if (this.cursorHash !== undefined && current?.hash !== this.cursorHash) return this.handleReorg();
    try {
      if (this.status.cursor < this.finalTarget()) {
        return await this.backfillStep();
      } else if (this.status.cursor < head && next?.number === this.status.cursor + 1) {
        const logs = await readBlock(next, this.cursorHash, (filter) => this.fetchRange(filter));
        const events = this.decode(logs, next, new Map([[next.number, next.timestamp]]));
        await this.commit(next.number, next.number, events, next, next.hash, false);
      } else {
        // Caught up (or the chain answered a head without its block; the next poll asks again).
        this.updateLag();
        return false;
      }
    } catch (error) {
      if (!(error instanceof MixedBranchesError)) throw error;
      await this.readAgain(error);
    }
    this.updateLag();
    return true;
  }

  /** The last final block at the head the indexer knows. */
  private finalTarget(): number {
    return this.status.head - this.options.confirmations;
  }

  /** Backfills the next final range; blocks above head − maxReorgDepth are within the reorg window. */
  private async backfillStep(): Promise<boolean> {
    try {
      const keptFrom = this.status.head - this.maxReorgDepth + 1;
      const unit = await this.backfill.next(this.status.cursor + 1, this.finalTarget(), keptFrom);
      if (unit) await this.writeFinal(unit);
    } catch (error) {
      // The head it knows may be what failed (a chain that went back): the next step asks anew.
      this.headAskedAt = Number.NEGATIVE_INFINITY;
      if (!(error instanceof MixedBranchesError)) throw error;
      await this.readAgain(error);
    }
    this.updateLag();
    return true;
  }

  private updateLag(): void {
    this.status.lag = Math.max(0, this.status.head - this.status.cursor);
    this.status.caughtUp = this.status.lag === 0;
    if (this.status.caughtUp) this.status.reason = undefined;
  }

  /**
   * A final range, read by block numbers: written without undo records if beyond reorg reach.
   * A range within the reorg window was read from a chain that must still hold the cursor's block;
   * when the cursor's block was not kept (the range before was below the window), the block
   * before this range is kept in its stead, for a reorg that reaches into it to roll back to.
   * Before anything is indexed there is nothing to roll back: a reorg that deep rebuilds.
   */
  private async writeFinal(unit: FinalUnit): Promise<void> {
    if (unit.before !== undefined && this.cursorHash !== undefined && unit.before.hash !== this.cursorHash) {
      await this.handleReorg();
      return;
    }
    if (unit.deep) {
      // An empty index backfilled from far below the head: its tables are built faster without
      // their secondary indexes, made once when the backfill reaches the window (commit).
      if (!this.indexesDeferred && this.status.cursor < this.options.startBlock) {
        const deferred = await deferIndexes(this.db);
        this.indexesDeferred = deferred > 0;
        this.log.info({ indexes: deferred }, "secondary indexes set aside until the backfill reaches the reorg window");
      }
      await this.commit(unit.from, unit.to, unit.events, undefined, unit.last.hash, true);
      return;
    }
    const indexed = this.status.cursor >= this.options.startBlock;
    const anchor = !this.cursorKept && indexed ? unit.before : undefined;
    await this.commit(unit.from, unit.to, unit.events, unit.last, unit.last.hash, true, anchor);
  }

  /** The logs as events in chain order, each with its block's time. */
  private decode(logs: RawLog[], header: BlockHeader | undefined, timestamps: Map<number, number>): IndexedEvent[] {
    if (header) timestamps.set(header.number, header.timestamp);
    return decodeLogs(logs, this.registry, timestamps, (log, error) => {
      this.status.skippedEvents++;
      this.log.warn(
        {
          block: Number(log.blockNumber),
          logIndex: log.logIndex,
          address: log.address,
          error: errorText(error).slice(0, 300),
        },
        "a log did not decode as the event its topic names and was skipped",
      );
    });
  }

  /**
   * The RPC's answers for a unit came from two branches: most often a reorg while it was read,
   * which the next poll finds; nothing of it is written, and it is read again at once. An RPC that
   * keeps mixing branches fails the step: the run loop retries it with a growing pause, and the
   * status says why. Collectives the unit's logs created are forgotten until read again.
   */
  private async readAgain(error: MixedBranchesError): Promise<void> {
    this.backfill.forget();
    this.registry = await Registry.load(this.db, this.options.factory);
    if (++this.mixedReads >= MIXED_READS_BEFORE_FAILING) throw error;
    this.log.warn(
      { block: error.block, expected: error.expected, found: error.found, reads: this.mixedReads },
      "the RPC answered from two branches of the chain; reading again",
    );
  }

  private fetchRange(range: BlockRange | { blockHash: Hex }, parts = 1): Promise<RawLog[]> {
    return fetchLogs(this.rpc, this.registry, this.options.factory, range, { parts });
  }

  /**
   * Writes a unit (a range, or one block) with the cursor and its last block's hash, in one
   * transaction. A unit within `maxReorgDepth` of the head records its changes for undo, all
   * under its last block: a reorg inside it rolls the whole unit back to the block before it.
   * A range below the reorg window comes without its last block (`header`): nothing of it is
   * kept, and only its last block's hash (`lastHash`) is remembered, with the cursor.
   */
  private async commit(
    from: number,
    to: number,
    events: IndexedEvent[],
    header: BlockHeader | undefined,
    lastHash: string,
    backfill: boolean,
    anchor?: BlockHeader,
  ): Promise<void> {
    // A unit that keeps its block can be rolled back, and the index is read near the head from
    // now on: the indexes set aside below the window are made first.
    if (this.indexesDeferred && header !== undefined) {
      const startedAt = performance.now();
      const made = await restoreIndexes(this.db);
      this.indexesDeferred = false;
      this.log.info({ indexes: made, ms: Math.round(performance.now() - startedAt) }, "secondary indexes made again");
    }
    const started = performance.now();
    const { head } = this.status;
    const timestamp = header?.timestamp ?? events.at(-1)?.timestamp;
    const { applied, finalized } = await commitUnit(
      this.db,
      {
        from,
        to,
        header,
        lastHash,
        anchor,
        timestamp,
        head,
        undoable: to > head - this.maxReorgDepth,
        pruneAt: head - this.maxReorgDepth,
      },
      (tx) => applyEvents(tx, this.registry, events),
      this.options.beforeCommit,
    );
    for (const { event, error } of applied.skipped) {
      this.log.warn(
        {
          block: event.blockNumber,
          logIndex: event.logIndex,
          event: `${event.source}.${event.eventName}`,
          address: event.address,
          error: errorText(error).slice(0, 300),
        },
        "an event could not be applied and was skipped",
      );
    }
    this.status.skippedEvents += applied.skipped.length;
    this.mixedReads = 0;
    this.status.cursor = to;
    this.cursorHash = lastHash;
    this.cursorKept = header !== undefined;
    this.status.finalized = finalized ?? this.status.finalized;
    this.lastTimestamp = timestamp ?? this.lastTimestamp;
    this.status.events += events.length;
    this.emit("indexed", {
      fromBlock: from,
      toBlock: to,
      events: events.length,
      collectives: [...applied.touched],
      eventNames: [...new Set(events.map((e) => `${e.source}.${e.eventName}`))],
      backfill,
      timestamp: this.lastTimestamp,
      durationMs: performance.now() - started,
    });
  }

  /**
   * Carries out what the reorg stage finds: waits for a node that is behind, rolls back to the
   * common ancestor, or rebuilds the index from the chain. False when there was nothing to do
   * (the node is behind, or the chain's answers disagreed for a moment): the next poll looks again.
   */
  private async handleReorg(): Promise<boolean> {
    this.backfill.forget();
    this.headAskedAt = Number.NEGATIVE_INFINITY;
    const { head, cursor, finalized } = this.status;
    const finding = await findReorg(this.db, this.rpc, {
      head,
      cursor,
      finalized,
      unkept: this.cursorKept ? undefined : this.cursorHash,
    });
    switch (finding.kind) {
      case "behind":
        this.status.caughtUp = false;
        this.status.reason = finding.blockMissing
          ? `the RPC's head is block ${head} but it does not return block ${cursor}, which the index was built on: waiting for its nodes to agree`
          : `the chain's head (block ${head}) is behind the index (block ${cursor}): waiting for the RPC to catch up`;
        return false;
      case "same":
        return false;
      case "rebuild":
        await this.rebuild();
        return true;
      case "rollback": {
        const { ancestor, depth } = finding;
        await rollBack(this.db, ancestor.number);
        this.status.cursor = ancestor.number;
        this.cursorHash = ancestor.hash;
        this.cursorKept = true;
        this.updateLag();
        this.registry = await Registry.load(this.db, this.options.factory);
        this.log.warn({ ancestor: ancestor.number, depth }, "reorg: rolled back to the common ancestor");
        this.emit("reorg", { ancestor: ancestor.number, depth });
        return true;
      }
    }
  }

  /**
   * Starts the index afresh from the chain after a reorg deeper than `maxReorgDepth`: every
   * projection and the bookkeeping are emptied (nothing else: data that does not come from the
   * chain is kept) and indexed again, while the status says why the index is not ready.
   */
  private async rebuild(): Promise<void> {
    const depth = this.status.cursor - (this.options.startBlock - 1);
    const reason = `rebuilding the index from the chain: a reorg went deeper than the ${this.maxReorgDepth} blocks it can undo`;
    this.log.error(
      { cursor: this.status.cursor, head: this.status.head, maxReorgDepth: this.maxReorgDepth },
      `${reason}. The API serves the index as it is rebuilt and /readyz answers 503 until it has caught up; ` +
        "if this chain reorganises this deep, raise MAX_REORG_DEPTH",
    );
    await emptyIndex(this.db);
    await this.init();
    this.status.caughtUp = false;
    this.status.reason = reason;
    this.emit("reorg", { ancestor: this.options.startBlock - 1, depth });
  }
}

/** Why a step failed, in the words the status and the log give it. */
function failureReason(error: unknown): string {
  if (error instanceof RpcRateLimitedError) return "the RPC is rate-limiting the indexer";
  if (error instanceof RpcRefusedError) return `the RPC refused a request (${errorText(error).slice(0, 200)})`;
  return `indexing failed (${errorText(error).slice(0, 200)})`;
}

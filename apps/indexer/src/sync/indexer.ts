/**
 * The sync pipeline: discovers collectives from the factory and follows every module. Below
 * head − confirmations it backfills in adaptive ranges, each range committed with the cursor in
 * one transaction; above, it follows the head block by block. Every committed unit keeps its
 * last block's hash, and those within `maxReorgDepth` of the head keep undo records of their
 * changes (kept-blocks.ts). Nothing is built on the cursor's block without knowing the chain
 * still has it: each step compares its kept hash with the chain's, and each range or block must
 * extend it. A reorg rolls back to the common ancestor and re-indexes; one deeper than the undo
 * records reach rebuilds the index from the chain while the API keeps serving.
 */
import { EventEmitter } from "node:events";
import { sql } from "drizzle-orm";
import type { Address, Hex } from "viem";
import { BOOKKEEPING_TABLES, PROJECTION_TABLES, schema, type Database } from "@rhizome/db";
import { applyEvents, PROJECTION_VERSION } from "../projections/apply.js";
import { checkExtends, checkLogsOnBranch, MixedBranchesError } from "./branch.js";
import { decodeLogs, type IndexedEvent } from "./decode.js";
import { fetchLogs, type BlockRange } from "./logs.js";
import { Registry } from "./registry.js";
import { findAncestor, keepBlock, keptHash, oldestKept, pruneBelow, rollBack } from "./kept-blocks.js";
import { errorText, isPermanent, RpcRateLimitedError, sleep, type BlockHeader, type RawLog, type Rpc } from "./rpc.js";

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

/** A final range in flight: its logs, then the headers its commit needs. */
interface FinalRange {
  logs: Promise<RawLog[]>;
  /**
   * The chain's block before the range, if any (to check that the range extends the cursor's
   * block), the range's last header (to keep), and its events, decoded as soon as the logs and
   * their blocks are in. Rejects with a MixedBranchesError when the logs and their blocks come
   * from two branches of the chain.
   */
  decoded: Promise<{ before: BlockHeader | undefined; last: BlockHeader; events: IndexedEvent[] }>;
}

/** What one poll of the head learns, all asked at once. */
interface Poll {
  head: number;
  /** The block after the cursor, if the chain has it. */
  next: BlockHeader | undefined;
  /** The chain's block at the cursor, if it has one. */
  current: BlockHeader | undefined;
}

/**
 * The database holds an index of another chain or factory than the one configured: indexing
 * would mix the two or wipe it, so the indexer refuses to start.
 */
export class IndexMismatchError extends Error {
  override name = "IndexMismatchError";
}

/** Chain ids of local development chains (Hardhat, Anvil, Ganache), which start anew with a new genesis. */
const DEVELOPMENT_CHAINS = new Set([31337, 1337]);

/** The deepest reorg rolled back in place when the options do not say. */
export const DEFAULT_MAX_REORG_DEPTH = 256;
/** The longest wait between attempts of a step that keeps failing. */
const MAX_RETRY_DELAY_MS = 30_000;
/**
 * Reads in a row whose answers came from two branches of the chain, read again at once, before
 * the step fails: one is a reorg while a unit was read, more an RPC that keeps mixing branches.
 */
const MIXED_READS_BEFORE_FAILING = 3;

export class Indexer extends EventEmitter<{ indexed: [Indexed]; reorg: [{ ancestor: number; depth: number }] }> {
  readonly status: IndexerStatus = startingStatus();
  private registry: Registry;
  /** Blocks in the next backfill range: starts small, grows while ranges come back light. */
  private rangeSize = 100;
  /** The next range's logs and blocks, fetched while the current range is written. */
  private prefetch: ({ from: number; to: number } & FinalRange) | undefined;
  /** The hash the index keeps for the cursor's block; undefined before anything is indexed. */
  private cursorHash: string | undefined;
  private readonly maxReorgDepth: number;
  /** Reads in a row whose answers came from two branches; back to 0 at each commit. */
  private mixedReads = 0;

  constructor(
    private readonly db: Database,
    private readonly rpc: Rpc,
    private readonly options: IndexerOptions,
    private readonly log: Logger,
  ) {
    super();
    this.registry = new Registry(options.factory);
    this.rangeSize = options.initialRange ?? this.rangeSize;
    this.maxReorgDepth = Math.max(options.maxReorgDepth ?? DEFAULT_MAX_REORG_DEPTH, options.confirmations);
  }

  /**
   * Checks the chain and the projections against the database (starting afresh if the chain was
   * reset or the index was written by other projections) and loads the state.
   */
  async init(): Promise<void> {
    const chainId = await this.rpc.chainId();
    const genesis = await this.rpc.header(0);
    const [state] = await this.db.select().from(schema.indexerState);
    const reason = state
      ? (this.resetReason(state, chainId, genesis.hash) ?? (await this.developmentChainRestarted(chainId)))
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
    if (reason || outdated) await this.emptyIndex();
    const [current] = await this.db.select().from(schema.indexerState);
    if (!current) {
      await this.db.insert(schema.indexerState).values({
        chainId,
        genesisHash: genesis.hash,
        factory: this.options.factory,
        startBlock: this.options.startBlock,
        cursorBlock: this.options.startBlock - 1,
        finalizedBlock: this.options.startBlock - 1,
        headBlock: 0,
        headTimestamp: 0,
        projectionVersion: PROJECTION_VERSION,
      });
    }
    const [loaded] = await this.db.select().from(schema.indexerState);
    if (!loaded) throw new Error("The indexer state could not be written");
    Object.assign(this.status, { chainId, cursor: loaded.cursorBlock, finalized: loaded.finalizedBlock });
    this.cursorHash = await keptHash(this.db, loaded.cursorBlock);
    this.prefetch = undefined;
    this.registry = await Registry.load(this.db, this.options.factory);
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

  /** Empties every projection and the bookkeeping; data that does not come from the chain stays. */
  private async emptyIndex(): Promise<void> {
    await this.db.execute(sql.raw(`TRUNCATE ${[...PROJECTION_TABLES, ...BOOKKEEPING_TABLES].join(", ")}`));
  }

  /**
   * Whether the database's index belongs to the chain the RPC serves now. Another chain id or
   * factory is a wrong RPC_URL or FACTORY_ADDRESS, or the wrong database: refused, never
   * truncated. Another genesis block under the same chain id is a local development chain started
   * anew (`npm start` makes one each time): its index starts afresh. Anything else, a head behind
   * the index or blocks no longer on the chain, is the first step's to find out (it waits, rolls
   * back or rebuilds, and says so).
   */
  private resetReason(
    state: typeof schema.indexerState.$inferSelect,
    chainId: number,
    genesis: Hex,
  ): string | undefined {
    const elsewhere =
      "point RPC_URL at that chain, or give this chain a database of its own (DATABASE_URL or DATA_DIR)";
    if (state.chainId !== chainId) {
      throw new IndexMismatchError(
        `The database holds an index of chain ${state.chainId}, but RPC_URL serves chain ${chainId}: ${elsewhere}.`,
      );
    }
    if (state.factory !== this.options.factory) {
      throw new IndexMismatchError(
        `The database holds an index of the factory ${state.factory}, not ${this.options.factory}: ` +
          "set FACTORY_ADDRESS to it, or give this factory a database of its own (DATABASE_URL or DATA_DIR).",
      );
    }
    if (state.genesisHash !== genesis) {
      if (DEVELOPMENT_CHAINS.has(chainId)) return "another genesis block";
      throw new IndexMismatchError(
        `The database holds an index of chain ${chainId} from the genesis block ${state.genesisHash}, but RPC_URL ` +
          `serves one from ${genesis}: ${elsewhere}.`,
      );
    }
    return undefined;
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
        const rateLimited = error instanceof RpcRateLimitedError;
        const delay = rateLimited ? Math.max(backoff, error.retryAfterMs ?? 0) : backoff;
        this.status.caughtUp = false;
        this.status.reason = rateLimited
          ? `the RPC is rate-limiting the indexer; retrying in ${Math.ceil(delay / 1000)} s`
          : `indexing failed (${errorText(error).slice(0, 200)}); retrying in ${Math.ceil(delay / 1000)} s`;
        this.log.error(
          { error: errorText(error).slice(0, 500), failures, retryInMs: delay },
          rateLimited ? "the RPC is rate-limiting the indexer" : "an indexing step failed",
        );
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
    const { head, next, current } = await this.poll();
    this.status.head = head;
    // Whatever the head did since the last step (grown by one or by thousands, replaced, shrunk),
    // the index builds on its cursor's block only while the chain still has it.
    if (this.cursorHash !== undefined && current?.hash !== this.cursorHash) return this.handleReorg();
    const finalTarget = head - this.options.confirmations;
    if (this.status.cursor < finalTarget) {
      const from = this.status.cursor + 1;
      const to = Math.min(finalTarget, from + this.rangeSize - 1);
      await this.backfillRange(from, to);
    } else if (this.status.cursor < head && next?.number === this.status.cursor + 1) {
      await this.followBlock(next);
    } else {
      // Caught up (or the chain answered a head without its block; the next poll asks again).
      this.updateLag();
      return false;
    }
    this.updateLag();
    return true;
  }

  /** The head, the block after the cursor and the block at the cursor: one JSON-RPC request. */
  private async poll(): Promise<Poll> {
    const { cursor } = this.status;
    // Before anything is indexed from block 0, the cursor is block -1.
    const { head, headers } = await this.rpc.headWithHeaders(cursor >= 0 ? [cursor + 1, cursor] : [cursor + 1]);
    const [next, current] = headers;
    return { head, next, current };
  }

  private updateLag(): void {
    this.status.lag = Math.max(0, this.status.head - this.status.cursor);
    this.status.caughtUp = this.status.lag === 0;
    if (this.status.caughtUp) this.status.reason = undefined;
  }

  /**
   * A final range: fetched by block numbers, written without undo records. While it is being
   * written, the next range is already being fetched.
   */
  private async backfillRange(from: number, to: number): Promise<void> {
    const ready = this.prefetch?.from === from && this.prefetch.to === to ? this.prefetch : undefined;
    this.prefetch = undefined;
    const range = ready ?? this.fetchFinal(from, to);
    let logs: RawLog[];
    try {
      logs = await range.logs;
    } catch (error) {
      if (to > from && isPermanent((error as Error).cause ?? error)) {
        this.rangeSize = Math.max(1, Math.floor((to - from + 1) / 4));
        this.log.warn(
          { from, to, next: this.rangeSize, reason: errorText(error).slice(0, 200) },
          "range refused; shrinking",
        );
        return;
      }
      throw error;
    }
    // Aim for ranges of 5,000 to 20,000 events: grow while ranges come back light.
    if (logs.length < 5_000) this.rangeSize = Math.min(this.rangeSize * 2, 100_000);
    else if (logs.length > 20_000) this.rangeSize = Math.max(1, Math.floor(this.rangeSize / 2));
    const finalTarget = this.status.head - this.options.confirmations;
    if (to < finalTarget) {
      const nextTo = Math.min(finalTarget, to + this.rangeSize);
      this.prefetch = { from: to + 1, to: nextTo, ...this.fetchFinal(to + 1, nextTo) };
    }
    let decoded: Awaited<FinalRange["decoded"]>;
    try {
      decoded = await range.decoded;
    } catch (error) {
      if (error instanceof MixedBranchesError) return this.readAgain(error);
      throw error;
    }
    const { before, last, events } = decoded;
    // The range was read by block numbers, from a chain that must still hold the cursor's block.
    if (this.cursorHash !== undefined && before?.hash !== this.cursorHash) {
      await this.handleReorg();
      return;
    }
    await this.commit(from, to, events, last, true);
  }

  /**
   * Starts fetching a final range: its logs, and with them its last block's header and the
   * headers of the logs' blocks (their hashes must be the logs', and they give their times); then
   * decodes them. A prefetched range is decoded while the range before it is being written, so
   * the decoding fills the time spent waiting for the database.
   * The registry already knows every collective the range's logs can come from: fetching the
   * range added those it creates, and those of earlier ranges were added when they were fetched.
   * A failure is met where the range is awaited (a prefetch that fails is fetched again, and its
   * error met, in turn), never left unhandled.
   */
  private fetchFinal(from: number, to: number): FinalRange {
    // The block before the range by its hash, not the range's first block by its parent hash:
    // the two say the same on a chain, and Hardhat's hardhat_mine leaves the parent hash of the
    // blocks it mines in one go empty.
    const edges = from > 0 ? [from - 1, to] : [to];
    // The headers first, then the logs: the range is committed under its last block's hash as it
    // was before its logs were read, so logs from a branch the chain left while they were read
    // (a prefetch overtaken by a reorg) are under a hash the chain no longer has, and the next
    // poll rolls them back. Read together, the logs could be the old branch's and the hash the new's.
    // Then the blocks of the logs, by number: each log must carry its block's hash, or the logs
    // came from another branch than the blocks (branch.ts), and the range is read again.
    const headers = this.rpc.headers(edges);
    const logs = headers.then(() => this.fetchRange({ fromBlock: from, toBlock: to }));
    const blocks = logs.then((l) => this.blocksOf(l));
    const decoded = Promise.all([logs, headers, blocks]).then(([l, edgeHeaders, logBlocks]) => {
      const last = edgeHeaders.get(to);
      if (!last) throw new Error(`The chain did not return block ${to}`);
      checkLogsOnBranch(l, logBlocks);
      const timestamps = new Map([...logBlocks].map(([n, header]) => [n, header.timestamp]));
      return { before: edgeHeaders.get(from - 1), last, events: this.decode(l, last, timestamps) };
    });
    headers.catch(() => undefined);
    logs.catch(() => undefined);
    blocks.catch(() => undefined);
    decoded.catch(() => undefined);
    return { logs, decoded };
  }

  /** The logs as events in chain order, each with its block's time. */
  private decode(logs: RawLog[], header: BlockHeader, timestamps: Map<number, number>): IndexedEvent[] {
    timestamps.set(header.number, header.timestamp);
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
   * A block near the head, fetched by the poll that found the cursor's block still on the chain;
   * followed only if it is that block's child (the poll's answers may come from two nodes), and
   * its logs are fetched by its hash, and must carry it.
   */
  private async followBlock(header: BlockHeader): Promise<void> {
    let logs: RawLog[];
    try {
      if (this.cursorHash !== undefined) checkExtends(header, this.cursorHash);
      logs = await this.fetchRange({ blockHash: header.hash });
      checkLogsOnBranch(logs, new Map([[header.number, header]]));
    } catch (error) {
      if (error instanceof MixedBranchesError) return this.readAgain(error);
      throw error;
    }
    const events = this.decode(logs, header, new Map([[header.number, header.timestamp]]));
    await this.commit(header.number, header.number, events, header, false);
  }

  /** The headers of the logs' blocks, by number: their hashes to check the logs by, and their times. */
  private async blocksOf(logs: RawLog[]): Promise<Map<number, BlockHeader>> {
    const numbers = new Set(logs.map((log) => Number(log.blockNumber)));
    return numbers.size > 0 ? this.rpc.headers([...numbers]) : new Map<number, BlockHeader>();
  }

  /**
   * The RPC's answers for a unit came from two branches: most often a reorg while it was read,
   * which the next poll finds; nothing of it is written, and it is read again at once. An RPC that
   * keeps mixing branches fails the step: the run loop retries it with a growing pause, and the
   * status says why. Collectives the unit's logs created are forgotten until read again.
   */
  private async readAgain(error: MixedBranchesError): Promise<void> {
    this.prefetch = undefined;
    this.registry = await Registry.load(this.db, this.options.factory);
    if (++this.mixedReads >= MIXED_READS_BEFORE_FAILING) throw error;
    this.log.warn(
      { block: error.block, expected: error.expected, found: error.found, reads: this.mixedReads },
      "the RPC answered from two branches of the chain; reading again",
    );
  }

  private fetchRange(range: BlockRange | { blockHash: Hex }): Promise<RawLog[]> {
    return fetchLogs(this.rpc, this.registry, this.options.factory, range);
  }

  /**
   * Writes a unit (a range, or one block) with the cursor and its last block's hash, in one
   * transaction. A unit within `maxReorgDepth` of the head records its changes for undo, all
   * under its last block: a reorg inside it rolls the whole unit back to the block before it.
   */
  private async commit(
    from: number,
    to: number,
    events: IndexedEvent[],
    header: BlockHeader,
    backfill: boolean,
  ): Promise<void> {
    const started = performance.now();
    const undoable = to > this.status.head - this.maxReorgDepth;
    const { touched, anchor, skipped } = await this.db.transaction(async (tx) => {
      if (undoable) await tx.execute(sql`SELECT set_config('rhizome.block', ${String(to)}, true)`);
      const applied = await applyEvents(tx, this.registry, events);
      if (undoable) await tx.execute(sql`SELECT set_config('rhizome.block', '', true)`);
      await keepBlock(tx, header);
      const kept = await pruneBelow(tx, this.status.head - this.maxReorgDepth);
      await tx.update(schema.indexerState).set({
        cursorBlock: to,
        headBlock: this.status.head,
        headTimestamp: header.timestamp,
        finalizedBlock: kept ?? this.status.finalized,
      });
      await this.options.beforeCommit?.({ fromBlock: from, toBlock: to });
      return { ...applied, anchor: kept };
    });
    for (const { event, error } of skipped) {
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
    this.status.skippedEvents += skipped.length;
    this.mixedReads = 0;
    this.status.cursor = to;
    this.cursorHash = header.hash;
    this.status.finalized = anchor ?? this.status.finalized;
    this.status.events += events.length;
    this.emit("indexed", {
      fromBlock: from,
      toBlock: to,
      events: events.length,
      collectives: [...touched],
      eventNames: [...new Set(events.map((e) => `${e.source}.${e.eventName}`))],
      backfill,
      timestamp: header.timestamp,
      durationMs: performance.now() - started,
    });
  }

  /**
   * Walks back to the newest kept block the chain still has and undoes everything above it. When
   * the chain has none of them, the reorg went deeper than the undo records reach (or the chain
   * was replaced): the index is rebuilt from the chain. False when the walk finds the cursor's
   * own block after all (the chain's answers disagreed for a moment): nothing to undo, and the
   * next poll looks again.
   */
  private async handleReorg(): Promise<boolean> {
    this.prefetch = undefined;
    // A head below every block the index keeps is a node that is behind (a provider's node
    // catching up, a load balancer's lagging one), not a reorg: wait for it rather than rebuild.
    const behind = () => {
      this.status.caughtUp = false;
      this.status.reason = `the chain's head (block ${this.status.head}) is behind the index (block ${this.status.cursor}): waiting for the RPC to catch up`;
      return false;
    };
    if (this.status.head < this.status.finalized) return behind();
    const ancestor = await findAncestor(this.db, this.rpc);
    if (!ancestor) {
      const oldest = await oldestKept(this.db);
      if (oldest !== undefined && this.status.head < oldest) return behind();
      await this.rebuild();
      return true;
    }
    const depth = this.status.cursor - ancestor.number;
    if (depth === 0) return false;
    await rollBack(this.db, ancestor.number);
    this.status.cursor = ancestor.number;
    this.cursorHash = ancestor.hash;
    this.updateLag();
    this.registry = await Registry.load(this.db, this.options.factory);
    this.log.warn({ ancestor: ancestor.number, depth }, "reorg: rolled back to the common ancestor");
    this.emit("reorg", { ancestor: ancestor.number, depth });
    return true;
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
    await this.emptyIndex();
    await this.init();
    this.status.caughtUp = false;
    this.status.reason = reason;
    this.emit("reorg", { ancestor: this.options.startBlock - 1, depth });
  }
}

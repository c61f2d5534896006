/**
 * The sync pipeline: discovers collectives from the factory and follows every module. Below
 * head − confirmations it backfills in adaptive ranges, each range committed with the cursor in
 * one transaction; above, it follows the head block by block, keeping each block's hash and an
 * undo record of its changes, so a reorg rolls back to the common ancestor and re-indexes.
 */
import { EventEmitter } from "node:events";
import { sql } from "drizzle-orm";
import type { Address, Hex } from "viem";
import { BOOKKEEPING_TABLES, PROJECTION_TABLES, schema, type Database } from "@rhizome/db";
import { applyEvents, PROJECTION_VERSION } from "../projections/apply.js";
import { decodeLogs, type IndexedEvent } from "./decode.js";
import { fetchLogs, type BlockRange } from "./logs.js";
import { Registry } from "./registry.js";
import { errorText, isPermanent, sleep, type BlockHeader, type RawLog, type Rpc } from "./rpc.js";

export interface IndexerOptions {
  factory: Address;
  startBlock: number;
  confirmations: number;
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
}

/** What a committed range brings, for progress and live updates. */
export interface Indexed {
  fromBlock: number;
  toBlock: number;
  events: number;
  collectives: string[];
  eventNames: string[];
  backfill: boolean;
}

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A reorg reached below the finalized block: the confirmation depth is too small for this chain. */
export class DeepReorgError extends Error {
  override name = "DeepReorgError";
}

/** A final range in flight: its logs, then the headers its commit needs. */
interface FinalRange {
  logs: Promise<RawLog[]>;
  /** The range's last header, and its events decoded as soon as the logs and timestamps are in. */
  decoded: Promise<{ header: BlockHeader; events: IndexedEvent[] }>;
}

/** What one poll of the head learns, all asked at once. */
interface Poll {
  head: number;
  /** The block after the cursor, when following the head and the chain has it. */
  next?: BlockHeader | undefined;
  /** The chain's block at the cursor, and the one the index keeps there, when following the head. */
  current?: BlockHeader | undefined;
  stored?: { hash: string } | undefined;
}

export class Indexer extends EventEmitter<{ indexed: [Indexed]; reorg: [{ ancestor: number; depth: number }] }> {
  readonly status: IndexerStatus = { chainId: 0, head: 0, cursor: 0, finalized: 0, lag: 0, caughtUp: false, events: 0 };
  private registry: Registry;
  /** Blocks in the next backfill range: starts small, grows while ranges come back light. */
  private rangeSize = 100;
  /** The next range's logs and blocks, fetched while the current range is written. */
  private prefetch: ({ from: number; to: number } & FinalRange) | undefined;

  constructor(
    private readonly db: Database,
    private readonly rpc: Rpc,
    private readonly options: IndexerOptions,
    private readonly log: Logger,
  ) {
    super();
    this.registry = new Registry(options.factory);
    this.rangeSize = options.initialRange ?? this.rangeSize;
  }

  /**
   * Checks the chain and the projections against the database (starting afresh if the chain was
   * reset or the index was written by other projections) and loads the state.
   */
  async init(): Promise<void> {
    const chainId = await this.rpc.chainId();
    const genesis = await this.rpc.header(0);
    const [state] = await this.db.select().from(schema.indexerState);
    const reason = state ? await this.resetReason(state, chainId, genesis.hash) : undefined;
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
    if (reason || outdated) {
      await this.db.execute(sql.raw(`TRUNCATE ${[...PROJECTION_TABLES, ...BOOKKEEPING_TABLES].join(", ")}`));
    }
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
    this.registry = await Registry.load(this.db, this.options.factory);
  }

  /**
   * Why the database's index cannot belong to the chain the RPC serves now, if it cannot: another
   * chain id, genesis or factory, or the oldest block it keeps (at or below the finalized one) is
   * gone from the chain, which only a chain restarted from scratch does.
   */
  private async resetReason(
    state: typeof schema.indexerState.$inferSelect,
    chainId: number,
    genesis: Hex,
  ): Promise<string | undefined> {
    if (state.chainId !== chainId) return "another chain id";
    if (state.genesisHash !== genesis) return "another genesis block";
    if (state.factory !== this.options.factory) return "another factory";
    const [oldest] = await this.db.select().from(schema.blocks).orderBy(schema.blocks.number).limit(1);
    if (!oldest) return undefined;
    if (oldest.number > (await this.rpc.head())) return "the chain is shorter than the index";
    if ((await this.rpc.header(oldest.number)).hash !== oldest.hash) return "the indexed blocks are gone";
    return undefined;
  }

  /**
   * Runs until `signal` aborts: backfill, then follow the head. Idle polls start one
   * `pollInterval` apart, not one interval after the last poll ended: the poll's own round
   * trips would otherwise add to how long a new block waits to be seen.
   */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const started = performance.now();
      const progressed = await this.step();
      if (!progressed) await sleep(Math.max(0, this.options.pollInterval - (performance.now() - started)));
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
    const { head, next, current, stored } = await this.poll();
    this.status.head = head;
    if (head < this.status.cursor && this.status.cursor > this.status.finalized) {
      await this.handleReorg();
      return true;
    }
    const finalTarget = head - this.options.confirmations;
    if (this.status.cursor < finalTarget) {
      const from = this.status.cursor + 1;
      const to = Math.min(finalTarget, from + this.rangeSize - 1);
      await this.backfillRange(from, to);
    } else if (this.status.cursor < head) {
      await this.followBlock(this.status.cursor + 1, next, stored);
    } else {
      // Same height, but is it the same block? A reorg can replace the head without growing.
      if (this.status.cursor > this.status.finalized && (await this.headReplaced(head, current, stored))) {
        await this.handleReorg();
        return true;
      }
      this.updateLag();
      return false;
    }
    this.updateLag();
    return true;
  }

  /**
   * The head; when following it, also the block after the cursor, the block at the cursor and
   * the hash the index keeps for it: one JSON-RPC request beside one query, not four round trips
   * one after another.
   */
  private async poll(): Promise<Poll> {
    const { cursor, finalized } = this.status;
    const following = this.status.head > 0 && cursor >= this.status.head - this.options.confirmations;
    if (!following) return { head: await this.rpc.head() };
    const [{ head, headers }, stored] = await Promise.all([
      this.rpc.headWithHeaders(cursor > finalized ? [cursor + 1, cursor] : [cursor + 1]),
      this.storedBlock(cursor),
    ]);
    const [next, current] = headers;
    return { head, next, current, stored };
  }

  private async storedBlock(number: number): Promise<{ hash: string } | undefined> {
    const [stored] = await this.db
      .select({ hash: schema.blocks.hash })
      .from(schema.blocks)
      .where(sql`${schema.blocks.number} = ${number}`);
    return stored;
  }

  private async headReplaced(
    head: number,
    current: BlockHeader | undefined,
    stored: { hash: string } | undefined,
  ): Promise<boolean> {
    // The poll's answers are for the cursor's height; asked afresh if the head is elsewhere.
    const atHead = head === this.status.cursor;
    const kept = atHead ? stored : await this.storedBlock(head);
    if (kept === undefined) return false;
    const onChain = atHead && current ? current : await this.rpc.header(head);
    return kept.hash !== onChain.hash;
  }

  private updateLag(): void {
    this.status.lag = Math.max(0, this.status.head - this.status.cursor);
    this.status.caughtUp = this.status.lag === 0;
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
    const { header, events } = await range.decoded;
    await this.commit(from, to, events, header, false);
  }

  /**
   * Starts fetching a final range: its logs, and with them its last block's header and the
   * timestamps the logs lack; then decodes them. A prefetched range is decoded while the range
   * before it is being written, so the decoding fills the time spent waiting for the database.
   * The registry already knows every collective the range's logs can come from: fetching the
   * range added those it creates, and those of earlier ranges were added when they were fetched.
   * A failure is met where the range is awaited (a prefetch that fails is fetched again, and its
   * error met, in turn), never left unhandled.
   */
  private fetchFinal(from: number, to: number): FinalRange {
    const logs = this.fetchRange({ fromBlock: from, toBlock: to });
    const decoded = Promise.all([logs, this.rpc.header(to), logs.then((l) => this.timestampsOf(l))]).then(
      ([l, header, timestamps]) => ({ header, events: this.decode(l, header, timestamps) }),
    );
    logs.catch(() => undefined);
    decoded.catch(() => undefined);
    return { logs, decoded };
  }

  /** The logs as events in chain order, each with its block's time. */
  private decode(logs: RawLog[], header: BlockHeader, timestamps: Map<number, number>): IndexedEvent[] {
    timestamps.set(header.number, header.timestamp);
    return decodeLogs(logs, this.registry, timestamps);
  }

  /** An unfinalized block: checked against its parent, fetched by hash, recorded for undo. */
  private async followBlock(
    number: number,
    polled: BlockHeader | undefined,
    polledParent: { hash: string } | undefined,
  ): Promise<void> {
    // The poll fetched this block and its parent's kept hash, unless the head was found moving.
    const header = polled?.number === number ? polled : await this.rpc.header(number);
    const parent = polled?.number === number ? polledParent : await this.storedBlock(number - 1);
    if (parent && parent.hash !== header.parentHash) {
      await this.handleReorg();
      return;
    }
    const logs = await this.fetchRange({ blockHash: header.hash });
    const events = this.decode(logs, header, await this.timestampsOf(logs, header));
    await this.commit(number, number, events, header, true);
  }

  /** The timestamps of the logs' blocks, for a chain whose logs do not carry them. */
  private async timestampsOf(logs: RawLog[], known?: BlockHeader): Promise<Map<number, number>> {
    const numbers = new Set<number>();
    for (const log of logs) if (log.blockTimestamp === undefined) numbers.add(Number(log.blockNumber));
    if (known) numbers.delete(known.number);
    const headers = numbers.size > 0 ? await this.rpc.headers([...numbers]) : new Map<number, BlockHeader>();
    const timestamps = new Map([...headers].map(([n, h]) => [n, h.timestamp]));
    if (known) timestamps.set(known.number, known.timestamp);
    return timestamps;
  }

  private fetchRange(range: BlockRange | { blockHash: Hex }): Promise<RawLog[]> {
    return fetchLogs(this.rpc, this.registry, this.options.factory, range);
  }

  private async commit(
    from: number,
    to: number,
    events: IndexedEvent[],
    header: BlockHeader,
    unfinalized: boolean,
  ): Promise<void> {
    const finalized = Math.max(this.status.finalized, this.status.head - this.options.confirmations);
    const touched = await this.db.transaction(async (tx) => {
      if (unfinalized) await tx.execute(sql`SELECT set_config('rhizome.block', ${String(to)}, true)`);
      const collectives = await applyEvents(tx, this.registry, events);
      if (unfinalized) await tx.execute(sql`SELECT set_config('rhizome.block', '', true)`);
      await tx
        .insert(schema.blocks)
        .values({
          number: header.number,
          hash: header.hash,
          parentHash: header.parentHash,
          timestamp: header.timestamp,
        })
        .onConflictDoUpdate({
          target: schema.blocks.number,
          set: { hash: header.hash, parentHash: header.parentHash },
        });
      await tx.update(schema.indexerState).set({
        cursorBlock: to,
        headBlock: this.status.head,
        headTimestamp: header.timestamp,
        finalizedBlock: finalized,
      });
      await tx.delete(schema.reorgLog).where(sql`${schema.reorgLog.blockNumber} <= ${finalized}`);
      await tx.delete(schema.blocks).where(sql`${schema.blocks.number} < ${Math.min(finalized, to)}`);
      await this.options.beforeCommit?.({ fromBlock: from, toBlock: to });
      return collectives;
    });
    this.status.cursor = to;
    this.status.finalized = finalized;
    this.status.events += events.length;
    this.emit("indexed", {
      fromBlock: from,
      toBlock: to,
      events: events.length,
      collectives: [...touched],
      eventNames: [...new Set(events.map((e) => `${e.source}.${e.eventName}`))],
      backfill: !unfinalized,
    });
  }

  /** Walks back to the newest block whose hash the chain still has, and undoes everything above it. */
  private async handleReorg(): Promise<void> {
    const stored = await this.db
      .select()
      .from(schema.blocks)
      .orderBy(sql`${schema.blocks.number} DESC`);
    const head = await this.rpc.head();
    let ancestor: number | undefined;
    for (const block of stored) {
      if (block.number > head) continue;
      const onChain = await this.rpc.header(block.number);
      if (onChain.hash === block.hash) {
        ancestor = block.number;
        break;
      }
    }
    if (ancestor === undefined || ancestor < this.status.finalized) {
      const genesis = await this.rpc.header(0);
      const [state] = await this.db.select().from(schema.indexerState);
      if (state && state.genesisHash !== genesis.hash) {
        await this.init();
        return;
      }
      throw new DeepReorgError(
        `A reorg reached below the finalized block ${this.status.finalized}; raise CONFIRMATIONS for this chain`,
      );
    }
    const depth = this.status.cursor - ancestor;
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT rhizome_revert_to(${ancestor})`);
      await tx.delete(schema.blocks).where(sql`${schema.blocks.number} > ${ancestor}`);
      await tx.update(schema.indexerState).set({ cursorBlock: ancestor });
    });
    this.status.cursor = ancestor;
    this.registry = await Registry.load(this.db, this.options.factory);
    this.log.warn({ ancestor, depth }, "reorg: rolled back to the common ancestor");
    this.emit("reorg", { ancestor, depth });
  }
}

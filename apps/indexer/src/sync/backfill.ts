/**
 * The backfill stage: the final blocks (below head − confirmations), read by block numbers in
 * adaptive ranges. Ranges grow while they come back light and shrink when heavy; a range the
 * provider refuses as too large shrinks to what its answer allows, and the span the provider
 * states is remembered as a cap the ranges never grow past again. While one range is written, the
 * next is already fetched and decoded.
 * Every range is read with the headers of its edges: the block before it is checked against the
 * cursor's, so a range that does not extend what is indexed is never written. A range below the
 * reorg window (no reorg rolled back in place reaches it) is read with one eth_getLogs and the
 * headers of the blocks that hold its logs, for their times, only when the logs do not carry
 * them: nothing is kept of it for reorgs but its last block's hash, in memory. A range that
 * reaches into the window keeps its last block (and the block before it as the anchor below the
 * window, when the cursor's block was not kept).
 */
import { checkLogsOnBranch, MixedBranchesError } from "./branch.js";
import type { IndexedEvent } from "./decode.js";
import { LOG_PARTS, type BlockRange } from "./logs.js";
import { RpcRangeError } from "./rpc-errors.js";
import type { BlockHeader, RawLog, Rpc } from "./rpc.js";

/**
 * Blocks in the first range when the options do not say. Small, because nothing is known yet of
 * how busy the blocks are: on the dense benchmark a first range of 100 blocks held 23,177 events,
 * and that range and the one fetched beside it set the indexer's memory peak (455-461 MB, against
 * 323-414 MB from 25 blocks). A quiet chain doubles its way past it in a few calls.
 */
export const INITIAL_RANGE = 25;
/** The widest range asked, however light ranges come back. */
export const MAX_RANGE = 100_000;
/**
 * Ranges aim for this many logs: grow below the low mark, shrink above the high one. A range is
 * held decoded while the next is fetched, so the high mark bounds memory; below about 5,000 logs
 * a range, the commits' round trips start to cost more than they save (measured on the dense
 * benchmark: 2,500 to 5,000 gave 44 commits and was slower; 5,000 to 10,000, 29 commits).
 */
const LIGHT_LOGS = 5_000;
const HEAVY_LOGS = 10_000;
/** A range after one that answered this many logs is asked in LOG_PARTS parts at once. */
const SPLIT_LOGS = 2_000;

/**
 * The next range's size after a range asked at `size` blocks answered `logs` logs: doubled while
 * ranges come back light, halved when heavy, never past `cap` (the span the provider allows).
 */
export function grownRange(size: number, logs: number, cap: number): number {
  if (logs < LIGHT_LOGS) return Math.min(size * 2, MAX_RANGE, cap);
  if (logs > HEAVY_LOGS) return Math.max(1, Math.floor(size / 2));
  return Math.min(size, cap);
}

/**
 * The next range's size after the provider refused a range of `span` blocks: the span its answer
 * allows when it states one below the range, else a quarter of the range (a result cap depends on
 * how busy the blocks are, and a quarter reaches a workable size in a few steps).
 */
export function shrunkRange(span: number, error: RpcRangeError): number {
  const allowed = error.maxSpan !== undefined && error.maxSpan < span ? error.maxSpan : Math.floor(span / 4);
  return Math.max(1, allowed);
}

/** A final range read and decoded, ready to write. */
export interface FinalUnit {
  from: number;
  to: number;
  /** The chain's block before the range, to check that the range extends the cursor's block. */
  before: BlockHeader | undefined;
  /**
   * The range's last block: kept under its hash for a range that reaches into the reorg window;
   * for one below it, only its hash is held (in memory), for the next read to build on.
   */
  last: BlockHeader;
  /** Below the reorg window: written without undo records, its last block not kept. */
  deep: boolean;
  events: IndexedEvent[];
}

/** A final range in flight: its logs, then everything its write needs. */
interface InFlight {
  from: number;
  to: number;
  /** Read without headers of its edges: the range was below the reorg window. */
  deep: boolean;
  /**
   * How many logs the range answered. Only the count is kept: the logs themselves are let go once
   * decoded, so a range fetched ahead holds its events, not its events and its logs.
   */
  logCount: Promise<number>;
  /** Rejects with a MixedBranchesError when the logs and their blocks come from two branches. */
  unit: Promise<FinalUnit>;
}

export interface BackfillOptions {
  /** Blocks in the first range (INITIAL_RANGE). */
  initialRange?: number;
  /** The logs of a range, of the factory and of every collective known, asked in `parts` block ranges at once. */
  fetchLogs: (range: BlockRange, parts: number) => Promise<RawLog[]>;
  /** Decodes a range's logs, each with its block's time (`last`, when read, is the range's last block). */
  decode: (logs: RawLog[], last: BlockHeader | undefined, timestamps: Map<number, number>) => IndexedEvent[];
  /** Told when a range is refused and shrinks. */
  onShrink?: (refused: { from: number; to: number; next: number; error: RpcRangeError }) => void;
}

export class Backfill {
  /** Blocks in the next range: starts small, adapts from there. */
  private rangeSize: number;
  /** The most blocks the provider takes in one request, once its answer said so. */
  private cap = MAX_RANGE;
  /** The next range, fetched while the current range is written. */
  private prefetched: InFlight | undefined;
  /** Logs the last range answered: the next is asked in parts when it was busy. */
  private lastLogs = 0;

  constructor(
    private readonly rpc: Rpc,
    private readonly options: BackfillOptions,
  ) {
    this.rangeSize = options.initialRange ?? INITIAL_RANGE;
  }

  /** Drops the range fetched ahead: the chain or the registry it was read with has changed. */
  forget(): void {
    this.prefetched = undefined;
  }

  /**
   * The range from `from` up to `finalTarget` (at most), read and decoded; undefined when the
   * provider refused it as too large (the next call asks a smaller one). Blocks from `keptFrom`
   * on are within the reorg window. Before returning, it starts fetching the range after it.
   * Throws what the reads throw: a MixedBranchesError when the answers came from two branches,
   * an RpcError when the RPC fails.
   */
  async next(from: number, finalTarget: number, keptFrom: number): Promise<FinalUnit | undefined> {
    const prefetched = this.prefetched;
    this.prefetched = undefined;
    // A range fetched ahead stays good while the head it was planned under only grew: it ends at
    // or below the final target, and if it was read as below the reorg window, it still is.
    const ready =
      prefetched?.from === from && prefetched.to <= finalTarget && (!prefetched.deep || prefetched.to < keptFrom)
        ? prefetched
        : undefined;
    const to = ready?.to ?? Math.min(finalTarget, from + this.rangeSize - 1);
    const range = ready ?? this.fetch(from, to, keptFrom);
    let logs: number;
    try {
      logs = await range.logCount;
    } catch (error) {
      if (to > from && error instanceof RpcRangeError) {
        const span = to - from + 1;
        if (error.cap === "span" && error.maxSpan !== undefined) this.cap = Math.min(this.cap, error.maxSpan);
        this.rangeSize = shrunkRange(span, error);
        this.options.onShrink?.({ from, to, next: this.rangeSize, error });
        return undefined;
      }
      throw error;
    }
    this.lastLogs = logs;
    this.rangeSize = grownRange(this.rangeSize, logs, this.cap);
    if (to < finalTarget) {
      const nextTo = Math.min(finalTarget, to + this.rangeSize);
      this.prefetched = this.fetch(to + 1, nextTo, keptFrom);
    }
    return range.unit;
  }

  /**
   * Starts fetching a final range: its logs, the headers of the logs' blocks where the logs do not
   * carry their times (their hashes must be the logs', and they give the times) and, for a range
   * that reaches `keptFrom`, its edges' headers; then decodes them. A prefetched range is decoded
   * while the range before it is being written, so the decoding fills the time spent waiting for
   * the database.
   * The registry already knows every collective the range's logs can come from: fetching the
   * range added those it creates, and those of earlier ranges were added when they were fetched.
   * A failure is met where the range is awaited (a prefetch that fails is fetched again, and its
   * error met, in turn), never left unhandled.
   */
  private fetch(from: number, to: number, keptFrom: number): InFlight {
    const deep = to < keptFrom;
    const parts = this.lastLogs >= SPLIT_LOGS ? LOG_PARTS : 1;
    // The block before the range by its hash, not the range's first block by its parent hash:
    // the two say the same on a chain, and Hardhat's hardhat_mine leaves the parent hash of the
    // blocks it mines in one go empty.
    // Every range reads its edges, below the window too: a reorg deeper than the window, under a
    // range read there, is found when the next read does not extend the cursor's block.
    const edges = from > 0 ? [from - 1, to] : [to];
    // The headers first, then the logs: the range is committed under its last block's hash as it
    // was before its logs were read, so logs from a branch the chain left while they were read
    // (a prefetch overtaken by a reorg) are under a hash the chain no longer has, and the next
    // poll rolls them back. Read together, the logs could be the old branch's and the hash the new's.
    // Then the blocks of the logs, by number: each log must carry its block's hash, or the logs
    // came from another branch than the blocks (branch.ts), and the range is read again. Below
    // the window no reorg reaches, and logs that carry their times need no header.
    const headers = this.rpc.headers(edges);
    const logs = headers.then(() => this.options.fetchLogs({ fromBlock: from, toBlock: to }, parts));
    const blocks = logs.then((l) =>
      deep && l.every((log) => log.blockTimestamp !== undefined) ? undefined : this.blocksOf(l),
    );
    const unit = Promise.all([logs, headers, blocks]).then(([l, edgeHeaders, logBlocks]): FinalUnit => {
      const last = edgeHeaders.get(to);
      // The head the range was planned under is gone (a reorg shortened the chain since): read
      // again once the head is asked anew, as for answers from two branches.
      if (!last) {
        throw new MixedBranchesError(
          to,
          "none",
          "none",
          `The chain no longer has block ${to}, the last of the range ${from}-${to}: it went back while the range was read.`,
        );
      }
      const timestamps = new Map<number, number>();
      if (logBlocks) {
        checkLogsOnBranch(l, logBlocks);
        for (const [n, header] of logBlocks) timestamps.set(n, header.timestamp);
      }
      return {
        from,
        to,
        before: edgeHeaders.get(from - 1),
        last,
        deep,
        events: this.options.decode(l, last, timestamps),
      };
    });
    headers.catch(() => undefined);
    logs.catch(() => undefined);
    blocks.catch(() => undefined);
    unit.catch(() => undefined);
    const logCount = logs.then((l) => l.length);
    logCount.catch(() => undefined);
    return { from, to, deep, logCount, unit };
  }

  /** The headers of the logs' blocks, by number: their hashes to check the logs by, and their times. */
  private async blocksOf(logs: RawLog[]): Promise<Map<number, BlockHeader>> {
    const numbers = new Set(logs.map((log) => Number(log.blockNumber)));
    return numbers.size > 0 ? this.rpc.headers([...numbers]) : new Map<number, BlockHeader>();
  }
}
